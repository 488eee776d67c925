"""The parts of rapidfuzz that build.spec leaves out of the bundle are not needed: without them rapidfuzz
still scores with its compiled ``fuzz_cpp`` (what a CPU without AVX2 uses anyway), and every score is equal.

Runs from source (no bundle needed): the modules are blocked from import in a fresh interpreter, as if
their files were missing. tools/dist_check.py runs the same probe in the frozen bundle.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"

# Run in a fresh interpreter: rapidfuzz picks its implementation once, when it is first imported.
_SCRIPT = """
import importlib.abc, json, sys
sys.path.insert(0, {packaging!r})
import rapidfuzz_parts

class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED:
            raise ImportError(f"{{name}} is not in the bundle")
        return None

BLOCKED = set(rapidfuzz_parts.EXCLUDES) if {block!r} else set()
sys.meta_path.insert(0, Missing())

import random
import bundle_probe
from rapidfuzz import fuzz, process, utils

words = ("handske nitril vinyl latex puderfri blå vit svart S M L XL stl diskborste trä plast skoskydd "
         "kaffefilter 1x4 påse sopsäck 125 L 60 papper toalett rulle servett 33x33 förp kartong 20 cl").split()
rng = random.Random(7)
names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 7))) for _ in range(300)]
matrices = {{}}
for scorer in (fuzz.ratio, fuzz.token_sort_ratio, fuzz.token_set_ratio):
    matrix = process.cdist(names, names, scorer=scorer, processor=utils.default_process)
    matrices[scorer.__name__] = matrix.tolist()
best = [process.extract(name, names, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=5)
        for name in names[:50]]
loaded = sorted(name for name in sys.modules if name.startswith("rapidfuzz"))
print(json.dumps({{"probe": bundle_probe.probe(), "matrices": matrices, "extract": best, "loaded": loaded}}))
"""


def _scores(block: bool) -> dict[str, object]:
    script = _SCRIPT.format(packaging=str(PACKAGING), block=block)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8",
                            timeout=120, check=True)
    return json.loads(result.stdout)


def _dist_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dist_check", ROOT / "tools" / "dist_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building the class
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def full() -> dict[str, object]:
    return _scores(block=False)


@pytest.fixture(scope="module")
def bundled() -> dict[str, object]:
    return _scores(block=True)


def test_without_the_left_out_modules_rapidfuzz_still_scores_in_compiled_code(bundled: dict[str, object]) -> None:
    probe = bundled["probe"]
    assert isinstance(probe, dict)

    assert probe["implementation"] == {
        "fuzz": "rapidfuzz.fuzz_cpp", "process": "rapidfuzz.process_cpp", "utils": "rapidfuzz.utils_cpp",
    }
    assert not set(bundled["loaded"]) & {"rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp"}


def test_without_the_left_out_modules_every_score_is_equal(
        full: dict[str, object], bundled: dict[str, object]) -> None:
    assert bundled["matrices"] == full["matrices"]
    assert bundled["extract"] == full["extract"]
    probe_full, probe_bundled = dict(full["probe"]), dict(bundled["probe"])  # type: ignore[call-overload]
    probe_full.pop("implementation")
    probe_bundled.pop("implementation")
    assert probe_bundled == probe_full


def test_the_smoke_test_expects_what_rapidfuzz_computes(full: dict[str, object], bundled: dict[str, object]) -> None:
    dist_check = _dist_check()

    assert dist_check.probe_problems(full["probe"]) == []
    assert dist_check.probe_problems(bundled["probe"]) == []
    fallback = {**full["probe"], "implementation": {"fuzz": "rapidfuzz.fuzz_py"}}  # type: ignore[dict-item]
    assert len(dist_check.probe_problems(fallback)) == 3  # fuzz_py, and process/utils missing
