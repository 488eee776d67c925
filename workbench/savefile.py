"""Atomic replacement of a file, with verification and backups.

The new version is written to a hidden temporary file in the same folder, flushed to disk, read back by
a verifier, and only then renamed over the original (``os.replace`` is atomic on the same volume). The
previous version is first copied into a hidden backup folder beside the file, keeping the last ten. A
failure at any point leaves the original untouched and removes the temporary file; a process killed
midway leaves the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import os
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from workbench.errors import FileLockedError, VerifyError, WorkbenchError, WriteError
from workbench.messages import problem

BACKUP_FOLDER = ".behovsanalys-backup"
KEEP_BACKUPS = 10


def temporary_path(target: Path) -> Path:
    """A hidden, unique sibling of ``target`` that keeps its suffix (readers go by the extension)."""
    return target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp{target.suffix}")


STALE_TEMP_SECONDS = 3600


def remove_stale_temporaries(target: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove hidden temporary siblings of ``target`` left by a save that was killed midway.

    Only files of our own naming pattern that have not been touched for ``older_than`` seconds go: a
    save in progress (ours or a colleague's) writes to its temporary file continuously.
    """
    removed: list[Path] = []
    now = time.time()
    for candidate in target.parent.glob(f".{glob.escape(target.stem)}.*.tmp{glob.escape(target.suffix)}"):
        middle = candidate.name[len(target.stem) + 2:-len(f".tmp{target.suffix}")]
        if len(middle) != 8 or any(ch not in "0123456789abcdef" for ch in middle):
            continue
        with contextlib.suppress(OSError):
            if now - candidate.stat().st_mtime > older_than:
                candidate.unlink()
                removed.append(candidate)
    return removed


def backup_folder(target: Path) -> Path:
    return target.parent / BACKUP_FOLDER


def backups_of(target: Path) -> list[Path]:
    """The backups of ``target``, oldest first."""
    folder = backup_folder(target)
    if not folder.is_dir():
        return []
    prefix = f"{target.stem}."
    found = [p for p in folder.iterdir()
             if p.name.startswith(prefix) and p.suffix == target.suffix
             and p.name[len(prefix):-len(target.suffix) or None].replace("-", "").replace("_", "").isdigit()]
    return sorted(found, key=lambda p: p.name)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_backup(target: Path, keep: int) -> Path | None:
    if keep <= 0 or not target.exists():  # keep_backups=0: no backup at all (an export is made again)
        return None
    folder = backup_folder(target)
    folder.mkdir(exist_ok=True)
    if os.name == "nt":  # pragma: no cover - hide the folder as Explorer understands it
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(folder), 0x02)  # type: ignore[attr-defined]
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S_%f")
    backup = folder / f"{target.stem}.{stamp}{target.suffix}"
    shutil.copy2(target, backup)
    for old in backups_of(target)[:-keep] if keep > 0 else []:
        with contextlib.suppress(OSError):
            old.unlink()
    return backup


def file_fingerprint(path: Path) -> str | None:
    """The file's size and content digest (BLAKE2b), or None when it cannot be read. Two equal
    fingerprints mean the same bytes: a shared save compares the file with the one its base was read
    from, and skips re-reading and merging when nobody has changed it since."""
    digest = hashlib.blake2b(digest_size=20)
    size = 0
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return None
    return f"{size}:{digest.hexdigest()}"


def atomic_save(target: Path, write: Callable[[Path], None], verify: Callable[[Path], None] | None = None,
                *, keep_backups: int = KEEP_BACKUPS) -> Path | None:
    """Replace ``target`` with what ``write(temp_path)`` produces, once ``verify(temp_path)`` accepts it.

    Returns the backup made of the previous version (``None`` if ``target`` did not exist). Raises
    :class:`VerifyError` when ``verify`` raises, :class:`WriteError` for any other failure (a
    :class:`WorkbenchError` raised by ``write`` passes through); in every case ``target`` is untouched.
    """
    target = Path(target)
    if target.exists() and not os.access(target, os.W_OK):
        raise FileLockedError(target, detail=problem("detail_read_only"))
    remove_stale_temporaries(target)
    temp = temporary_path(target)
    try:
        try:
            write(temp)
            _fsync_file(temp)
        except WorkbenchError:
            raise
        except (OSError, ValueError) as error:
            raise WriteError(target, detail=str(error)) from error
        if verify is not None:
            try:
                verify(temp)
            except Exception as error:
                raise VerifyError(target, detail=str(error)) from error
        try:
            backup = _make_backup(target, keep_backups)
            if target.exists():
                with contextlib.suppress(OSError):
                    shutil.copymode(target, temp)
            temp.replace(target)
            _fsync_folder(target.parent)
        except OSError as error:
            raise WriteError(target, detail=str(error)) from error
        return backup
    finally:
        with contextlib.suppress(FileNotFoundError, OSError):
            temp.unlink()
