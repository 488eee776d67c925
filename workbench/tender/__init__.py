"""The tender article list (Anbudsunderlag, issue 19): the remaining articles with their pooled yearly
volumes and requirement levels, as a workbook the suppliers fill in with their offers."""
