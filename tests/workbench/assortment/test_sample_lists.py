"""The matching on the bundled sample: the eight Södertörn municipalities' own lists
(``resources/sample/kommuner``, written by ``tools/make_sample.py``), each read with the importer in its
own format, against the truth of which rows are the same article."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest

from workbench.assortment.matching import FindingCode, MatchResult, MatchRule, SourceRow, match_rows
from workbench.reading import read_table
from workbench.table import SourceTable

LISTS = Path(__file__).resolve().parents[3] / "resources" / "sample" / "kommuner"
_FIELDS = ("gtin", "supplier", "supplier_article_no", "name", "unit", "pack_size")


def _values(table: SourceTable, field: str) -> list[object]:
    header = table.columns.get(field)
    if header is None:
        return [None] * table.row_count
    series = table.data[header]
    return [None if missing else value
            for value, missing in zip(series.astype(object).tolist(), series.isna().tolist(), strict=True)]


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def source_rows(table: SourceTable, municipality: str) -> list[SourceRow]:
    """The table's article rows as the merge sees them, by the importer's column mapping."""
    values = {field: _values(table, field) for field in (*_FIELDS, "key", "quantity", "spend")}
    return [
        SourceRow(municipality=municipality, file=table.path.name, sheet_row=int(row),
                  source_key=None if values["key"][i] is None else str(values["key"][i]),
                  **{field: values[field][i] for field in _FIELDS},
                  quantity=_number(values["quantity"][i]), spend=_number(values["spend"][i]))
        for i, row in enumerate(table.data.index.tolist())
    ]


def _pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def pairwise(groups: list[int], truth: list[str]) -> tuple[float, float]:
    """Precision and recall of "same article ⇒ same group" over all pairs of rows."""
    together = _pairs(Counter(zip(groups, truth, strict=True)))
    return together / _pairs(Counter(groups)), together / _pairs(Counter(truth))


@pytest.fixture(scope="module")
def matched() -> tuple[list[SourceRow], list[str], MatchResult]:
    truth: dict[str, dict[int, str]] = defaultdict(dict)
    with open(LISTS / "truth.csv", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            truth[record["file"]][int(record["row"])] = record["article"]
    assert len(truth) == 8
    rows: list[SourceRow] = []
    articles: list[str] = []
    for name in sorted(truth):
        table = read_table(LISTS / name)
        assert table.data.index.tolist() == sorted(truth[name]), name
        rows.extend(source_rows(table, Path(name).stem))
        articles.extend(truth[name][row] for row in table.data.index.tolist())
    return rows, articles, match_rows(rows)


def test_sample_lists_match_their_truth(matched: tuple[list[SourceRow], list[str], MatchResult]) -> None:
    _, articles, result = matched
    precision, recall = pairwise(result.groups, articles)
    assert precision >= 0.99, precision
    assert recall >= 0.97, recall
    assert recall < 1.0, "the sample keeps a handful of rows no rule can match (hard cases)"
    counts = result.rule_counts()
    assert min(counts[MatchRule.GTIN], counts[MatchRule.LEV_ARTNR], counts[MatchRule.NAMN]) > 0, counts
    assert result.group_count == pytest.approx(len(set(articles)), rel=0.03)


def test_sample_lists_findings(matched: tuple[list[SourceRow], list[str], MatchResult]) -> None:
    rows, articles, result = matched
    invalid = {row for finding in result.findings_of(FindingCode.INVALID_GTIN) for row in finding.rows}
    assert len(invalid) >= 8
    assert len({rows[row].file for row in invalid}) >= 4
    for finding in result.findings_of(FindingCode.DUPLICATE_IN_LIST):
        assert len({rows[row].list_id for row in finding.rows}) == 1
        assert len({articles[row] for row in finding.rows}) == 1
    assert result.findings_of(FindingCode.NO_IDENTIFIER)
    assert not result.findings_of(FindingCode.GTIN_CONFLICT)


def test_gtins_stored_as_numbers_are_recovered(matched: tuple[list[SourceRow], list[str], MatchResult]) -> None:
    rows, _, result = matched
    # Södertälje and Nykvarn keep GTINs as Excel numbers: a GTIN-12 is read as 11 digits
    short = [i for i, row in enumerate(rows) if isinstance(row.gtin, str) and len(row.gtin) == 11]
    assert short and {rows[i].file for i in short} == {"Nykvarn.ods", "Södertälje.xlsx"}
    recovered = [i for i in short if result.gtins[i] is not None]
    assert len(recovered) >= len(short) - 2  # a mistyped check digit stays a finding
    assert all(result.gtins[i] == "000" + rows[i].gtin for i in recovered)  # type: ignore[operator]
    # and join the lists that show the same GTIN-12 as text with its zero ("038399780623", GTIN-14 in Salem)
    texts = {result.gtins[i] for i, row in enumerate(rows) if isinstance(row.gtin, str) and len(row.gtin) in (12, 14)}
    joined = [i for i in recovered if result.gtins[i] in texts and result.rules[i] is MatchRule.GTIN]
    assert len(joined) * 10 >= len(recovered) * 7, (len(joined), len(recovered))
    assert pd.Series([rows[i].municipality for i in joined]).nunique() == 2
