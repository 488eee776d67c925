"""The app's part of workbench.followup."""
