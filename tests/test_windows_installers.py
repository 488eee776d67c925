"""The Windows installers: the stand-in bundle has the Windows layout, the registry reader reads Wine's
exports, the Inno Setup script writes real "Open with" values, and, where Wine, msitools and Inno Setup are
installed (``scripts/windows-tools.sh``), both installers are built, installed and uninstalled under Wine
(tools/windows_check.py, which ``make dist-check-windows`` runs too). Elsewhere that last test skips.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "tools"))  # windows_check imports its siblings by name
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building the class
    spec.loader.exec_module(module)
    return module


windows_payload = _tool("windows_payload")
wine_prefix = _tool("wine_prefix")
windows_check = _tool("windows_check")


def _pe_header(path: Path) -> tuple[int, int, int]:
    """(machine, optional-header magic, subsystem) of a PE file."""
    data = path.read_bytes()
    assert data[:2] == b"MZ"
    offset = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[offset:offset + 4] == b"PE\0\0"
    machine = struct.unpack_from("<H", data, offset + 4)[0]
    magic = struct.unpack_from("<H", data, offset + 24)[0]
    subsystem = struct.unpack_from("<H", data, offset + 24 + 68)[0]
    return machine, magic, subsystem


def test_stand_in_bundle_is_laid_out_as_the_windows_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "behovsanalys"

    written = windows_payload.build(bundle)

    assert _pe_header(bundle / "behovsanalys.exe") == (0x8664, 0x20B, 2)  # x64, PE32+, windowed
    assert _pe_header(bundle / "workbench.exe") == (0x8664, 0x20B, 3)  # console
    internal = bundle / "_internal"
    for name in ("python311.dll", "base_library.zip", "PySide6/plugins/platforms/qwindows.dll",
                 "resources/translations/behovsanalys_sv.qm", "resources/sample/sodertorn_sortiment.xlsx",
                 f"behovsanalys-{windows_payload.version()}.dist-info/METADATA"):
        assert (internal / name).is_file(), name
    # build.spec's rule: no .ts sources, of the samples only the one the app opens
    assert not list(internal.rglob("*.ts"))
    assert [p.name for p in (internal / "resources" / "sample").rglob("*") if p.is_file()] == [
        "sodertorn_sortiment.xlsx"]
    assert sorted(written) == sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())


def test_registry_exports_are_read_with_defaults_names_and_escapes() -> None:
    text = (
        "Windows Registry Editor Version 5.00\r\n\r\n"
        "[HKEY_CURRENT_USER\\Software\\Classes\\.xlsx]\r\n"
        '@="Excel.Sheet.12"\r\n\r\n'
        "[HKEY_CURRENT_USER\\Software\\Classes\\.xlsx\\OpenWithProgids]\r\n"
        '"Behovsanalys.Workbook"=""\r\n'
        '"Other.Program"=hex(0):\r\n\r\n'
        "[HKEY_CURRENT_USER\\Software\\Classes\\Behovsanalys.Workbook\\shell\\open\\command]\r\n"
        '@="\\"C:\\\\users\\\\anna\\\\AppData\\\\Local\\\\Programs\\\\Behovsanalys\\\\behovsanalys.exe\\" \\"%1\\""\r\n'
        '"Blob"=hex:01,02,\\\r\n  03\r\n'
    )

    keys = wine_prefix.parse_reg(text)

    assert keys["hkey_current_user\\software\\classes\\.xlsx"] == {"@": "Excel.Sheet.12"}
    assert keys["hkey_current_user\\software\\classes\\.xlsx\\openwithprogids"] == {
        "behovsanalys.workbook": "", "other.program": "hex(0):"}
    command = keys["hkey_current_user\\software\\classes\\behovsanalys.workbook\\shell\\open\\command"]
    assert command["@"] == '"C:\\users\\anna\\AppData\\Local\\Programs\\Behovsanalys\\behovsanalys.exe" "%1"'
    assert command["blob"] == "hex:01,02,03"


def test_inno_script_lists_the_app_under_open_with_as_values() -> None:
    # "ValueType: none" makes Inno Setup create the key and write no value: the app never shows in "Open with".
    script = (ROOT / "installer" / "behovsanalys.iss").read_text(encoding="utf-8")
    entries = [line for line in script.splitlines() if "OpenWithProgids" in line and line.startswith("Root:")]

    assert sorted(re.search(r"Classes\\(\.\w+)\\", line).group(1) for line in entries) == sorted(  # type: ignore[union-attr]
        windows_check.EXTENSIONS)
    for line in entries:
        assert "ValueType: string" in line and 'ValueName: "Behovsanalys.Workbook"' in line, line


def test_installer_sources_never_take_over_the_default_program() -> None:
    script = (ROOT / "installer" / "behovsanalys.iss").read_text(encoding="utf-8")
    source = (ROOT / "installer" / "behovsanalys.wxs").read_text(encoding="utf-8")
    for ext in windows_check.EXTENSIONS:
        # a default value on the extension's own key would be "open with us by default"
        assert not re.search(rf'Subkey: "Software\\Classes\\{re.escape(ext)}";', script)
        assert not re.search(rf'Key="Software\\Classes\\{re.escape(ext)}"', source)
    assert "PrivilegesRequired=lowest" in script
    assert 'InstallScope="perUser"' in source and 'InstallPrivileges="limited"' in source


@pytest.mark.slow
def test_both_installers_install_and_uninstall_per_user_under_wine(tmp_path: Path) -> None:
    missing = windows_check.missing_tools()
    if missing:
        pytest.skip(f"no Windows tools here ({', '.join(missing)}): run scripts/windows-tools.sh")

    done = subprocess.run([sys.executable, str(ROOT / "tools" / "windows_check.py"), "--work", str(tmp_path / "w")],
                          capture_output=True, text=True, timeout=900, check=False)

    assert done.returncode == 0, done.stdout + done.stderr
    for line in ("inno: installed", "inno: uninstalled", "msi: tables: per user", "msi: installed",
                 "msi: uninstalled", "windows check: all checks passed"):
        assert line in done.stdout, done.stdout
