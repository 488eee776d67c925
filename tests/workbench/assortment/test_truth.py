"""The matching on generated lists with a known truth: eight municipalities' lists of ~500 articles from
one catalogue, each list with its own spellings and gaps (see ``_lists``)."""

from collections import Counter

import pytest
from _lists import generate

from workbench.assortment.matching import FindingCode, MatchRule, match_rows


def _pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def pairwise(groups: list[int], truth: list[int]) -> tuple[float, float]:
    """Precision and recall of "same article ⇒ same group" over all pairs of rows."""
    together = _pairs(Counter(zip(groups, truth, strict=True)))
    predicted, actual = _pairs(Counter(groups)), _pairs(Counter(truth))
    return together / predicted, together / actual


@pytest.mark.parametrize("seed", [15, 16, 17])
def test_generated_lists_match_their_truth(seed: int) -> None:
    lists = generate(seed)
    result = match_rows(lists.rows)
    precision, recall = pairwise(result.groups, lists.truth)
    assert precision >= 0.99, precision
    assert recall >= 0.97, recall
    articles_per_group: dict[int, set[int]] = {}
    for group, article in zip(result.groups, lists.truth, strict=True):
        articles_per_group.setdefault(group, set()).add(article)
    joined = {group: ids for group, ids in articles_per_group.items() if len(ids) > 1}
    assert joined == {}, "different catalogue articles joined"
    counts = result.rule_counts()
    assert min(counts[MatchRule.GTIN], counts[MatchRule.LEV_ARTNR], counts[MatchRule.NAMN]) > 0, counts


def test_generated_findings_name_the_rows_they_are_about() -> None:
    lists = generate(15)
    result = match_rows(lists.rows)
    invalid = {row for finding in result.findings_of(FindingCode.INVALID_GTIN) for row in finding.rows}
    assert invalid, "the generator mistypes about one GTIN in a hundred"
    assert all(result.gtins[row] is None for row in invalid)
    for finding in result.findings_of(FindingCode.DUPLICATE_IN_LIST):
        assert len({lists.rows[row].list_id for row in finding.rows}) == 1
        assert len({lists.truth[row] for row in finding.rows}) == 1
    duplicated = sum(len(f.rows) - 1 for f in result.findings_of(FindingCode.DUPLICATE_IN_LIST))
    real = sum(n - 1 for n in Counter(zip((r.list_id for r in lists.rows), lists.truth, strict=True)).values())
    assert duplicated == real
    for finding in result.findings_of(FindingCode.GTIN_CONFLICT):
        # a refused join names rows of really different articles (a name without its pack size here)
        assert len({lists.truth[row] for row in finding.rows}) > 1
        assert len({result.gtins[row] for row in finding.rows} - {None}) > 1
