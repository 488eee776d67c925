"""The layering contract: the core never loads Qt; the public API list stays true; no network use."""

from __future__ import annotations

import ast
import importlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import workbench

ROOT = Path(__file__).resolve().parent.parent

_CHECK = textwrap.dedent("""
    import importlib, pkgutil, sys
    sys.path.insert(0, sys.argv[1])
    import workbench
    for info in pkgutil.walk_packages(workbench.__path__, "workbench."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
    print("\\n".join(loaded))
""")


def qt_modules_loaded_by_core(source_root: Path) -> list[str]:
    """Import every module of the ``workbench`` package under ``source_root`` in a fresh process and
    return the Qt/GUI modules that got loaded."""
    result = subprocess.run([sys.executable, "-c", _CHECK, str(source_root)], capture_output=True, text=True,
                            cwd=source_root)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_importing_every_core_module_loads_no_qt() -> None:
    assert qt_modules_loaded_by_core(ROOT) == []


def test_the_contract_check_catches_a_core_module_that_imports_qt(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "workbench", tmp_path / "workbench")
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    (tmp_path / "workbench" / "sneaky.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    assert "PySide6.QtCore" in qt_modules_loaded_by_core(tmp_path)


def test_import_linter_rejects_qt_in_the_core(tmp_path: Path) -> None:
    """The same contract through import-linter, as the test command runs it."""
    shutil.copytree(ROOT / "workbench", tmp_path / "workbench")
    shutil.copytree(ROOT / "ui", tmp_path / "ui")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    lint = Path(sys.executable).parent / "lint-imports"
    clean = subprocess.run([str(lint)], cwd=tmp_path, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout
    (tmp_path / "workbench" / "sneaky.py").write_text("import PySide6.QtWidgets\n", encoding="utf-8")
    broken = subprocess.run([str(lint)], cwd=tmp_path, capture_output=True, text=True)
    assert broken.returncode != 0
    assert "workbench.sneaky" in broken.stdout


# One deliberate break per import-linter contract in pyproject.toml: (contract id, file, line appended).
_CONTRACT_BREAKS = [
    ("qt-free-core", "workbench/numbers.py", "import PySide6.QtWidgets"),
    ("core-layers", "workbench/xlsx/cells.py", "import workbench.sharing.lock"),  # xlsx is below sharing
    # environment and assortment share a layer and are independent of each other
    ("core-layers", "workbench/environment/words.py", "import workbench.assortment.gtin"),
    ("core-layers", "workbench/assortment/layout.py", "import workbench.survey.layout"),  # survey is above it
    ("kernel-imports-no-package", "workbench/paths.py", "import workbench.xlsx.cells"),
    ("ui-layers", "ui/importing/preview.py", "import ui.review.page"),  # importing is below review
    ("ui-layers", "ui/window/pages.py", "import ui.main_window"),  # the window's parts are below it
    ("no-cycles", "workbench/xlsx/cells.py", "import workbench.xlsx.patch"),  # patch imports cells
    ("no-cycles", "ui/tasks.py", "import ui.main_window"),  # main_window imports tasks
    ("no-cycles", "workbench/sharing/journal.py", "import workbench.sharing.shared_save"),  # shared_save imports it
    ("private-modules", "workbench/writing/convert.py", "from workbench.reading import _text"),
]


@pytest.mark.parametrize(("contract", "file", "line"), _CONTRACT_BREAKS)
def test_each_import_contract_fails_when_broken(tmp_path: Path, contract: str, file: str, line: str) -> None:
    """Each contract holds on this checkout and fails on a copy with one import that breaks it."""
    shutil.copytree(ROOT / "workbench", tmp_path / "workbench")
    shutil.copytree(ROOT / "ui", tmp_path / "ui")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    lint = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache", "--contract", contract]
    clean = subprocess.run(lint, cwd=tmp_path, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout
    with (tmp_path / file).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}  # a deliberate break\n")
    broken = subprocess.run(lint, cwd=tmp_path, capture_output=True, text=True)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "1 broken" in broken.stdout


def test_public_api_list_is_sorted_and_true() -> None:
    assert workbench.__all__ == sorted(workbench.__all__)
    for name in workbench.__all__:
        assert hasattr(workbench, name), name


@pytest.mark.parametrize("package", ["workbench.assortment", "workbench.environment", "workbench.survey",
                                     "workbench.review",
                                     "workbench.xlsx", "workbench.reading",
                                     "workbench.writing", "workbench.sharing", "ui.review", "ui.sharing",
                                     "ui.importing", "ui.assortment", "ui.window"])
def test_each_concept_package_names_a_sorted_and_true_public_api(package: str) -> None:
    """Each concept package's ``__init__`` lists its public names; every one resolves. The core's names
    load their module on first use; the app's packages list their modules."""
    module = importlib.import_module(package)
    assert module.__all__ == sorted(module.__all__)
    for name in module.__all__:
        if package.startswith("ui."):
            importlib.import_module(f"{package}.{name}")
        assert getattr(module, name) is not None, f"{package}.{name}"


_NETWORK_MODULES = {"socket", "ssl", "http", "urllib.request", "requests", "httpx", "ftplib", "smtplib",
                    "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets"}


def test_no_code_of_ours_imports_a_network_module() -> None:
    """The app must work offline and never use the network: nothing imports a network module."""
    offenders = []
    for package in ("workbench", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                for name in names:
                    if name in _NETWORK_MODULES or name.split(".")[0] in _NETWORK_MODULES:
                        offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_the_app_shows_its_window_before_loading_pandas() -> None:
    """Start-up (issue 7): the window and a small workbook's preview come up before the review core's
    pandas is loaded, which happens in the background with the first file."""
    # the window is built, not only imported: its pages' controllers run at start too; the detail pane's
    # sections (source rows, environment, survey answers) are made when a table first needs them
    code = ("import sys; import ui.app, ui.main_window, ui.importing.preview, workbench.sharing.journal; "
            "from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "window = ui.app.create_window(app, 'sv'); "
            "print(sorted(m for m in ('pandas', 'numpy', 'ui.review.page', 'workbench.table', 'reportlab', "
            "'duckdb', 'xlsxwriter', 'html', 'ui.assortment.source_rows', 'ui.environment.detail', "
            "'ui.survey.detail') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_save_helper_process_loads_neither_qt_nor_pandas() -> None:
    """The read-back helper (``python -m workbench.xlsx.check_worker``) starts light: its packages'
    ``__init__``s load their public names only on first use."""
    code = ("import sys; import workbench.xlsx.check_worker, workbench.xlsx, workbench.reading, workbench.writing, "
            "workbench.sharing, workbench.review; "
            "print(sorted(m for m in ('pandas', 'numpy', 'PySide6', 'python_calamine') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_file_endings_are_declared_once() -> None:
    """Issue 14: the endings a name promises were spelled in six modules; they live in workbench/formats.py."""
    import re

    spelled = re.compile(r"""\(\s*["']\.xlsx["']\s*,\s*["']\.xlsm["']""")
    offenders = [str(path.relative_to(ROOT)) for folder in ("workbench", "ui") for path in (ROOT / folder).rglob("*.py")
                 if path.name != "formats.py" and spelled.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
