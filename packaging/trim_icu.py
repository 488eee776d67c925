"""Build a smaller ICU data library for the bundle: Swedish, English and root locales only (32 MB -> 8.5 MB).

PySide6's wheel ships ICU's full data (every locale's collation, currency, zone and language names, every
legacy converter). Qt uses ICU for collation (sorting with å, ä, ö in place) and locale-aware case mapping;
the app only runs in Swedish or English. ``trimmed_icudata(original, out_dir)`` extracts the data package
from ``libicudata.so.<n>``, removes the other locales and converters with ICU's ``icupkg``, and links the
rest back into a library of the same soname with ``genccode`` and ``gcc``. It returns None (keep the full
library) when those tools are missing: ``apt-get install icu-devtools gcc``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

KEEP_LOCALES = {
    "root", "pool", "res_index", "sv", "sv_SE", "sv_FI", "sv_AX",
    "en", "en_001", "en_150", "en_GB", "en_US", "en_US_POSIX", "en_SE",
}
KEEP_CONVERTERS = ("ibm-5348", "ibm-1252")  # windows-1252; UTF-8/16/32, ASCII and Latin-1 are built in
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
TOOLS = ("icupkg", "genccode", "gcc", "objcopy")


def removable(item: str) -> bool:
    """True for a data item the app never needs (``item`` as icupkg lists it, e.g. ``coll/de.res``)."""
    stem, _, ext = item.rsplit("/", 1)[-1].rpartition(".")
    if ext == "cnv":
        return not stem.startswith(KEEP_CONVERTERS)
    # Break-iterator dictionaries stay: root's rules refer to them.
    return ext == "res" and bool(_LOCALE.match(stem)) and stem not in KEEP_LOCALES


def trimmed_icudata(original: Path, out_dir: Path) -> Path | None:
    """A trimmed copy of ``libicudata.so.<n>`` in ``out_dir`` (rebuilt only when missing), or None."""
    tools = {name: shutil.which(name) for name in TOOLS}
    if not all(tools.values()):
        return None
    version = original.name.rsplit(".", 1)[-1]  # libicudata.so.73 -> 73
    package = f"icudt{version}l"  # the package name inside the data ("l": little-endian)
    target = out_dir / original.name
    if target.exists() and target.stat().st_mtime >= original.stat().st_mtime:
        return target
    work = out_dir / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    full, small = work / f"{package}.dat", work / "small" / f"{package}.dat"
    small.parent.mkdir()

    def run(*command: str | Path) -> str:
        return subprocess.run([str(c) for c in command], check=True, capture_output=True, text=True).stdout

    run(tools["objcopy"], "-O", "binary", "--only-section=.rodata", original, full)
    items = run(tools["icupkg"], "-l", full).split()
    (work / "remove.txt").write_text("".join(f"{item}\n" for item in items if removable(item)))
    run(tools["icupkg"], "-r", work / "remove.txt", full, small)
    run(tools["genccode"], "-e", f"icudt{version}", "-a", "gcc", "-d", small.parent, small)
    run(tools["gcc"], "-shared", "-nostdlib", f"-Wl,-soname,{original.name}", "-o", target,
        small.parent / f"{package}_dat.S")
    return target
