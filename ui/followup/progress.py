"""What a follow-up run reports from its worker thread (a :class:`Step` through a queued signal) and what the
page says of the run under way (:class:`RunState`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Step:
    """What the run reports: ``kind`` "file" (``a`` its index, ``name`` its name) before each file, "bytes"
    (``a`` of ``b`` bytes read) after each part, "lines" (``a`` files done, ``b`` lines so far) after each
    file; ``seconds`` since the run began."""

    kind: str
    a: int
    b: int
    seconds: float
    name: str = ""


@dataclass
class RunState:
    """What the page says of the run under way."""

    files: int
    file: int = 0
    name: str = ""
    files_done: int = 0
    read: int = 0
    size: int = 0
    lines: int = -1
    seconds: float = 0.0


class Relay(QObject):
    """Carries the worker's steps to the GUI thread (a queued signal)."""

    step = Signal(object)
