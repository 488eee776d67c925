"""pyproject.toml as the build sees it: a newcomer's first install prints no deprecation warnings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_license_is_an_spdx_expression_that_the_required_setuptools_reads() -> None:
    """A TOML table (``{ text = ... }``) made setuptools print a 15-line deprecation warning three times
    on every install: about 45 of the 64 lines of a first ``scripts/run.sh``."""
    data = _pyproject()
    project = data["project"]
    assert isinstance(project, dict)
    license_expression = project["license"]
    assert isinstance(license_expression, str)
    # packaging's own check of an SPDX expression (what setuptools applies)
    from packaging.licenses import canonicalize_license_expression

    assert canonicalize_license_expression(license_expression) == license_expression == "LicenseRef-Proprietary"
    build = data["build-system"]
    assert isinstance(build, dict)
    setuptools = next(r for r in build["requires"] if r.startswith("setuptools"))
    found = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools)
    assert found is not None and int(found.group(1)) >= 77  # the first to accept a license expression
    assert not any(c.startswith("License ::") for c in project.get("classifiers", []))  # PEP 639 forbids both
