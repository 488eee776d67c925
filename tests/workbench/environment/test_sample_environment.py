"""The bundled joint workbook: its articles' names say their materials (Material and weight are empty),
so the single-use plastics rules can be judged on it; plastic kg cannot (no weights: said, not guessed)."""

from __future__ import annotations

import pytest

from workbench.environment import EnvironmentReport, assess_table
from workbench.reading.importer import read_table
from workbench.resources import resource_path

# Read by hand from the sample's Sortiment: cutlery and plates of PS or PLA (plastic, banned);
# paper straws, paper plates and wooden cutlery are not.
BANNED = {"G00036", "G00037", "G00038", "G00039", "G00040", "G00041", "G00048", "G00049", "G00050", "G00051",
          "G00060", "G00061", "G00323", "G00353", "G00367", "G00448", "G00507", "G00512", "G00518"}
ALLOWED_COUNTERPARTS = {"G00028", "G00029", "G00030", "G00042", "G00043", "G00052", "G00053"}


@pytest.fixture(scope="module")
def report() -> EnvironmentReport:
    return assess_table(read_table(resource_path("sample", "sodertorn_gemensam.xlsx")))


def test_banned_items_found_with_precision_and_recall_one(report: EnvironmentReport) -> None:
    found = set(report.sup_banned())
    assert found == BANNED
    rules = {a.key: a.sup_rule for a in report.articles}
    assert all(rules[key] == "" for key in ALLOWED_COUNTERPARTS)


@pytest.mark.parametrize(("key", "what", "expected"), [
    ("G00014", "material", "pp"),  # "Plastmugg PP": PP, not "plastic and PP" left unresolved
    ("G00023", "sup_rules", ("reduce",)),  # "Lock till mugg": a lid (reduce), not a cup to mark
    ("G00042", "material", "wood"),  # "Träbestick": a compound of a short word
    ("G00079", "material", "board"),  # "Glassbägare papp": ice cream, not glass
    ("G00198", "sup_rules", ("reduce",)),  # "Portionsbägare": a food container, not a beverage cup
])
def test_names_that_once_misled_the_words(report: EnvironmentReport, key: str, what: str, expected: object) -> None:
    article = next(a for a in report.articles if a.key == key)
    assert getattr(article, what) == expected


def test_missing_weights_are_listed_not_counted(report: EnvironmentReport) -> None:
    gloves = [a for a in report.articles if a.material == "nitrile"]
    assert gloves and all(a.plastic_kg_year is None and "weight_missing" in a.assumptions for a in gloves)
