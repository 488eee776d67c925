"""Qt translations: ``update`` the .ts sources from ui/, ``build`` the .qm files, ``check`` completeness.

The .ts files in resources/translations/ are the sources (edit them with Qt Linguist or by hand); the
.qm files are generated and not committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("sv", "en")
# The sources are English: English needs only the plural forms of texts with a count ("1 row", "2 rows").
PLURAL_ONLY = frozenset({"en"})


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def _sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_path(language: str) -> Path:
    return TS_DIR / f"behovsanalys_{language}.ts"


def update(target: Path | None = None, language: str = "sv") -> Path:
    ts = target or ts_path(language)
    command = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
               *(["-pluralonly"] if language in PLURAL_ONLY else []), *_sources(), "-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True)
    return ts


def build() -> None:
    for language in LANGUAGES:
        ts = ts_path(language)
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def _finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    return bool((translation.text or "").strip()) or translation.find("numerusform") is not None


def unfinished(ts: Path) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if not _finished(translation):
            missing.append(source)
    return missing


def check() -> int:
    """Fail when a UI string has no Swedish translation or the .ts is out of date with the code."""
    problems = 0
    for language in LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / ts_path(language).name
            shutil.copy(ts_path(language), copy)
            update(copy, language)
            missing = unfinished(copy)
        for source in missing:
            print(f"{language}: not translated: {source!r}")
        problems += len(missing)
    if problems:
        print(f"{problems} strings lack a translation: run tools/translations.py update and translate them")
        return 1
    print("translations complete")
    return 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "update":
        for language in LANGUAGES:
            print(update(language=language))
        return 0
    if command == "build":
        build()
        return 0
    if command == "check":
        return check()
    print("usage: translations.py update|build|check")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
