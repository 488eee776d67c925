"""Build both Windows installers from a stand-in bundle and install/uninstall them under Wine
(``make dist-check-windows``; also run by tests/packaging/test_windows_installers.py).

``python tools/windows_check.py [--work build/windows] [--only inno|msi] [--keep]``:

1. lays out the stand-in bundle (tools/windows_payload.py: the Windows bundle's tree, tiny executables);
2. compiles installer/behovsanalys.iss with Inno Setup's ISCC.exe under Wine and builds the MSI from
   installer/behovsanalys.wxs with msitools' wixl (the bundle's files harvested by wixl-heat), and reads
   the MSI's tables with msiinfo: per user (no ALLUSERS, "no elevation" in the summary), every registry row
   under HKCU, one Start-menu shortcut, every bundle file;
3. for each installer, in a fresh Wine prefix where the user already has settings, a journal and logs
   (%LOCALAPPDATA%\\Behovsanalys) and a workbook with backups beside it, and where .xlsx and .csv already
   open with another program: installs silently per user (``/VERYSILENT /CURRENTUSER``; ``msiexec /qn``)
   and asserts that every file landed in %LOCALAPPDATA%\\Programs\\Behovsanalys byte for byte, that the
   installed program starts, that the Start-menu shortcut is there, that "Open with" is registered for
   .xlsx/.xlsm/.xls/.ods/.csv under HKCU and the extensions' default programs are unchanged, that nothing
   went to Program Files or HKLM\\Software\\Classes, and (Inno) that it ran in non-administrative mode;
4. uninstalls silently and asserts that the program folder, the shortcut and the registry entries are gone
   and the user's settings, journal, logs and backups are untouched.

On Windows, ``--native --bundle dist\\behovsanalys --inno SETUP.exe --msi PACKAGE.msi`` runs steps 3 and 4 on
installers built from the real bundle, as the current user (the Windows workflow does; a throwaway runner).

Needs wine (64-bit prefix; ISCC.exe is 32-bit, so wine32 too), wixl/wixl-heat/msiinfo (msitools), ISCC.exe
from the npm package ``innosetup`` and xvfb-run when there is no display: ``scripts/windows-tools.sh``
installs them. Exit code 0 when all checks pass, 1 when one fails, 2 when a tool is missing.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import windows_payload
from wine_prefix import NativeWindows, WineError, WinePrefix

Host = WinePrefix | NativeWindows

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "installer" / "behovsanalys.iss"
WXS = ROOT / "installer" / "behovsanalys.wxs"
ICON = ROOT / "build" / "icons" / "behovsanalys.ico"
ISCC = ROOT / "build" / "windows-tools" / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
APP_EXE = "behovsanalys.exe"
CLI_EXE = "workbench.exe"
PROG_ID = "Behovsanalys.Workbook"
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
# Another program already owns these before we install: it must keep them.
OTHER_DEFAULTS = {".xlsx": "Excel.Sheet.12", ".csv": "Excel.CSV"}
CLASSES = "HKEY_CURRENT_USER\\Software\\Classes"
TOOLS = ("wine", "wineserver", "wixl", "wixl-heat", "msiinfo")


class CheckFailed(AssertionError):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def missing_tools() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not ISCC.is_file():
        missing.append(f"ISCC.exe ({ISCC.relative_to(ROOT)})")
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") is None:
        missing.append("xvfb-run (no DISPLAY)")
    return missing


def ensure_icon() -> None:
    if ICON.is_file():
        return
    # packaging/make_icons.py renders the SVG with QtSvg: it needs an interpreter with PySide6.
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(ICON.parent)],
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True,
                          check=False)
    expect(ICON.is_file(), f"no {ICON.relative_to(ROOT)}: run packaging/make_icons.py build/icons with the "
                           f"dev venv's Python ({done.stderr.strip()[-300:]})")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- building ------------------------------------------------------------------------------------------

def build_inno(tools: WinePrefix, bundle: Path, out: Path, version: str) -> Path:
    started = time.monotonic()
    result = tools.run(str(ISCC), "/Q", f"/DAppVersion={version}", f"/DBundle={tools.windows_path(bundle)}",
                       f"/O{tools.windows_path(out)}", tools.windows_path(ISS))
    setup = out / f"behovsanalys-{version}-windows-x64-setup.exe"
    expect(result.returncode == 0 and setup.is_file(), f"ISCC failed ({result.returncode}): {result.output[-3000:]}")
    print(f"inno: built {setup.name}, {setup.stat().st_size / 1e6:.2f} MB in {time.monotonic() - started:.1f} s")
    return setup


def build_msi(bundle: Path, out: Path, version: str) -> Path:
    started = time.monotonic()
    files = sorted(path for path in bundle.rglob("*") if path.is_file())
    # wixl resolves sources relative to the working directory and rejects absolute ones
    relative = Path(os.path.relpath(bundle, ROOT))
    heat = subprocess.run(
        ["wixl-heat", "-p", f"{relative.as_posix()}/", "--var", "var.BundleDir", "--directory-ref", "INSTALLFOLDER",
         "--component-group", "BundleFiles", "--win64"],
        input="".join(f"{relative.as_posix()}/{path.relative_to(bundle).as_posix()}\n" for path in files),
        capture_output=True, text=True, cwd=ROOT, check=False)
    expect(heat.returncode == 0, f"wixl-heat failed: {heat.stderr[-2000:]}")
    fragment = out / "bundle-files.wxs"
    fragment.write_text(heat.stdout, encoding="utf-8")
    msi = out / f"behovsanalys-{version}-windows-x64.msi"
    msi.unlink(missing_ok=True)
    wixl = subprocess.run(
        ["wixl", "-a", "x64", "-D", "Win64=yes", "-D", f"Version={version}", "-D", f"BundleDir={relative.as_posix()}",
         "-o", str(msi), str(WXS), str(fragment)], capture_output=True, text=True, cwd=ROOT, check=False)
    # wixl warns (GLib-GObject-WARNING) about attributes it does not know and that WiX uses, e.g.
    # InstallPrivileges; only its exit code and the tables below count.
    expect(wixl.returncode == 0 and msi.is_file(), f"wixl failed: {wixl.stderr[-3000:]}")
    print(f"msi: built {msi.name}, {msi.stat().st_size / 1e6:.2f} MB in {time.monotonic() - started:.1f} s")
    return msi


def msi_table(msi: Path, table: str) -> list[dict[str, str]]:
    done = subprocess.run(["msiinfo", "export", str(msi), table], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def check_msi_tables(msi: Path, payload: list[str]) -> str:
    properties = {row["Property"]: row.get("Value", "") for row in msi_table(msi, "Property")}
    expect(properties.get("ALLUSERS", "") == "", f"ALLUSERS is {properties.get('ALLUSERS')!r}: a per-machine install")
    expect(properties.get("MSIINSTALLPERUSER", "") in ("", "1"), "MSIINSTALLPERUSER asks for a machine install")
    summary = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, text=True, check=True).stdout
    word_count = re.search(r"^Source: (\d+)", summary, re.MULTILINE)  # msiinfo's name for PID_WORDCOUNT
    expect(word_count and int(word_count.group(1)) & 8,
           f"the summary's word count lacks 8 (elevated privileges not required): {summary}")
    registry = msi_table(msi, "Registry")
    expect(registry and all(row["Root"] == "1" for row in registry),
           f"registry rows outside HKCU: {[row for row in registry if row['Root'] != '1']}")
    expect(not any(row["Key"].lower().endswith(ext) and row["Name"] in ("", "@") for row in registry
                   for ext in EXTENSIONS), "the MSI writes an extension's default program")
    shortcuts = msi_table(msi, "Shortcut")
    expect([row["Directory_"] for row in shortcuts] == ["ProgramMenuFolder"], f"shortcuts: {shortcuts}")
    files = msi_table(msi, "File")
    expect(len(files) == len(payload), f"the MSI holds {len(files)} files, the bundle {len(payload)}")
    return f"per user, {len(registry)} HKCU registry rows, 1 shortcut, {len(files)} files"


# --- installing ----------------------------------------------------------------------------------------

USER_FILES = {  # what the app keeps (workbench/paths.py on Windows: platformdirs, no author folder)
    "local:Behovsanalys/settings.json": b'{"language": "sv", "recent_files": []}\n',
    "local:Behovsanalys/ui_state.json": b'{"window": [0, 0, 1200, 800]}\n',
    "local:Behovsanalys/journal.sqlite3": b"SQLite format 3\x00 stand-in journal",
    "local:Behovsanalys/logs/behovsanalys.log": b"2026-12-02 10:15:00 INFO started\n",
    # a workbook on a shared drive with its backups beside it (workbench/savefile.py)
    "c:Delat/Inköp/sortiment.xlsx": b"PK\x03\x04 stand-in workbook",
    "c:Delat/Inköp/.behovsanalys-backup/sortiment.20261202-101500_000001.xlsx": b"PK\x03\x04 older copy",
}


def user_file_paths(wine: Host) -> dict[str, Path]:
    bases = {"local": wine.local_appdata(), "c": wine.drive_c()}
    result = {}
    for name in USER_FILES:
        base, relative = name.split(":", 1)
        result[name] = bases[base] / relative
    return result


def seed_user(wine: Host) -> None:
    for name, path in user_file_paths(wine).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(USER_FILES[name])
    for ext, prog_id in OTHER_DEFAULTS.items():
        wine.reg_set_default(f"{CLASSES}\\{ext}", prog_id)


def install_dir(wine: Host) -> Path:
    return wine.local_appdata() / "Programs" / "Behovsanalys"


def shortcut(wine: Host) -> Path:
    return wine.roaming_appdata() / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Behovsanalys.lnk"


def check_installed(wine: Host, bundle: Path, payload: list[str]) -> str:
    target = install_dir(wine)
    expect(target.is_dir(), f"nothing in %LOCALAPPDATA%\\Programs\\Behovsanalys ({target})")
    wrong = [name for name in payload
             if not (target / name).is_file() or sha256(target / name) != sha256(bundle / name)]
    expect(not wrong, f"{len(wrong)} bundle files missing or different in the install folder, e.g. {wrong[:5]}")
    # the console exe: the stand-in exits 0 at once, the real one prints its version (the app would stay open)
    started = wine.run(wine.c_path(target / CLI_EXE), "--version")
    expect(started.returncode == 0, f"the installed {CLI_EXE} did not start: exit {started.returncode}")
    link = shortcut(wine)
    expect(link.is_file(), f"no Start-menu shortcut at {link}")
    # the target's full path is in the link's LinkInfo (ANSI) or its string data (UTF-16)
    exe, data = wine.c_path(target / APP_EXE), link.read_bytes()
    expect(exe.encode("utf-16-le") in data or exe.encode("mbcs" if sys.platform == "win32" else "utf-8") in data,
           f"the shortcut does not point at {exe}")
    program_files = [path for name in ("Program Files", "Program Files (x86)")
                     for path in (wine.drive_c() / name).glob("*ehovsanalys*")]
    expect(not program_files, f"files in Program Files: {program_files}")
    ours = (f"Software\\Classes\\Applications\\{APP_EXE}", f"Software\\Classes\\{PROG_ID}", "Software\\Behovsanalys")
    for key in ours:
        expect(not wine.reg_export(f"HKEY_LOCAL_MACHINE\\{key}"), f"HKLM\\{key} was written")
    return check_open_with(wine, target)


def check_open_with(wine: Host, target: Path) -> str:
    classes = wine.reg_export(CLASSES)
    command = f'"{wine.c_path(target / APP_EXE)}" "%1"'
    base = CLASSES.lower()
    app = classes.get(f"{base}\\applications\\{APP_EXE}\\shell\\open\\command", {})
    expect(app.get("@") == command,
           f"Applications\\{APP_EXE}\\shell\\open\\command is {app.get('@')!r}, not {command!r}")
    supported = classes.get(f"{base}\\applications\\{APP_EXE}\\supportedtypes", {})
    expect(set(EXTENSIONS) <= set(supported), f"SupportedTypes lists {sorted(supported)}")
    prog = classes.get(f"{base}\\{PROG_ID.lower()}\\shell\\open\\command", {})
    expect(prog.get("@") == command, f"{PROG_ID}\\shell\\open\\command is {prog.get('@')!r}")
    for ext in EXTENSIONS:
        progids = classes.get(f"{base}\\{ext}\\openwithprogids", {})
        expect(PROG_ID.lower() in progids, f"{ext}\\OpenWithProgids has no {PROG_ID} value: {progids}")
        default = classes.get(f"{base}\\{ext}", {}).get("@")
        expect(default == OTHER_DEFAULTS.get(ext), f"{ext}'s default program is now {default!r}, "
                                                   f"was {OTHER_DEFAULTS.get(ext)!r}")
    return f"files, shortcut, Open with for {' '.join(EXTENSIONS)} (defaults kept)"


def check_uninstalled(wine: Host) -> str:
    target = install_dir(wine)
    expect(not target.exists(),
           f"the program folder is still there: {sorted(p.name for p in target.rglob('*'))[:10]}")
    expect(not shortcut(wine).exists(), "the Start-menu shortcut is still there")
    classes = wine.reg_export(CLASSES)
    base = CLASSES.lower()
    ours = (f"{base}\\applications\\{APP_EXE}", f"{base}\\{PROG_ID.lower()}")
    left = [key for key in classes if key.startswith(ours)]
    expect(not left, f"registry keys left: {left}")
    for ext in EXTENSIONS:
        expect(PROG_ID.lower() not in classes.get(f"{base}\\{ext}\\openwithprogids", {}),
               f"{ext}\\OpenWithProgids still lists {PROG_ID}")
        default = classes.get(f"{base}\\{ext}", {}).get("@")
        expect(default == OTHER_DEFAULTS.get(ext), f"{ext}'s default program is now {default!r}")
    for name, path in user_file_paths(wine).items():
        expect(path.is_file() and path.read_bytes() == USER_FILES[name], f"the user's {name} was removed or changed")
    return "program, shortcut and registry entries gone; settings, journal, logs and backups kept"


def cycle(kind: str, wine: Host, installer: Path, bundle: Path, payload: list[str],
          install: Callable[[Host, Path], str], uninstall: Callable[[Host], None]) -> dict[str, object]:
    figures: dict[str, object] = {"prefix_s": round(wine.create(), 1)}
    seed_user(wine)
    started = time.monotonic()
    mode = install(wine, installer)
    figures["install_s"] = round(time.monotonic() - started, 1)
    print(f"{kind}: installed in {figures['install_s']} s ({mode}): {check_installed(wine, bundle, payload)}")
    started = time.monotonic()
    uninstall(wine)
    figures["uninstall_s"] = round(time.monotonic() - started, 1)
    print(f"{kind}: uninstalled in {figures['uninstall_s']} s: {check_uninstalled(wine)}")
    return figures


def inno_install(wine: Host, setup: Path) -> str:
    log = wine.root / "inno-install.log"
    result = wine.run(wine.windows_path(setup), "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART",
                      f"/LOG={wine.windows_path(log)}")
    text = log.read_text(encoding="utf-8-sig", errors="replace") if log.is_file() else ""
    expect(result.returncode == 0, f"setup exited {result.returncode}: {text[-2000:] or result.output[-2000:]}")
    # Wine's user is an administrator: Setup must still choose the per-user mode by itself, never elevate.
    expect("Administrative install mode: No" in text and "Install mode root key: HKEY_CURRENT_USER" in text,
           "Setup did not run in non-administrative (per-user) mode")
    return "non-administrative install mode, HKCU"


def inno_uninstall(wine: Host) -> None:
    uninstaller = install_dir(wine) / "unins000.exe"
    expect(uninstaller.is_file(), "no unins000.exe in the program folder")
    result = wine.run(wine.windows_path(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
    expect(result.returncode == 0, f"the uninstaller exited {result.returncode}")
    # unins000.exe hands over to a copy of itself in %TEMP% and exits: on Windows nothing waits for that copy
    # (under Wine, `wineserver -w` did), so wait for the folder to go.
    deadline = time.monotonic() + 120
    while install_dir(wine).exists() and time.monotonic() < deadline:
        time.sleep(1)


def msi_install(wine: Host, msi: Path) -> str:
    result = wine.run("msiexec", "/i", wine.windows_path(msi), "/qn", "/l*v", wine.windows_path(wine.root / "msi.log"))
    expect(result.returncode == 0, f"msiexec /i exited {result.returncode}: {result.output[-2000:]}")
    return "msiexec /qn, per-user package"


def msi_uninstall_with(msi: Path) -> Callable[[Host], None]:
    def uninstall(wine: Host) -> None:
        result = wine.run("msiexec", "/x", wine.windows_path(msi), "/qn")
        expect(result.returncode == 0, f"msiexec /x exited {result.returncode}: {result.output[-2000:]}")
    return uninstall


def run_checks(work: Path, only: str | None) -> dict[str, object]:
    """Linux: build both installers from the stand-in bundle, exercise each in its own Wine prefix."""
    ensure_icon()
    version = windows_payload.version()
    bundle, out = work / "bundle", work / "out"
    payload = windows_payload.build(bundle)
    out.mkdir(parents=True, exist_ok=True)
    figures: dict[str, object] = {"version": version, "bundle_files": len(payload)}
    print(f"stand-in bundle: {len(payload)} files in {bundle}")
    if only in (None, "inno"):
        tools = WinePrefix(work / "wine-tools")
        tools.create()
        setup = build_inno(tools, bundle, out, version)
        tools.kill()
        figures["inno"] = {"size_mb": round(setup.stat().st_size / 1e6, 2),
                           **cycle("inno", WinePrefix(work / "wine-inno"), setup, bundle, payload,
                                   inno_install, inno_uninstall)}
    if only in (None, "msi"):
        msi = build_msi(bundle, out, version)
        print(f"msi: tables: {check_msi_tables(msi, payload)}")
        figures["msi"] = {"size_mb": round(msi.stat().st_size / 1e6, 2),
                          **cycle("msi", WinePrefix(work / "wine-msi"), msi, bundle, payload,
                                  msi_install, msi_uninstall_with(msi))}
    return figures


def run_native(work: Path, bundle: Path, setup: Path | None, msi: Path | None) -> dict[str, object]:
    """Windows (the CI runner): the same install/uninstall checks on installers built from the real bundle."""
    payload = sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file())
    figures: dict[str, object] = {"bundle_files": len(payload)}
    for kind, installer, install, uninstall in (
            ("inno", setup, inno_install, inno_uninstall),
            ("msi", msi, msi_install, msi_uninstall_with(msi) if msi else None)):
        if installer is None or uninstall is None:
            continue
        expect(installer.is_file(), f"no {installer}")
        figures[kind] = {"size_mb": round(installer.stat().st_size / 1e6, 2),
                         **cycle(kind, NativeWindows(work / kind), installer, bundle, payload, install, uninstall)}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and exercise the Windows installers under Wine.")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "windows", help="scratch folder (emptied)")
    parser.add_argument("--only", choices=("inno", "msi"), help="one installer only")
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefixes for a look afterwards")
    parser.add_argument("--native", action="store_true",
                        help="on Windows: check --inno/--msi (built from --bundle) as the current user, no Wine")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "behovsanalys", help="with --native")
    parser.add_argument("--inno", type=Path, help="with --native: the Inno Setup installer to check")
    parser.add_argument("--msi", type=Path, help="with --native: the MSI to check")
    args = parser.parse_args(argv)
    if args.native:
        if sys.platform != "win32":
            parser.error("--native runs on Windows only")
    else:
        missing = missing_tools()
        if missing:
            print(f"missing: {', '.join(missing)}; run scripts/windows-tools.sh", file=sys.stderr)
            return 2
        if not os.environ.get("DISPLAY"):
            # Inno Setup's wizard window exists even when silent: one virtual display for every Wine process.
            return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1024x768x24", sys.executable, __file__,
                                    *(argv if argv is not None else sys.argv[1:])])
    work = args.work.resolve()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    started = time.monotonic()
    try:
        if args.native:
            figures = run_native(work, args.bundle.resolve(), args.inno, args.msi)
        else:
            figures = run_checks(work, args.only)
    except (CheckFailed, WineError) as failure:
        print(f"\nFAILED {failure}", file=sys.stderr)
        print("windows check: FAILED")
        return 1
    finally:
        for name in ("wine-tools", "wine-inno", "wine-msi"):
            prefix = WinePrefix(work / name)
            prefix.kill()
            if not args.keep and prefix.root.exists():
                shutil.rmtree(prefix.root)
    figures["total_s"] = round(time.monotonic() - started, 1)
    (work / "figures.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures: {json.dumps(figures)}")
    print("windows check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
