"""Consolidation in the app (issue 17): the Konsolidering page lists the core's clusters by what they would
save, opens one side by side with its suggested keeper, and takes the working group's decisions (accept,
reject, another keeper, split) into the review session and the workbook's Kluster log. The core
(``workbench.consolidation``) finds the clusters and writes the log; this only shows and wires."""

__all__ = ["controller", "lists", "page"]
