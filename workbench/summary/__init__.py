"""The summary of the analysis for the politicians (issue 19): one set of figures (articles, spend, pooled
volume, plastic and CO2e before and after the decisions, per municipality and per reviewer) that the PDF,
the workbooks, the JSON and the app all read."""
