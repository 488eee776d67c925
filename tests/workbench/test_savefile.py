"""Atomic save: verify before replacing, keep ten backups, never leave a broken or half file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from _writer_fixtures import ROOT, build_workbook, corpus_copy, read_grid

from workbench.errors import VerifyError, WriteError
from workbench.savefile import BACKUP_FOLDER, atomic_save, backups_of
from workbench.xlsx.patch import patch_xlsx


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_a_failing_verify_leaves_the_original_untouched_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "bok.xlsx"
    target.write_bytes(b"original")

    def verify(path: Path) -> None:
        raise ValueError("read back wrong")

    with pytest.raises(VerifyError) as caught:
        atomic_save(target, lambda p: p.write_bytes(b"new"), verify)
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path) == []
    assert caught.value.path == target
    assert "bok.xlsx" in caught.value.message("en")


def test_a_failing_write_raises_write_error_and_keeps_the_original(tmp_path: Path) -> None:
    target = tmp_path / "bok.xlsx"
    target.write_bytes(b"original")

    def write(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteError):
        atomic_save(target, write)
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path) == []


def test_twelve_saves_keep_the_last_ten_backups(tmp_path: Path) -> None:
    target = tmp_path / "bok.xlsx"
    target.write_bytes(b"v0")
    for version in range(1, 13):
        atomic_save(target, lambda p, v=version: p.write_bytes(f"v{v}".encode()))
    backups = backups_of(target)
    assert len(backups) == 10
    assert [b.read_bytes() for b in backups] == [f"v{v}".encode() for v in range(2, 12)]
    assert target.read_bytes() == b"v12"
    assert backups[0].parent == tmp_path / BACKUP_FOLDER


def test_the_replaced_file_keeps_the_original_permissions(tmp_path: Path) -> None:
    target = tmp_path / "bok.xlsx"
    target.write_bytes(b"v0")
    target.chmod(0o640)
    atomic_save(target, lambda p: p.write_bytes(b"v1"))
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_macro_workbook_stays_macro_enabled(tmp_path: Path) -> None:
    target = corpus_copy("vba_formcontrols_images.xlsm", tmp_path)
    source = target.with_name("original.xlsm")
    source.write_bytes(target.read_bytes())
    atomic_save(target, lambda p: patch_xlsx(source, p, None, {(1, 20): "Beslut"}))
    assert target.suffix == ".xlsm"
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target) as b:
        assert a.read("[Content_Types].xml") == b.read("[Content_Types].xml")
        assert a.read("xl/vbaProject.bin") == b.read("xl/vbaProject.bin")


_SAVER = """
import sys, itertools
from pathlib import Path
from workbench.savefile import atomic_save
from workbench.xlsx.patch import patch_xlsx
target, source = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
for n in itertools.count(1):
    atomic_save(target, lambda p: patch_xlsx(source, p, None, {(2, 5): f"save {n}"}),
                lambda p: None)
"""


@pytest.mark.slow
def test_killing_a_save_midway_leaves_the_old_or_the_new_workbook(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "source.xlsx", rows=20000, extras=False)
    target = tmp_path / "bok.xlsx"
    target.write_bytes(source.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for trial in range(4):
        process = subprocess.Popen([sys.executable, "-c", _SAVER, str(target), str(source)],
                                   stdout=subprocess.PIPE, env=env, cwd=ROOT)
        assert process.stdout is not None
        process.stdout.readline()
        time.sleep(0.3 + 0.37 * trial)
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        with zipfile.ZipFile(target) as zf:
            assert zf.testzip() is None
        value = read_grid(target)[1][5]
        assert value == "" or value.startswith("save ")


def test_a_save_removes_temporaries_left_by_a_killed_save_but_not_fresh_ones(tmp_path: Path) -> None:
    from workbench.savefile import temporary_path

    target = tmp_path / "lista.xlsx"
    target.write_bytes(b"old")
    stale = temporary_path(target)
    stale.write_bytes(b"half a workbook")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    fresh = temporary_path(target)  # a colleague's save in progress
    fresh.write_bytes(b"being written")
    unrelated = tmp_path / ".lista.notours.tmp.xlsx"
    unrelated.write_bytes(b"x")
    os.utime(unrelated, (two_hours_ago, two_hours_ago))
    atomic_save(target, lambda temp: temp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert not stale.exists()
    assert fresh.exists() and unrelated.exists()
