"""The assessment of a small real list: single-use plastics rules, scores, plastic kg per year, CO2e."""

from __future__ import annotations

from pathlib import Path

import pytest
from _env_files import write_list

from workbench.environment import Assessment, EnvironmentReport, assess_table
from workbench.reading.importer import read_table


@pytest.fixture
def report(tmp_path: Path) -> EnvironmentReport:
    return assess_table(read_table(write_list(tmp_path / "lista.xlsx")))


def _by_key(report: EnvironmentReport) -> dict[str, Assessment]:
    return {a.key: a for a in report.articles}


def test_single_use_plastics_rules_follow_product_type_and_material(report: EnvironmentReport) -> None:
    found = _by_key(report)
    assert found["E01"].sup_rule == "banned"  # PLA is plastic under the directive
    assert found["E02"].sup_rule == ""  # a plain paper straw is not
    assert found["E03"].sup_rules == ("marking", "reduce")  # a PE-lined paper cup is a plastic cup
    assert found["E07"].sup_rule == ""  # wooden cutlery
    assert found["E13"].sup_rule == "banned"
    assert found["E14"].sup_rule == "banned"  # the material from the name: EPS
    assert found["E15"].sup_rule == "banned"  # EPS food container
    assert found["E09"].sup_rules == ("marking", "reduce")
    assert found["E08"].sup_rule == ""  # a stirrer of an unknown material: not decided, but said
    assert "sup_material_unknown" in found["E08"].assumptions
    assert report.sup_banned() == ["E01", "E13", "E14", "E15"]


def test_a_pvc_glove_never_scores_above_the_nitrile_glove_of_the_same_size(report: EnvironmentReport) -> None:
    found = _by_key(report)
    for size in ("M", "L"):
        nitrile = next(a for a in report.articles if a.material == "nitrile" and a.key in ("E04", "E11")
                       and (size == "M") == (a.key == "E04"))
        pvc = found["E05" if size == "M" else "E12"]
        assert pvc.material == "pvc"
        assert pvc.suggested_score <= nitrile.suggested_score
        assert "pvc" in pvc.reasons
    assert "ecolabel" in found["E12"].reasons


def test_reasons_and_scores(report: EnvironmentReport) -> None:
    found = _by_key(report)
    assert found["E01"].suggested_score == 1
    assert found["E01"].reasons[0] == "sup_banned"
    assert "recycled_content" in found["E06"].reasons
    assert "fossil_virgin_plastic" not in found["E06"].reasons
    assert "unknown_material" in found["E08"].reasons
    assert found["E04"].requirement_level == "avancerad"
    assert "11217" in found["E04"].criteria and "11078" not in found["E04"].criteria
    assert "11078" in found["E05"].criteria and "11217" not in found["E05"].criteria


def test_plastic_kg_per_year_equals_a_hand_computation(report: EnvironmentReport) -> None:
    found = _by_key(report)
    # by hand: grams per piece x pieces per year / 1000
    assert found["E01"].plastic_kg_year == pytest.approx(0.5 * 100 * 10 / 1000)  # 0.5 kg PLA
    assert found["E04"].plastic_kg_year == pytest.approx(70.0)  # 3.5 g x 100 x 200
    assert found["E05"].plastic_kg_year == pytest.approx(60.0)  # 4 g x 100 x 150
    assert found["E06"].plastic_kg_year == pytest.approx(120.0)  # 12 g x 25 x 400
    assert found["E11"].plastic_kg_year == pytest.approx(76.0)  # 3.8 g x 1000 x 20
    assert found["E12"].plastic_kg_year == pytest.approx(21.0)  # 4.2 g x 100 x 50
    assert found["E13"].plastic_kg_year == pytest.approx(6.0)  # 3 g x 2000 (pieces)
    assert found["E14"].plastic_kg_year == pytest.approx(2.5)  # 5 g x 50 x 10
    assert found["E15"].plastic_kg_year == pytest.approx(4.5)  # 9 g x 500
    assert found["E02"].plastic_kg_year == 0.0 and found["E07"].plastic_kg_year == 0.0
    # not counted, and said why: a coated cup's share, a pack's weight, unknown materials
    assert found["E03"].plastic_kg_year is None and "plastic_share_unknown" in found["E03"].assumptions
    assert found["E09"].plastic_kg_year is None and "weight_may_be_pack" in found["E09"].assumptions
    assert found["E08"].plastic_kg_year is None and found["E10"].plastic_kg_year is None
    assert report.plastic_kg_year == pytest.approx(0.5 + 70 + 60 + 120 + 76 + 21 + 6 + 2.5 + 4.5)
    assert report.unknown_material() == ["E03", "E08", "E10"]


def test_co2e_per_year_with_its_range(report: EnvironmentReport) -> None:
    found = _by_key(report)
    vinyl = found["E05"]  # 60 kg PVC: DEFRA 2024 2.936 central; range 1.9 (PlasticsEurope) .. 3.399 (DEFRA 2023)
    assert vinyl.co2e_kg_year == pytest.approx(60 * 2.936)
    assert vinyl.co2e_kg_year_low == pytest.approx(60 * 1.9)
    assert vinyl.co2e_kg_year_high == pytest.approx(60 * 3.399)
    bag = found["E06"]  # 120 kg recycled LDPE: DEFRA closed-loop 1.089 (2024) .. 1.793 (2023)
    assert bag.co2e_kg_year == pytest.approx(120 * 1.089)
    assert bag.co2e_kg_year_high == pytest.approx(120 * 1.793)
    assert "recycled_share_assumed" in bag.assumptions
    nitrile = found["E04"]  # no sourced factor for nitrile: missing, and said
    assert nitrile.co2e_kg_year is None and "factor_missing" in nitrile.assumptions


def test_pieces_follow_the_unit_words(report: EnvironmentReport) -> None:
    found = _by_key(report)
    assert found["E03"].pieces_year == 1000  # st
    assert found["E06"].pieces_year == 10_000  # rle of 25
    assert found["E11"].pieces_year == 20_000  # krt of 1000
    assert found["E13"].pieces_year == 2000  # styck


def test_an_unclear_unit_is_an_assumption_listed() -> None:
    from workbench.environment import ArticleFacts, Assessor

    judge = Assessor()
    pack = judge.assess(ArticleFacts("X", name="Handske nitril", material="Nitril", weight_g=3, unit="bunke",
                                     pack_size=100, quantity=2))
    assert pack.pieces_year == 200 and "unit_unclear_pack" in pack.assumptions
    piece = judge.assess(ArticleFacts("Y", name="Handske nitril", material="Nitril", weight_g=3, unit="?",
                                      quantity=2))
    assert piece.pieces_year == 2 and "unit_unclear_piece" in piece.assumptions
    missing = judge.assess(ArticleFacts("Z", name="Handske nitril", material="Nitril", weight_g=3, unit="förp",
                                        quantity=2))
    assert missing.pieces_year is None and "pack_size_missing" in missing.assumptions
    assert missing.plastic_kg_year is None


@pytest.mark.parametrize(("written", "material"), [
    ("Nitril", "nitrile"), ("nitrile", "nitrile"), ("Vinyl", "pvc"), ("PE-LD", "ldpe"), ("Polyeten", "pe"),
    ("Papper/PE", "paper_pe"), ("Plast", "plastic"), ("Majsstärkelse", "pla"), ("Bomull", "cotton"),
    ("PE-belagd kartong", "paper_pe"), ("Papper, PE", "paper_pe"), ("Plast PP", "pp"), ("PP/PE", None),
])
def test_materials_as_people_write_them(written: str, material: str | None) -> None:
    from workbench.environment import Assessor

    assert Assessor().material_of(written)[0] == material
