"""The spellings the merge treats as equal, and the ones it keeps apart."""

import pytest

from workbench.assortment.normalise import (
    normalise_article_name,
    normalise_article_no,
    normalise_pack_size,
    normalise_supplier,
    normalise_unit,
)


@pytest.mark.parametrize("spelling", ["Nordisk Engångs AB", "NORDISK ENGÅNGS AKTIEBOLAG", "nordisk engångs ab",
                                      "Nordisk  Engångs A.B.", "Nordisk Engångs AB (publ)", "AB Nordisk Engångs",
                                      "Nordisk-Engångs AB", " Nordisk Engångs, AB "])
def test_supplier_spellings_are_one_supplier(spelling: str) -> None:
    assert normalise_supplier(spelling) == "nordisk engångs"


@pytest.mark.parametrize(("spelling", "expected"), [
    ("Lyreco Oy", "lyreco"), ("Lyreco Oy Ab", "lyreco"), ("Orkla Care AS", "orkla care"),
    ("Orkla Care A/S", "orkla care"), ("Essity GmbH", "essity"), ("Abena Ltd.", "abena"),
])
def test_foreign_company_forms_go(spelling: str, expected: str) -> None:
    assert normalise_supplier(spelling) == expected


def test_swedish_letters_and_the_name_itself_stay() -> None:
    assert normalise_supplier("Nordisk Engångs AB") != normalise_supplier("Nordisk Engangs AB")
    assert normalise_supplier("Åhléns") == "åhléns"
    assert normalise_supplier("AB") == "ab"  # a name that is only a company form is still a name
    assert normalise_supplier("Abena") == "abena"  # "ab" inside a word is not a company form
    assert normalise_supplier(None) is None and normalise_supplier("  ") is None


@pytest.mark.parametrize("spelling", ["NE-1234", "ne 1234", "NE1234", "ne.1234", "NE/1234", "ne_12-34", " Ne 12 34 "])
def test_article_number_spellings_are_one_number(spelling: str) -> None:
    assert normalise_article_no(spelling) == "ne1234"


def test_an_article_number_stored_as_a_number_matches_its_text() -> None:
    assert normalise_article_no(1234.0) == normalise_article_no(1234) == normalise_article_no("001234") == "1234"
    assert normalise_article_no("NE-01234") != normalise_article_no("NE-1234")  # only a number loses zeros
    assert normalise_article_no(None) is None and normalise_article_no(" - ") is None


@pytest.mark.parametrize("spelling", ["Handske nitril puderfri M", "HANDSKE NITRIL PUDERFRI M",
                                      "  Handske   nitril, puderfri  M ", "handske nitril - puderfri (M)"])
def test_article_name_spellings_are_one_name(spelling: str) -> None:
    assert normalise_article_name(spelling) == "handske nitril puderfri m"


def test_names_keep_numbers_and_decimal_points() -> None:
    assert normalise_article_name("Mugg 0,5 l") == normalise_article_name("MUGG 0.5L") == "mugg 0.5 l"
    assert normalise_article_name("Påse 100st.") == "påse 100 st"
    assert normalise_article_name("Mugg 5 l") != normalise_article_name("Mugg 0,5 l")
    assert normalise_article_name("Handske M") != normalise_article_name("Handske L")


@pytest.mark.parametrize(("spelling", "code"), [
    ("st", "st"), ("ST", "st"), ("St.", "st"), ("styck", "st"), ("Styck", "st"), ("pcs", "st"),
    ("förp", "förp"), ("FÖRP.", "förp"), ("fp", "förp"), ("Förpackning", "förp"), ("pkt", "förp"),
    ("krt", "krt"), ("Kartong", "krt"), ("par", "par"), ("Rulle", "rl"), ("liter", "l"), ("Lådor", "lådor"),
])
def test_units_have_one_code(spelling: str, code: str) -> None:
    assert normalise_unit(spelling) == code


@pytest.mark.parametrize(("value", "number"), [
    (100, 100.0), (100.0, 100.0), ("100", 100.0), ("100 st", 100.0), ("100-pack", 100.0), ("1 000", 1000.0),
    ("0,5", 0.5), ("10x100", 1000.0), ("10 × 100 st", 1000.0), ("Förp om 50", 50.0),
])
def test_pack_sizes_are_numbers(value: object, number: float) -> None:
    assert normalise_pack_size(value) == number


@pytest.mark.parametrize("value", [None, "", "st", 0, -5, float("nan"), "0"])
def test_no_pack_size(value: object) -> None:
    assert normalise_pack_size(value) is None
