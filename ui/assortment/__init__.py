"""The joint assortment in the app (issue 15): the merge wizard, updating one municipality's list, and
the grid's joint columns, source rows, link and split."""
