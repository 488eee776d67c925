"""The collector pause around bulk saves: nested and concurrent uses end with the collector as before."""

from __future__ import annotations

import gc
import threading

import pytest

from workbench._gc import gc_paused, paused_gc


def test_nested_and_threaded_pauses_restore_the_collector() -> None:
    assert gc.isenabled()
    inner_started, release = threading.Event(), threading.Event()

    def other() -> None:
        with paused_gc():
            inner_started.set()
            release.wait(5)

    with paused_gc():
        assert not gc.isenabled()
        worker = threading.Thread(target=other)
        worker.start()
        inner_started.wait(5)
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pause is still running
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_the_decorator_restores_the_collector_after_an_error() -> None:
    @gc_paused
    def fails() -> None:
        assert not gc.isenabled()
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        fails()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_program_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_regression_a_save_ending_during_a_load_leaves_the_collector_paused(tmp_path, monkeypatch) -> None:
    """The importer switched the collector off and on by hand, beside the shared pause: a save (its pause
    begun first) that ended while a file was being read turned the collector back on under the load."""
    from _shared_fixtures import build_list

    from workbench.reading import importer

    book = build_list(tmp_path / "lista.xlsx")
    reading, release = threading.Event(), threading.Event()
    real = importer._read_table

    def slow_read(*args, **kwargs):  # type: ignore[no-untyped-def]
        reading.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "_read_table", slow_read)
    loader = threading.Thread(target=importer.read_table, args=(book,))
    with paused_gc():  # a save in progress
        loader.start()
        assert reading.wait(10)
    assert not gc.isenabled(), "the load's pause ended with the save's"
    release.set()
    loader.join(10)
    assert gc.isenabled()
