"""Pausing Python's cyclic garbage collector during bulk work (private).

Saving or merging 100,000 rows builds a few hundred thousand small containers (cell keys, row lists,
per-row dicts) and almost no reference cycles; the collector would run over and over meanwhile, costing
a third of such loops. ``paused_gc`` turns it off for the duration and back on after; nested and
concurrent uses (the GUI saves in a background thread) share one count, so the collector resumes when
the last of them ends. Memory is unaffected except for cycles, which the next collection frees.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run ``func`` inside :func:`paused_gc`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused_gc():
            return func(*args, **kwargs)

    return wrapper
