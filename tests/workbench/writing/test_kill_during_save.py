"""A saving process killed with SIGKILL at a random moment never breaks or mixes the workbook.

Runs a short series of the trials of ``tools/kill_trials.py`` (200 of them are recorded in
``docs/reliability.md``): after every kill the workbook opens and equals its state before or after the
save, the journal replays what was not saved, and saving again takes over the dead process's lock.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _kill_trials():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kill_trials", ROOT / "tools" / "kill_trials.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_trials"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_saves_leave_the_old_or_the_new_workbook_and_the_journal_replays(tmp_path: Path) -> None:
    trials = _kill_trials()
    lo_every = 10 if (shutil.which("soffice") or shutil.which("libreoffice")) else 0
    counts = trials.run_trials(20, libreoffice_every=lo_every, seed=7, workdir=tmp_path)
    assert counts.failures == [], counts.failures
    assert counts.trials == 20
    assert not any("mix" in name or "unreadable" in name for name in counts.outcomes)
    assert counts.libreoffice_ok == counts.libreoffice_checked
