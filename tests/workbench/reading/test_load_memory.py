"""What a large load allocates after pandas' read, and that the cheaper steps mean the same.

Issue 13 item 21: on a busy machine a 1,000,000-line csv spent up to 0.3 s page-faulting fresh memory
after the read (an all-empty review frame of 64 MB, float copies of every figure column). These tests
count the bytes allocated (numpy reports its buffers to ``tracemalloc``), which no machine load changes.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbench.fields import REVIEW_FIELD_NAMES
from workbench.reading._findings import _FIGURE_ROWS, figure_findings
from workbench.reading.cells import finish_numeric
from workbench.reading.importer import read_table
from workbench.table import Finding, empty_review

ROWS = 200_000


def _peak_bytes(call: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_empty_review_frame_costs_one_column_not_one_per_field() -> None:
    index = pd.Index(np.arange(2, ROWS + 2), name="row")
    review, peak = _peak_bytes(lambda: empty_review(index))
    assert peak < ROWS * 8 * 2  # was ROWS * 8 * 8: a None-filled object cell per field
    assert list(review.columns) == list(REVIEW_FIELD_NAMES)
    assert all(review[name].dtype == object for name in REVIEW_FIELD_NAMES)
    assert review.isna().all().all() and review.index is index


def test_writing_one_review_field_leaves_the_others_empty() -> None:
    review = empty_review(pd.Index([2, 3, 4], name="row"))
    review.iloc[[0, 2], review.columns.get_loc("decision")] = np.array(["keep", "drop"], dtype=object)
    review.loc[3, "comment"] = "ny"
    review.iat[1, review.columns.get_loc("usage")] = "3"
    assert review["decision"].tolist() == ["keep", None, "drop"]
    assert review["comment"].tolist() == [None, "ny", None]
    assert review["usage"].tolist() == [None, "3", None]
    others = [name for name in REVIEW_FIELD_NAMES if name not in ("decision", "comment", "usage")]
    assert review[others].isna().all().all()
    assert empty_review(pd.Index([2, 3, 4])).isna().all().all()  # a new frame is not the old one


def test_a_csv_table_takes_review_edits_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    lines = ["Artikelnummer;Benämning;Pris;Antal;Belopp"]
    lines += [f"{n:05d};Mugg {n};12,50;{n};{12.5 * n:.2f}".replace(".", ",") for n in range(1, 6)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    table = read_table(path)
    table.review.iloc[[1], table.review.columns.get_loc("decision")] = np.array(["keep"], dtype=object)
    assert table.review["decision"].tolist() == [None, "keep", None, None, None]
    assert table.review.drop(columns="decision").isna().all().all()


def test_a_float_column_is_kept_without_a_copy() -> None:
    prices = pd.Series(np.linspace(0.5, 999.5, ROWS))
    result, peak = _peak_bytes(lambda: finish_numeric(prices))
    assert peak < ROWS  # was two float copies: 16 bytes a row
    pd.testing.assert_series_equal(result, prices)
    whole = finish_numeric(pd.Series([1.0, np.nan, 3.0]))
    assert str(whole.dtype) == "Int64" and whole.tolist() == [1, pd.NA, 3]


def _figures(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    quantity = pd.Series(rng.integers(-3, 500, rows), dtype="Int64")
    quantity[rng.random(rows) < 0.05] = pd.NA
    price = rng.integers(50, 99_999, rows) / 100
    price[rng.random(rows) < 0.05] = np.nan
    price[rng.random(rows) < 0.001] = np.inf
    spend = np.round(price * quantity.to_numpy(dtype="float64", na_value=np.nan), 2)
    spend += np.where(rng.random(rows) < 0.1, rng.normal(0, 40, rows), 0.0)
    spend[rng.random(rows) < 0.05] = np.nan
    return pd.DataFrame({"Antal": quantity, "Pris": price, "Belopp": pd.Series(spend, dtype="Float64")})


def _whole_column_findings(data: pd.DataFrame, columns: dict[str, str]) -> list[Finding]:
    """The figure checks as first written, on whole float copies of the columns."""
    def numbers(name: str) -> pd.Series:
        column = data[columns[name]]
        if column.dtype == object:
            column = pd.to_numeric(column, errors="coerce")
        return column.astype("float64")

    findings = []
    quantity, price, spend = numbers("quantity"), numbers("price"), numbers("spend")
    if negative := int((quantity < 0).sum()):
        findings.append(Finding("negative_quantity", {"count": negative, "header": columns["quantity"]}))
    expected = price * quantity
    tolerance = np.maximum(1.0, spend.abs() * 0.01)
    with np.errstate(all="ignore"):
        off = ((spend - expected).abs() > tolerance) & spend.notna() & expected.notna()
    if count := int(off.sum()):
        findings.append(Finding("spend_mismatch", {"count": count, "header": columns["spend"]}))
    return findings


@pytest.mark.parametrize("rows", [0, 1, _FIGURE_ROWS, 3 * _FIGURE_ROWS + 17])
@pytest.mark.parametrize("seed", [1, 2])
def test_figure_findings_count_what_whole_columns_count(rows: int, seed: int) -> None:
    data = _figures(rows, seed)
    columns = {"quantity": "Antal", "price": "Pris", "spend": "Belopp"}
    assert figure_findings(data, columns) == _whole_column_findings(data, columns)
    as_text = data.astype(object).where(data.notna(), None)  # figures that came as cells of any kind
    assert figure_findings(as_text, columns) == _whole_column_findings(as_text, columns)
    plain = data.astype("float64")
    assert figure_findings(plain, columns) == _whole_column_findings(plain, columns)
    if rows > 1:
        assert figure_findings(data, columns)  # the data holds both kinds of finding


def test_figure_findings_allocate_no_copy_of_a_column() -> None:
    data = _figures(ROWS, 3)
    columns = {"quantity": "Antal", "price": "Pris", "spend": "Belopp"}
    findings, peak = _peak_bytes(lambda: figure_findings(data, columns))
    assert [f.code for f in findings] == ["negative_quantity", "spend_mismatch"]
    assert peak < ROWS * 2  # was several float copies: 8 bytes a row each
