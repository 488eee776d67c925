"""The frozen bundle works: its CLI inspects, applies and exports, its app starts offscreen, its string matching
is compiled, no network, within its size budgets.

Runs only where ``make dist`` has built ``dist/behovsanalys/`` (CI does not build it: these tests skip).
The checks themselves live in tools/dist_check.py, which ``make dist-check`` runs too.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "behovsanalys"



def _dist_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dist_check", ROOT / "tools" / "dist_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building the class
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dist_check() -> ModuleType:
    return _dist_check()


@pytest.fixture
def bundle(dist_check: ModuleType, tmp_path: Path) -> object:
    if not BUNDLE.is_dir():
        pytest.skip("no frozen bundle: run `make dist` to build dist/behovsanalys/")
    return dist_check.Bundle(BUNDLE, tmp_path)


def test_bundle_carries_both_executables_and_the_resources(dist_check: ModuleType, bundle: object) -> None:
    dist_check.check_resources(bundle)


def test_each_executable_name_starts_its_own_program(dist_check: ModuleType, bundle: object) -> None:
    # On Linux `workbench` is a symlink to `behovsanalys`: the entry script dispatches on the program name.
    assert bundle.run("workbench", "--version").stdout.startswith("workbench ")
    assert bundle.run("behovsanalys", "--help").stdout.startswith("usage: behovsanalys")


@pytest.mark.slow
def test_frozen_cli_applies_decisions_that_export_then_shows(dist_check: ModuleType, bundle: object) -> None:
    workbook = dist_check.copy_sample(bundle)

    result = dist_check.check_cli(bundle, workbook)

    assert result["rows"] > 0
    assert len(result["applied"]) == len(dist_check.DECISIONS)
    assert all(result["applied"].values())


def test_each_frozen_executable_serves_as_the_sheet_check_helper(dist_check: ModuleType, bundle: object) -> None:
    answers = dist_check.check_helper(bundle)

    assert set(answers) == {"behovsanalys", "workbench"}


def test_each_frozen_executable_scores_names_with_rapidfuzz_compiled(dist_check: ModuleType, bundle: object) -> None:
    # a compiled module missing from the bundle would make rapidfuzz fall back to pure Python, or fail
    found = dist_check.check_matching(bundle)

    assert set(found.values()) <= {"rapidfuzz.fuzz_cpp", "rapidfuzz.fuzz_cpp_avx2"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the size budgets are set for the Linux bundle")
def test_frozen_bundle_is_within_its_size_budgets(dist_check: ModuleType, bundle: object) -> None:
    sizes = dist_check.check_sizes(bundle)

    assert BUNDLE.name in sizes


@pytest.mark.slow
def test_frozen_app_starts_offscreen_loads_the_sample_and_exits_zero(dist_check: ModuleType, bundle: object) -> None:
    workbook = dist_check.copy_sample(bundle)

    shot = dist_check.check_gui(bundle, workbook)

    assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.slow
def test_frozen_bundle_opens_no_internet_socket(dist_check: ModuleType, bundle: object) -> None:
    if not bundle.trace:
        pytest.skip("strace is not available to watch the bundle's sockets")
    workbook = dist_check.copy_sample(bundle)
    bundle.run("workbench", "inspect", str(workbook))
    dist_check.check_gui(bundle, workbook)

    assert dist_check.check_no_network(bundle) == 2


def test_strace_lines_with_internet_sockets_are_recognised(dist_check: ModuleType, tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    trace.write_text(
        '101 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3\n'
        '101 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = 0\n'
        '102 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4\n'
    )

    assert dist_check.inet_calls(trace) == ["102 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4"]
