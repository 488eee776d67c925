"""The app's part of workbench.summary."""
