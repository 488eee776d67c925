"""The save lock beside a shared workbook, and who has the workbook open in Excel or LibreOffice.

:class:`WorkbookLock` creates ``.~behovsanalys.<name>.lock`` beside the workbook exclusively (a hard
link of a complete temporary file, so a lock file is never half-written; plain create-exclusive where
the file system has no hard links). It holds JSON with user, host, pid, time and a random token. A lock
is taken over only when its owner is provably gone (same host, process no longer running) or when it is
older than ``stale_after`` seconds; every takeover is logged. Only our own lock is ever released.

:func:`office_owner` reads Excel's owner file ``~$<name>`` and LibreOffice's ``.~lock.<name>#``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import logging
import os
import platform
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from workbench.errors import FileBusyError, FileLockedError, FileMissingError, WriteError

__all__ = ["LockInfo", "WorkbookLock", "current_user", "lock_path", "office_owner", "process_alive"]

log = logging.getLogger(__name__)

STALE_AFTER = 600.0
"""Seconds after which a lock whose owner cannot be checked (other host) counts as abandoned."""

_POLL = 0.05


def current_user() -> str:
    """The name to record for this user: ``BEHOVSANALYS_USER`` if set, else the login name."""
    name = os.environ.get("BEHOVSANALYS_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (containers, services)
        return "?"


def lock_path(workbook: str | Path) -> Path:
    path = Path(workbook)
    return path.with_name(f".~behovsanalys.{path.name}.lock")


def process_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this machine (``True`` when that cannot be told)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            # access denied (5) means the process exists; get_last_error is Windows-only, hence getattr
            return bool(getattr(ctypes, "get_last_error")() == 5)  # noqa: B009
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    # A killed child not yet reaped by its parent still answers kill(0); /proc tells the truth.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its owner."""

    user: str
    host: str
    pid: int
    time: dt.datetime
    token: str

    @property
    def who(self) -> str:
        """``"Anna Svensson (LAPTOP-12)"``: how messages name the owner."""
        return f"{self.user} ({self.host})"

    def to_json(self) -> str:
        return json.dumps({"user": self.user, "host": self.host, "pid": self.pid,
                           "time": self.time.isoformat(timespec="seconds"), "token": self.token},
                          ensure_ascii=False)

    @classmethod
    def read(cls, path: Path) -> LockInfo | None:
        """The lock at ``path``; ``None`` when there is none. An unreadable lock file becomes an
        anonymous owner dated by the file's time."""
        try:
            raw = path.read_bytes()
            stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except FileNotFoundError:
            return None
        except OSError:
            return cls("?", "?", 0, dt.datetime.now(), "")
        try:
            data = json.loads(raw.decode("utf-8"))
            return cls(str(data["user"]), str(data["host"]), int(data["pid"]),
                       dt.datetime.fromisoformat(data["time"]), str(data.get("token", "")))
        except (ValueError, KeyError, TypeError):
            return cls("?", "?", 0, stamp, raw.hex()[:32])


class WorkbookLock:
    """The save lock of ``workbook``, as a context manager::

        with WorkbookLock(path, user="Anna Svensson").acquire(wait=30, on_wait=show):
            ...  # re-read, merge, write

    ``acquire`` waits up to ``wait`` seconds while someone else holds it, calling ``on_wait(info)``
    when it starts waiting and whenever the owner changes; then raises :class:`FileBusyError` with
    ``params["who"]`` naming the owner.
    """

    def __init__(self, workbook: str | Path, user: str | None = None, host: str | None = None,
                 pid: int | None = None, *, stale_after: float = STALE_AFTER) -> None:
        self.workbook = Path(workbook)
        self.path = lock_path(self.workbook)
        self.user = user or current_user()
        self.host = host or platform.node()
        self.pid = pid if pid is not None else os.getpid()
        self.stale_after = stale_after
        self.info: LockInfo | None = None
        self.took_over: LockInfo | None = None

    @property
    def held(self) -> bool:
        return self.info is not None

    def acquire(self, wait: float = 30.0, on_wait: Callable[[LockInfo], None] | None = None) -> WorkbookLock:
        """Take the lock (see the class docstring); returns ``self``."""
        if self.info is not None:
            return self
        if not self.workbook.parent.is_dir():
            raise FileMissingError(self.workbook, detail="the folder is not reachable")
        deadline = time.monotonic() + max(0.0, wait)
        seen: LockInfo | None = None
        while True:
            mine = LockInfo(self.user, self.host, self.pid, dt.datetime.now(), secrets.token_hex(8))
            if self._create(mine):
                self.info = mine
                return self
            owner = LockInfo.read(self.path)
            if owner is None:
                continue  # released between our attempt and the read
            if self._stale(owner) and self._take_over(owner):
                continue
            if on_wait is not None and (seen is None or seen.token != owner.token):
                on_wait(owner)
            seen = owner
            if time.monotonic() >= deadline:
                raise FileBusyError(self.workbook, who=owner.who, since=owner.time.isoformat(timespec="seconds"))
            time.sleep(_POLL + secrets.randbelow(50) / 1000)

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        if self.info is None:
            return
        current = LockInfo.read(self.path)
        if current is not None and current.token == self.info.token:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        elif current is not None:
            log.warning("lock %s was taken over by %s; left in place", self.path, current.who)
        self.info = None

    def __enter__(self) -> WorkbookLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    # -- internals -----------------------------------------------------------------------------

    def _create(self, info: LockInfo) -> bool:
        payload = info.to_json().encode("utf-8")
        temp = self.path.with_name(f"{self.path.name}.{info.token}.tmp")
        try:
            try:
                with open(temp, "xb") as handle:
                    handle.write(payload)
                    handle.flush()
                    os.fsync(handle.fileno())
                try:
                    os.link(temp, self.path)
                    return True
                except FileExistsError:
                    return False
                except OSError as error:
                    if error.errno in (errno.EEXIST,):
                        return False
                    # no hard links here (some network shares): plain create-exclusive instead
                    return self._create_exclusive(payload)
            finally:
                with contextlib.suppress(OSError):
                    temp.unlink()
        except FileExistsError:
            return False
        except FileNotFoundError as error:
            raise FileMissingError(self.workbook, detail="the folder is not reachable") from error
        except PermissionError as error:
            raise FileLockedError(self.workbook, detail=f"cannot create the lock file: {error}") from error
        except OSError as error:
            raise WriteError(self.workbook, detail=f"cannot create the lock file: {error}") from error

    def _create_exclusive(self, payload: bytes) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        return True

    def _stale(self, owner: LockInfo) -> bool:
        if owner.host == self.host and owner.pid > 0 and owner.pid != os.getpid() and not process_alive(owner.pid):
            return True
        try:
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return False
        return age > self.stale_after

    def _take_over(self, owner: LockInfo) -> bool:
        """Remove ``owner``'s stale lock, unless it changed meanwhile. Returns whether it was removed."""
        guard = self.path.with_name(self.path.name + ".takeover")
        try:
            fd = os.open(guard, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            with contextlib.suppress(OSError):
                # a takeover takes milliseconds; a guard this old was left by a killed process
                if time.time() - guard.stat().st_mtime > 30:
                    guard.unlink()
            return False
        except OSError:
            return False
        os.close(fd)
        try:
            current = LockInfo.read(self.path)
            if current is None or current.token != owner.token:
                return current is None
            self.path.unlink()
            self.took_over = owner
            log.warning("took over the stale lock of %s (pid %d, since %s) on %s", owner.who, owner.pid,
                        owner.time.isoformat(timespec="seconds"), self.workbook)
            return True
        except OSError:
            return False
        finally:
            with contextlib.suppress(OSError):
                guard.unlink()


# -- office owner files ------------------------------------------------------------------------


def office_owner(workbook: str | Path) -> str | None:
    """Who has ``workbook`` open in Excel (``~$<name>``) or LibreOffice (``.~lock.<name>#``), as
    ``"Anna Svensson"`` or ``"Anna Svensson (LAPTOP-12)"``; ``None`` when neither file exists."""
    path = Path(workbook)
    candidates = [path.with_name("~$" + path.name)]
    # Word-style owner files replace the first two characters instead; Excel has been seen doing it too
    if len(path.name) > 8:
        candidates.append(path.with_name("~$" + path.name[2:]))
    for candidate in candidates:
        name = _excel_owner(candidate)
        if name is not None:
            return name
    return _libreoffice_owner(path.with_name(f".~lock.{path.name}#"))


def _excel_owner(owner_file: Path) -> str | None:
    try:
        raw = owner_file.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return None
    except OSError:
        return "?"  # exists but locked by Excel itself: someone has it open
    if not raw:
        return "?"
    length = raw[0]
    ansi = raw[1:1 + length].decode("cp1252", errors="replace").strip()
    for offset in (55, 56, 53, 54):
        chunk = raw[offset:offset + 2 * length]
        if len(chunk) != 2 * length:
            continue
        try:
            wide = chunk.decode("utf-16-le")
        except UnicodeDecodeError:
            continue
        if wide.isprintable() and wide.strip() and _agrees(wide, ansi):
            return wide.strip()
    return ansi or "?"


def _agrees(wide: str, ansi: str) -> bool:
    # The two copies name the same user; characters cp1252 lacks became "?" in the ANSI copy.
    if len(wide) != len(ansi):
        return False
    return all(a == w or a == "?" for a, w in zip(ansi, wide, strict=True))


def _libreoffice_owner(lock_file: Path) -> str | None:
    try:
        text = lock_file.read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, IsADirectoryError):
        return None
    except OSError:
        return "?"
    fields: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in ",;":
            fields.append("".join(current))
            current = []
            if char == ";":
                break
        else:
            current.append(char)
    else:
        fields.append("".join(current))
    name = fields[0].strip() if fields else ""
    host = fields[1].strip() if len(fields) > 1 else ""
    login = fields[2].strip() if len(fields) > 2 else ""
    who = name or login or "?"
    return f"{who} ({host})" if host else who
