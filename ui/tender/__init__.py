"""The app's part of workbench.tender."""
