"""What a save or a pull changed, as data, and its one wording (the CLI prints it, the GUI shows it).

A save (:class:`workbench.writing.save.SaveResult`, :class:`workbench.sharing.shared_save.SharedSaveResult`)
and a pull (:class:`workbench.sharing.shared_save.PullResult`) each hand back a :class:`ChangeSummary`
(``result.changes``): our cells written, what came in from colleagues and from whom, conflicts settled,
what could not be saved. :meth:`ChangeSummary.lines` words it from the message catalogue in the
caller's language; nobody else words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.messages import Problem, problem, text

#: How many colleagues a summary names before it only says "colleagues".
NAMED_COLLEAGUES = 3


@dataclass(frozen=True)
class ChangeSummary:
    """What one save or pull changed in ``file`` (the workbook written or read).

    ``saved``: whether this was a save (a pull writes nothing of ours); ``cells``/``articles``: our cells
    written and their articles; ``new_columns``/``unhidden``: review columns the save added or made
    visible; ``converted_from``: the xls/ods whose review went into ``file``, a new xlsx beside it;
    ``theirs``: colleagues' changed cells taken into our table, ``theirs_by``: who made them (the file's
    "reviewed by", when it says); ``settled_ours``/``settled_theirs``: conflicts settled with our value or
    the colleague's; ``missing``: our changes whose article the file no longer has (kept in the journal);
    ``took_over_from``: whose stale lock the save took over.
    """

    file: Path
    saved: bool = False
    cells: int = 0
    articles: int = 0
    new_columns: tuple[str, ...] = ()
    unhidden: tuple[str, ...] = ()
    converted_from: Path | None = None
    theirs: int = 0
    theirs_by: tuple[str, ...] = ()
    settled_ours: int = 0
    settled_theirs: int = 0
    missing: int = 0
    took_over_from: str | None = None

    def lines(self, lang: str = "sv", *, file_name_only: bool = False) -> list[str]:
        """The summary in ``lang``, one sentence a line: the file by its full path, or by its name only
        (a status bar); the file is named once, in the first line that needs it."""
        file = self.file.name if file_name_only else str(self.file)
        lines: list[str] = []
        if self.saved:
            lines.append(text("apply_done", lang, count=self.cells, keys=self.articles, file=file) if self.cells
                         else text("changes_nothing_saved", lang, file=file))
        if self.new_columns:
            lines.append(text("apply_new_columns", lang, columns=", ".join(self.new_columns)))
        if self.unhidden:
            lines.append(text("apply_unhidden", lang, columns=", ".join(self.unhidden)))
        if self.converted_from is not None:
            source = self.converted_from.name if file_name_only else str(self.converted_from)
            lines.append(text("apply_converted", lang, source=source, file=file))
        if self.theirs:
            who = self._colleagues()
            code = ("changes_theirs_by" if who is not None else "merged_theirs") + ("_too" if self.saved else "")
            lines.append(text(code, lang, count=self.theirs, who=who, file=file))
        settled = self.settled_ours + self.settled_theirs
        if settled:
            lines.append(text("conflicts_resolved", lang, count=settled, ours=self.settled_ours,
                              theirs=self.settled_theirs))
        if self.missing:
            lines.append(text("keys_missing", lang, count=self.missing, file=file))
        if self.took_over_from is not None:
            lines.append(text("lock_taken_over", lang, file=file, who=self.took_over_from))
        return lines

    def text(self, lang: str = "sv", *, separator: str = "\n", file_name_only: bool = False) -> str:
        """:meth:`lines` joined by ``separator``."""
        return separator.join(self.lines(lang, file_name_only=file_name_only))

    def _colleagues(self) -> str | Problem | None:
        """Who made the changes taken in, by name (up to :data:`NAMED_COLLEAGUES`); ``None``: unknown or many."""
        names = self.theirs_by
        if not names or len(names) > NAMED_COLLEAGUES:
            return None
        if len(names) == 1:
            return names[0]
        return problem("names_and", names=", ".join(names[:-1]), last=names[-1])
