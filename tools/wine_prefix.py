"""A throwaway Wine prefix for tools/windows_check.py: run Windows programs in it and read its registry;
and NativeWindows, the same interface on a real Windows machine (the Windows workflow runs the same checks).

Every run waits for the prefix's wineserver to go idle (``wineserver -w``), because Windows installers hand
over to other processes (Inno Setup's uninstaller copies itself to %TEMP% and exits at once). The prefix's
home folder is its own, so Wine's Documents/Desktop links never point into the real home. Standard library
only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

TIMEOUT_S = 300


class WineError(RuntimeError):
    pass


@dataclass
class Run:
    returncode: int
    output: str
    seconds: float


def _unescape(text: str) -> str:
    # .reg strings escape backslash and double quote with a backslash
    out, index = [], 0
    while index < len(text):
        if text[index] == "\\" and index + 1 < len(text):
            index += 1
        out.append(text[index])
        index += 1
    return "".join(out)


def parse_reg(text: str) -> dict[str, dict[str, str]]:
    """A .reg export as {key (lower case): {value name (lower case; "@" the default): data}}.

    String data comes unquoted; other types (hex:, dword:) stay as written, e.g. ``hex(0):`` for REG_NONE.
    """
    keys: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    lines = text.replace("\r\n", "\n").split("\n")
    joined: list[str] = []
    for line in lines:  # hex data continues on the next line after a trailing backslash
        if joined and joined[-1].endswith("\\") and not joined[-1].endswith('"\\'):
            joined[-1] = joined[-1][:-1] + line.strip()
        else:
            joined.append(line)
    for line in joined:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = keys.setdefault(line[1:-1].lower(), {})
        elif current is not None and line.startswith(('"', "@=")):
            if line.startswith("@="):
                name, data = "@", line[2:]
            else:
                end = line.index('"=', 1)  # value names here never hold '"='
                name, data = _unescape(line[1:end]).lower(), line[end + 2:]
            current[name] = _unescape(data[1:-1]) if data.startswith('"') else data
    return keys


class Registry:
    """``reg export``/``reg add`` through the host's run(): the same commands in Wine and on Windows."""

    root: Path

    def run(self, *args: str, wine: bool = True, timeout: float = TIMEOUT_S) -> Run:
        raise NotImplementedError

    def windows_path(self, unix: Path) -> str:
        raise NotImplementedError

    def reg_export(self, key: str) -> dict[str, dict[str, str]]:
        """The registry below ``key`` (e.g. HKCU\\Software\\Classes); {} when the key does not exist."""
        target = self.root / "export.reg"
        target.unlink(missing_ok=True)
        result = self.run("reg", "export", key, self.windows_path(target), "/y")
        if result.returncode != 0 or not target.is_file():
            return {}
        return parse_reg(target.read_bytes().decode("utf-16"))

    def reg_set_default(self, key: str, data: str) -> None:
        result = self.run("reg", "add", key, "/ve", "/d", data, "/f")
        if result.returncode != 0:
            raise WineError(f"reg add {key} failed: {result.output[-500:]}")


@dataclass
class WinePrefix(Registry):
    root: Path  # holds prefix/ and home/
    env: dict[str, str] = field(default_factory=dict)

    @property
    def prefix(self) -> Path:
        return self.root / "prefix"

    def __post_init__(self) -> None:
        home = self.root / "home"
        self.env = {
            **os.environ,
            "WINEPREFIX": str(self.prefix),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono/Gecko download dialogs
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
        }

    def create(self) -> float:
        """A fresh prefix (any old one removed); the seconds wineboot took."""
        if self.root.exists():
            self.kill()
            shutil.rmtree(self.root)
        (self.root / "home").mkdir(parents=True)
        started = time.monotonic()
        result = self.run("wineboot", "-i", wine=False)
        if result.returncode != 0 or not (self.prefix / "user.reg").is_file():
            raise WineError(f"wineboot failed ({result.returncode}): {result.output[-2000:]}")
        return time.monotonic() - started

    def run(self, *args: str, wine: bool = True, timeout: float = TIMEOUT_S) -> Run:
        """``wine ARGS`` (or ARGS itself), then wait until every process of the prefix has ended."""
        command = ["wine", *args] if wine else list(args)
        started = time.monotonic()
        try:
            done = subprocess.run(command, env=self.env, capture_output=True, text=True, errors="replace",
                                  timeout=timeout, check=False)
            subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as error:
            self.kill()
            raise WineError(f"{' '.join(command)} did not finish within {timeout:.0f} s") from error
        return Run(done.returncode, done.stdout + done.stderr, time.monotonic() - started)

    def kill(self) -> None:
        if self.prefix.is_dir():
            subprocess.run(["wineserver", "-k"], env=self.env, capture_output=True, timeout=60, check=False)

    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def user_folder(self) -> Path:
        """The Unix path of C:\\users\\<name> (Wine names the user after the Unix account)."""
        users = [path for path in (self.prefix / "drive_c" / "users").iterdir()
                 if path.is_dir() and path.name != "Public"]
        if len(users) != 1:
            raise WineError(f"expected one user folder in the prefix, found {[path.name for path in users]}")
        return users[0]

    def local_appdata(self) -> Path:
        return self.user_folder() / "AppData" / "Local"

    def roaming_appdata(self) -> Path:
        return self.user_folder() / "AppData" / "Roaming"

    def unix_path(self, windows: str) -> Path:
        """C:\\... as the Unix path inside the prefix."""
        path = PureWindowsPath(windows)
        if path.drive.upper() != "C:":
            raise WineError(f"not on drive C: {windows}")
        return self.drive_c().joinpath(*path.parts[1:])

    def c_path(self, unix: Path) -> str:
        """A path inside the prefix's drive_c as C:\\..."""
        return "C:\\" + "\\".join(unix.relative_to(self.drive_c()).parts)

    def windows_path(self, unix: Path) -> str:
        """A Unix path as Wine's Z: drive sees it (Z: is the Unix root)."""
        return "Z:" + str(unix.resolve()).replace("/", "\\")



@dataclass
class NativeWindows(Registry):
    """The current Windows user, for the same checks on a real machine (a throwaway CI runner: the checks
    write the user's settings and the .xlsx/.csv defaults they then assert on)."""

    root: Path  # scratch folder for logs and registry exports

    def create(self) -> float:
        self.root.mkdir(parents=True, exist_ok=True)
        return 0.0

    def run(self, *args: str, wine: bool = True, timeout: float = TIMEOUT_S) -> Run:
        del wine  # programs run directly
        started = time.monotonic()
        try:
            done = subprocess.run(list(args), capture_output=True, text=True, errors="replace", timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired as error:
            raise WineError(f"{' '.join(args)} did not finish within {timeout:.0f} s") from error
        return Run(done.returncode, done.stdout + done.stderr, time.monotonic() - started)

    def kill(self) -> None:
        pass

    def drive_c(self) -> Path:
        return Path(os.environ.get("SYSTEMDRIVE", "C:") + "\\")

    def local_appdata(self) -> Path:
        return Path(os.environ["LOCALAPPDATA"])

    def roaming_appdata(self) -> Path:
        return Path(os.environ["APPDATA"])

    def c_path(self, unix: Path) -> str:
        return str(unix)

    def windows_path(self, unix: Path) -> str:
        return str(unix.resolve())

