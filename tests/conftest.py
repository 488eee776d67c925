"""Shared test set-up: the app's files go to a temporary home; Qt runs offscreen; the corpus is found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEHOVSANALYS_LANG", "sv")

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    """The shared real-world spreadsheets (``../shared/corpus``), or $BEHOVSANALYS_CORPUS."""
    override = os.environ.get("BEHOVSANALYS_CORPUS")
    return Path(override) if override else ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, journal and logs of each test live in a fresh folder, never in the real user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BEHOVSANALYS_HOME", str(home))
    return home


@pytest.fixture
def corpus() -> Path:
    path = corpus_dir()
    if not path.is_dir():
        pytest.skip("the shared corpus folder is absent")
    return path


@pytest.fixture
def sample_workbook(tmp_path: Path) -> Path:
    """A copy of the bundled sample workbook (tests never touch the committed file)."""
    source = ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx"
    if not source.exists():
        pytest.fail("resources/sample/sodertorn_sortiment.xlsx is missing: run tools/make_sample.py")
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    return target
