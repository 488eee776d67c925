"""The environment in the app (issue 16): suggested Miljöpoäng shown faintly and accepted as undo steps,
the article's assessment in the detail pane, the Miljö panel and the facet "SUP-regel". The core
(``workbench.environment``) assesses; this only shows and wires."""
