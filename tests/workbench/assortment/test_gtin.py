"""GTIN normalisation: digits only, Excel numbers recovered exactly or refused, check digit, GTIN-14."""

from decimal import Decimal

import pytest
from _gs1 import with_check_digit

from workbench.assortment.gtin import GtinProblem, GtinResult, check_digit, is_valid_gtin14, normalise_gtin

EAN13 = "4006381333931"  # a published EAN-13 example
UPC12 = "036000291452"  # a published UPC-A example, leading zero
EAN8 = "96385074"  # a published EAN-8 example
GTIN14 = with_check_digit("1730797628315")


def test_the_independent_check_digit_agrees_on_published_examples() -> None:
    for gtin in (EAN13, UPC12, EAN8):
        assert with_check_digit(gtin[:-1]) == gtin
        assert check_digit(gtin[:-1]) == int(gtin[-1])


@pytest.mark.parametrize(("value", "expected"), [
    (EAN13, "0" + EAN13),
    (UPC12, "00" + UPC12),
    (EAN8, "000000" + EAN8),
    (GTIN14, GTIN14),
    (" 4006381 333931 ", "0" + EAN13),
    ("4-006381-333931", "0" + EAN13),
    ("4006381\u00a0333931", "0" + EAN13),
    ("'036000291452", "00" + UPC12),
])
def test_text_gtins_of_every_length_compare_as_gtin14(value: str, expected: str) -> None:
    result = normalise_gtin(value)
    assert result == GtinResult(expected)
    assert result.gtin is not None and is_valid_gtin14(result.gtin)


def test_the_same_article_in_8_12_13_and_14_digits_is_one_gtin14() -> None:
    body12 = with_check_digit("01234567890")  # GTIN-12 with a leading zero
    forms = [body12, "0" + body12, "00" + body12, int(body12), float(body12), body12[1:]]
    assert {normalise_gtin(form).gtin for form in forms} == {"00" + body12}


@pytest.mark.parametrize("value", [4006381333931.0, 4006381333931, "4006381333931.0", "4.006381333931E+12",
                                   "4,006381333931E+12", Decimal("4006381333931")])
def test_an_excel_number_is_recovered_exactly(value: object) -> None:
    assert normalise_gtin(value) == GtinResult("0" + EAN13)


@pytest.mark.parametrize("value", ["7.30798E+12", "4.00638E+12", 4006380000000.0, 7307980000000.0])
def test_a_number_that_lost_digits_is_not_recovered(value: object) -> None:
    """The six digits Excel shows are not the GTIN: guessing the rest would join unrelated articles."""
    assert normalise_gtin(value) == GtinResult(None, GtinProblem.LOST_PRECISION)


def test_a_gtin12_that_lost_its_leading_zero_is_padded_back() -> None:
    assert normalise_gtin(UPC12[1:]) == GtinResult("00" + UPC12)  # 11 digits as text
    assert normalise_gtin(int(UPC12)) == GtinResult("00" + UPC12)
    assert normalise_gtin(float(UPC12)) == GtinResult("00" + UPC12)


def test_a_wrong_check_digit_is_a_problem_not_a_gtin() -> None:
    wrong = EAN13[:-1] + str((int(EAN13[-1]) + 1) % 10)
    assert normalise_gtin(wrong) == GtinResult(None, GtinProblem.INVALID_CHECK_DIGIT)
    assert normalise_gtin(int(wrong)) == GtinResult(None, GtinProblem.INVALID_CHECK_DIGIT)
    assert normalise_gtin(UPC12[1:-1] + "9") == GtinResult(None, GtinProblem.INVALID_CHECK_DIGIT)


@pytest.mark.parametrize("value", ["1234567", "1234567890", "123456789012345", "1" * 20, 123456, 10**15])
def test_other_lengths_are_bad_length(value: object) -> None:
    assert normalise_gtin(value) == GtinResult(None, GtinProblem.BAD_LENGTH)


@pytest.mark.parametrize("value", ["ABC4006381333931", "400638133393X", "4006381333931.5", -4006381333931,
                                   True, 4006381333931.5, float("inf"), "٤٠٠٦٣٨١٣٣٣٩٣١"])
def test_anything_but_digits_is_not_digits(value: object) -> None:
    assert normalise_gtin(value) == GtinResult(None, GtinProblem.NOT_DIGITS)


@pytest.mark.parametrize("value", [None, "", "   ", float("nan"), "0", 0, "0000000000000", " - "])
def test_empty_is_no_gtin_and_no_problem(value: object) -> None:
    assert normalise_gtin(value) == GtinResult(None, None)
