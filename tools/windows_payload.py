"""A stand-in for the Windows bundle ``dist\\behovsanalys\\``, for building the installers where nothing can be
frozen for Windows (PyInstaller does not cross-compile).

``python tools/windows_payload.py OUTDIR`` lays out OUTDIR exactly as the Windows bundle is laid out:
``behovsanalys.exe`` (windowed) and ``workbench.exe`` (console) at the top, each a tiny valid x64 program
that exits 0; ``_internal/`` with the files listed in ``installer/windows-bundle.txt`` (small placeholders
named as PyInstaller names them on Windows) and ``_internal/resources/`` taken from the checkout by
build.spec's rule (every file but the ``.ts`` sources and the samples the app never reads; the ``.qm``
translations as built, or placeholders under their names when ``tools/translations.py build`` has not run).
``python tools/windows_payload.py --compare dist\\behovsanalys`` (the Windows workflow, after freezing) prints how
the real bundle differs from that list. Standard library only (tools/windows_check.py imports it).
"""

from __future__ import annotations

import argparse
import shutil
import struct
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "installer" / "windows-bundle.txt"
EXECUTABLES = {"behovsanalys.exe": "gui", "workbench.exe": "console"}
# build.spec's SAMPLES_KEPT: of resources/sample/ only what workbench.resources.sample_workbook() names.
SAMPLES_KEPT = {"sodertorn_sortiment.xlsx"}

_SUBSYSTEM = {"gui": 2, "console": 3}
_FILE_ALIGN = 0x200
_SECTION_ALIGN = 0x1000


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def tiny_exe(kind: str) -> bytes:
    """A minimal PE32+ (x86-64) executable whose entry point is ``xor eax, eax; ret``: it exits 0.

    One .text section, no imports, no relocations (so loaded at its preferred base): Windows and Wine run it.
    """
    code = b"\x31\xc0\xc3"  # xor eax, eax; ret
    dos = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x40)  # e_lfanew: the PE header follows at 0x40
    coff = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 240, 0x0023)  # x64; EXECUTABLE|RELOCS_STRIPPED|LARGE_ADDR
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0,  # PE32+, linker version
        _FILE_ALIGN, 0, 0,  # size of code / initialised / uninitialised data
        _SECTION_ALIGN, _SECTION_ALIGN,  # entry point, base of code (the .text section)
        0x140000000, _SECTION_ALIGN, _FILE_ALIGN,  # image base, section and file alignment
        6, 0, 0, 0, 6, 0,  # OS, image and subsystem versions (Windows Vista and later)
        0, 2 * _SECTION_ALIGN, _FILE_ALIGN, 0,  # Win32VersionValue, size of image, size of headers, checksum
        _SUBSYSTEM[kind], 0x8100,  # subsystem; NX compatible, terminal-server aware (no ASLR: no relocations)
        0x100000, 0x1000, 0x100000, 0x1000,  # stack and heap reserve/commit
        0, 16,  # loader flags, number of data directories (all empty)
    ) + b"\0" * (16 * 8)
    section = struct.pack("<8sIIIIIIHHI", b".text", len(code), _SECTION_ALIGN, _FILE_ALIGN, _FILE_ALIGN,
                          0, 0, 0, 0, 0x60000020)  # code, executable, readable
    headers = dos + b"PE\0\0" + coff + optional + section
    return headers.ljust(_FILE_ALIGN, b"\0") + code.ljust(_FILE_ALIGN, b"\0")


def manifest_entries(app_version: str) -> list[str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip().replace("{version}", app_version) for line in lines
            if line.strip() and not line.startswith("#")]


def resource_entries() -> list[tuple[Path | None, str]]:
    """(source or None for a placeholder, path under _internal/) for resources/, by build.spec's rule."""
    entries: list[tuple[Path | None, str]] = []
    resources = ROOT / "resources"
    for path in sorted(resources.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(ROOT)
        sample = relative.parts[1] == "sample"
        if sample and path.name not in SAMPLES_KEPT:
            continue
        if path.suffix == ".ts":
            compiled = path.with_suffix(".qm")
            # The .qm are built, not committed; their names are all the installers need.
            entries.append((compiled if compiled.is_file() else None, relative.with_suffix(".qm").as_posix()))
        elif path.suffix != ".qm":
            entries.append((path, relative.as_posix()))
    return entries


def build(out: Path) -> list[str]:
    """Lay out the stand-in bundle in ``out`` (emptied first); the relative paths written, "/" separated."""
    if out.exists():
        shutil.rmtree(out)
    internal = out / "_internal"
    written: list[str] = []
    for name, kind in EXECUTABLES.items():
        out.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(tiny_exe(kind))
        written.append(name)
    for relative in manifest_entries(version()):
        target = internal / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f"stand-in for _internal/{relative}\n".encode())
        written.append(f"_internal/{relative}")
    for source, relative in resource_entries():
        target = internal / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_bytes(f"stand-in for _internal/{relative}\n".encode())
        else:
            shutil.copyfile(source, target)
        written.append(f"_internal/{relative}")
    return written


def compare(bundle: Path) -> tuple[list[str], list[str]]:
    """(listed but not in the real bundle, in the real bundle but not listed) for the files outside
    _internal/resources/; the Windows workflow prints them so that installer/windows-bundle.txt can follow."""
    internal = bundle / "_internal"
    real = {path.relative_to(internal).as_posix() for path in internal.rglob("*")
            if path.is_file() and path.relative_to(internal).parts[0] != "resources"}
    listed = set(manifest_entries(version()))
    return sorted(listed - real), sorted(real - listed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, nargs="?", help="the folder to lay the stand-in bundle out in (emptied)")
    parser.add_argument("--compare", type=Path, metavar="BUNDLE",
                        help="print how a real Windows bundle differs from installer/windows-bundle.txt")
    args = parser.parse_args(argv)
    if args.compare:
        only_listed, only_real = compare(args.compare)
        print(f"listed in installer/windows-bundle.txt, not in the bundle ({len(only_listed)}):", *only_listed,
              sep="\n  ")
        print(f"in the bundle, not listed ({len(only_real)}):", *only_real, sep="\n  ")
        return 0
    if args.out is None:
        parser.error("give OUT or --compare BUNDLE")
    written = build(args.out)
    size = sum((args.out / name).stat().st_size for name in written)
    print(f"stand-in bundle: {len(written)} files, {size / 1e6:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
