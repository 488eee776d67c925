"""The Enkäter page and its actions (issue 18): forms out, answers in, where the round stands, and the
units' agreed answer adopted into the grid. The logic is in workbench.survey."""
