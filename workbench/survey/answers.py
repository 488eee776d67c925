"""The joint workbook's ``Enkätsvar`` sheet read back, and the answers aggregated per article
("Dagligen 5 · Sällan 1") for the columns beside the review columns of ``Sortiment``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.assortment.joint_reader import JointState
from workbench.assortment.layout import headers
from workbench.survey.layout import FormNames, all_names, form_names
from workbench.vocabularies import vocabularies

__all__ = ["AnswerRow", "AnswerSheet", "aggregate", "answer_headers", "read_answer_sheet"]


@dataclass
class AnswerRow:
    """One row of ``Enkätsvar`` (values as in the sheet: labels, or text outside the lists as written)."""

    unit: str
    key: str | None
    usage: str | None
    future_need: str | None
    comment: str | None
    file: str | None
    collected: Any
    name: str | None = None
    volume: Any = None

    def values(self) -> list[Any]:
        return [self.unit, self.key, self.usage, self.future_need, self.comment, self.file, self.collected,
                self.name, self.volume]

    def same_answer(self, other: AnswerRow) -> bool:
        """Equal but for when it was collected."""
        return [_norm(v) for v in self.values()[:6] + self.values()[7:]] == \
            [_norm(v) for v in other.values()[:6] + other.values()[7:]]


def _norm(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


@dataclass
class AnswerSheet:
    """``Enkätsvar`` as read: its name, header columns, rows with their sheet row, the last row."""

    name: str
    names: FormNames
    columns: dict[str, int]  # header -> 0-based column
    rows: list[tuple[int, AnswerRow]]
    last_row: int
    exists: bool

    def free_rows(self) -> list[int]:
        used = {row for row, _ in self.rows}
        return [r for r in range(2, self.last_row + 1) if r not in used]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float):
        if value != value:
            return None
        return int(value) if value.is_integer() else value
    return value


def _as_text(value: Any) -> str | None:
    value = _clean(value)
    return None if value is None else str(value)


def answer_headers(lang: str) -> list[str]:
    """The ``Enkätsvar`` header row in ``lang``."""
    joint = headers(lang)
    return form_names(lang).answer_headers(joint.review, joint.article_id)


def read_answer_sheet(state: JointState) -> AnswerSheet:
    """The workbook's ``Enkätsvar`` (either language's name and headers); an empty one when it has none."""
    from workbench.reading.importer import list_sheets, read_sheet_rows

    names = form_names(state.names.lang)
    sheets = list_sheets(state.path)
    folded = {s.casefold(): s for s in sheets}
    name = next((folded[n.answers_sheet.casefold()] for n in all_names() if n.answers_sheet.casefold() in folded),
                None)
    if name is None:
        return AnswerSheet(names.answers_sheet, names, {}, [], 1, False)
    raw = read_sheet_rows(state.path, [name])[name]
    header = raw[0] if raw else []
    columns: dict[str, int] = {}
    for column, value in enumerate(header):
        if isinstance(value, str) and value.strip() and value.strip() not in columns:
            columns[value.strip()] = column
    candidates = [answer_headers(lang) for lang in ("sv", "en")]
    places = [next((columns[c[i]] for c in candidates if c[i] in columns), None) for i in range(len(candidates[0]))]
    rows: list[tuple[int, AnswerRow]] = []
    last = 1
    for index, values in enumerate(raw[1:], start=2):
        if not any(_clean(v) is not None for v in values):
            continue
        last = index

        def get(i: int, values: Sequence[Any] = values) -> Any:
            column = places[i]
            return _clean(values[column]) if column is not None and column < len(values) else None

        unit = _as_text(get(0))
        if unit is None:
            continue
        rows.append((index, AnswerRow(unit, _as_text(get(1)), _as_text(get(2)), _as_text(get(3)), _as_text(get(4)),
                                      _as_text(get(5)), get(6), _as_text(get(7)), get(8))))
    return AnswerSheet(name, names, dict(columns), rows, last, True)


def _counts(values: Iterable[str | None], vocabulary: str, lang: str) -> str | None:
    vocab = vocabularies()[vocabulary]
    by_code: dict[str, int] = {}
    outside: dict[str, int] = {}
    for value in values:
        if value is None:
            continue
        code = vocab.code_for(value)
        if code is None:
            outside[value] = outside.get(value, 0) + 1
        else:
            by_code[code] = by_code.get(code, 0) + 1
    parts = [f"{vocab.label(code, lang)} {by_code[code]}" for code in vocab.codes if code in by_code]
    parts += [f"\u201d{value}\u201d {count}" for value, count in sorted(outside.items(), key=lambda i: (-i[1], i[0]))]
    return " · ".join(parts) or None


def survivor(state: JointState, key: str) -> str:
    """The article an answer counts for: a linked article's survivor."""
    from workbench.assortment.layout import survivor as linked_into

    def merged_into(id_: str) -> str | None:
        article = state.articles.get(id_)
        return str(article.merged_into) if article is not None and article.merged_into else None

    return linked_into(key, merged_into)


def aggregate(state: JointState, rows: Sequence[AnswerRow]) -> dict[str, tuple[str | None, str | None]]:
    """Per article ID: the units' usage and future need counted ("Dagligen 5 · Sällan 1"), or ``None``."""
    lang = state.names.lang
    usage: dict[str, list[str | None]] = {}
    future: dict[str, list[str | None]] = {}
    for row in rows:
        if row.key is None:
            continue
        key = survivor(state, row.key)
        if key not in state.articles:
            continue
        usage.setdefault(key, []).append(row.usage)
        future.setdefault(key, []).append(row.future_need)
    return {key: (_counts(usage.get(key, ()), "usage", lang), _counts(future.get(key, ()), "future_need", lang))
            for key in state.articles}


def collected_time(now: dt.datetime | None = None) -> dt.datetime:
    return (now or dt.datetime.now()).replace(microsecond=0)


def units_answered(rows: Iterable[AnswerRow]) -> list[str]:
    seen: dict[str, str] = {}
    for row in rows:
        seen.setdefault(row.unit.casefold(), row.unit)
    return list(seen.values())


def unit_rows(sheet: AnswerSheet) -> Mapping[str, list[tuple[int, AnswerRow]]]:
    found: dict[str, list[tuple[int, AnswerRow]]] = {}
    for row, answer in sheet.rows:
        found.setdefault(answer.unit.casefold(), []).append((row, answer))
    return found


def file_name(path: Path) -> str:
    return path.name
