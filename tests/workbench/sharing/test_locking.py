"""The save lock beside the workbook, stale takeover, and Excel/LibreOffice owner files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.errors import FileBusyError, FileMissingError
from workbench.sharing.lock import LockInfo, WorkbookLock, lock_path, office_owner, process_alive


def test_the_lock_is_a_hidden_file_beside_the_workbook_naming_its_owner(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    with WorkbookLock(book, "Anna Svensson", host="LAPTOP-12"):
        data = json.loads(lock_path(book).read_text(encoding="utf-8"))
        assert lock_path(book).parent == tmp_path and lock_path(book).name.startswith(".~")
        assert (data["user"], data["host"], data["pid"]) == ("Anna Svensson", "LAPTOP-12", os.getpid())
        assert "time" in data
    assert not lock_path(book).exists()


def test_a_held_lock_makes_others_wait_then_fail_naming_the_colleague(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    waited: list[str] = []
    with WorkbookLock(book, "Anna Svensson", host="LAPTOP-12"):
        started = time.monotonic()
        with pytest.raises(FileBusyError) as caught:
            WorkbookLock(book, "Bo").acquire(wait=0.3, on_wait=lambda info: waited.append(info.who))
        assert time.monotonic() - started >= 0.3
    assert caught.value.params["who"] == "Anna Svensson (LAPTOP-12)"
    assert caught.value.exit_code == 3 and "Anna Svensson (LAPTOP-12)" in caught.value.message("sv")
    assert waited == ["Anna Svensson (LAPTOP-12)"]


def test_a_lock_of_a_dead_process_on_this_host_is_taken_over_and_logged(tmp_path: Path, caplog) -> None:
    book = tmp_path / "lista.xlsx"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    pid = int(dead.stdout)
    assert not process_alive(pid)
    WorkbookLock(book, "Anna", pid=pid).acquire()  # never released: the owner "was killed"
    with caplog.at_level("WARNING"), WorkbookLock(book, "Bo").acquire(wait=1) as lock:
        assert lock.took_over is not None and lock.took_over.pid == pid
    assert "stale lock" in caplog.text


def test_a_live_colleague_on_another_host_is_not_taken_over_until_the_timeout(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    WorkbookLock(book, "Anna", host="LAPTOP-12", pid=1).acquire()
    with pytest.raises(FileBusyError):
        WorkbookLock(book, "Bo", stale_after=60).acquire(wait=0.2)
    old = time.time() - 120
    os.utime(lock_path(book), (old, old))
    with WorkbookLock(book, "Bo", stale_after=60).acquire(wait=1) as lock:
        assert lock.took_over is not None and lock.took_over.host == "LAPTOP-12"


def test_only_our_own_lock_is_released(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    lock = WorkbookLock(book, "Anna").acquire()
    lock_path(book).unlink()  # taken over by someone else meanwhile
    WorkbookLock(book, "Bo", host="OTHER").acquire()
    lock.release()
    info = LockInfo.read(lock_path(book))
    assert info is not None and info.user == "Bo"


def test_a_vanished_folder_is_reported_as_missing(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        WorkbookLock(tmp_path / "gone" / "lista.xlsx", "Anna").acquire(wait=0)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_reported_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            WorkbookLock(folder / "lista.xlsx", "Anna").acquire(wait=5)
    finally:
        folder.chmod(0o755)


def _excel_owner_bytes(name: str, unicode_at: int = 55) -> bytes:
    # Excel's ~$ file: length byte, the name in the ANSI code page padded with spaces to 54 bytes,
    # then the name again in UTF-16, then padding up to 165 bytes.
    ansi = name.encode("cp1252", errors="replace")
    head = bytes([len(name)]) + ansi
    head += b" " * (54 - len(head))
    head += bytes([len(name)]) + b"\x00" * (unicode_at - 55)
    body = head + name.encode("utf-16-le")
    return body + b" " * (165 - len(body))


@pytest.mark.parametrize("unicode_at", [55, 56])
def test_excel_owner_file_names_who_has_the_workbook_open(tmp_path: Path, unicode_at: int) -> None:
    book = tmp_path / "Sortiment 2025.xlsx"
    (tmp_path / "~$Sortiment 2025.xlsx").write_bytes(_excel_owner_bytes("Åsa Öberg", unicode_at))
    assert office_owner(book) == "Åsa Öberg"


def test_excel_owner_name_outside_the_ansi_code_page_comes_from_the_unicode_copy(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    (tmp_path / "~$lista.xlsx").write_bytes(_excel_owner_bytes("Jiří Łukasz"))
    assert office_owner(book) == "Jiří Łukasz"


def test_old_excel_owner_file_with_only_the_ansi_name(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    (tmp_path / "~$lista.xlsx").write_bytes(bytes([13]) + "Anna Svensson".encode("cp1252") + b" " * 40)
    assert office_owner(book) == "Anna Svensson"


def test_libreoffice_lock_file_names_user_and_host(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    (tmp_path / ".~lock.lista.xlsx#").write_text(
        "Anna Svensson\\, inköp,LAPTOP-12,anna,25.11.2025 10:15,file:///home/anna/.config/libreoffice/4;",
        encoding="utf-8")
    assert office_owner(book) == "Anna Svensson, inköp (LAPTOP-12)"


def test_libreoffice_lock_without_a_full_name_uses_the_login(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    (tmp_path / ".~lock.lista.xlsx#").write_text(",LAPTOP-12,anna,25.11.2025 10:15,file:///x;", encoding="utf-8")
    assert office_owner(book) == "anna (LAPTOP-12)"
    assert office_owner(tmp_path / "annan.xlsx") is None
