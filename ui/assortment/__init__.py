"""The joint assortment in the app: the merge wizard, updating one municipality's list, the joint grid."""
