"""Reading and checking a decisions csv (``workbench apply --decisions D.csv``) (private to apply)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbench.errors import FileMissingError, InvalidDecisionsError, NoKeyColumnError, UnsupportedFormatError
from workbench.fields import REVIEW_FIELD_NAMES, REVIEW_FIELDS
from workbench.fields import field as field_info
from workbench.messages import Problem, problem, unknown_keys_problem
from workbench.review.values import BadValue, normalise
from workbench.table import SourceTable
from workbench.vocabularies import fold, vocabularies

Decisions = dict[str, dict[str, Any]]
"""key -> {field: value}; ``None`` clears the field."""

_FIELD_NAMES: dict[str, str] = {}
for _f in REVIEW_FIELDS:
    for _word in (_f.name, _f.label_sv, _f.label_en):
        _FIELD_NAMES.setdefault(fold(_word), _f.name)


def field_for_header(header: str) -> str | None:
    """The review field a decisions-file header names (field name or label in either language)."""
    return _FIELD_NAMES.get(fold(header))


def read_decisions_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and ``(line number, values)`` rows of a decisions csv.

    Encoding and delimiter are sniffed as for a source csv (UTF-8 with or without BOM, UTF-16,
    Windows-1252 as Swedish Excel saves; ``,`` ``;`` tab or ``|``), and records are split by the
    splitter the importer and the csv writer share.
    """
    from workbench.errors import CorruptFileError
    from workbench.reading import SAMPLE_BYTES, sniff_text
    from workbench.reading.csv_records import parse_rows

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileMissingError(path) from None
    if not data.strip():
        raise InvalidDecisionsError(path, problems=[problem("decisions_empty")])
    sample = sniff_text(Path(path), data[:SAMPLE_BYTES])
    if sample.html:
        raise UnsupportedFormatError(path, detail=problem("decisions_html"))
    encoding = sample.dialect.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # UTF-8 in the sample, not further on: Windows-1252, as the importer
        encoding = "cp1252" if encoding.startswith("utf-8") else "latin-1"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UnsupportedFormatError(path, detail=problem("undecodable_text")) from error
    del data
    try:
        rows = parse_rows(text.lstrip("\ufeff"), sample.dialect.delimiter, sample.dialect.quotechar)
    except CorruptFileError as error:
        raise type(error)(path, error.detail, **error.params) from None
    if not rows:
        raise InvalidDecisionsError(path, problems=[problem("decisions_empty")])
    header = [h.strip() for h in rows[0]]
    return header, [(i + 2, r) for i, r in enumerate(rows[1:]) if any(v.strip() for v in r)]


def check_value(table: SourceTable, field: str, value: Any, keys: set[str]) -> tuple[Any, Problem | None]:
    """``(stored value, problem)`` for one decision: codes for vocabulary fields, text otherwise."""
    try:
        stored = normalise(field, value)
    except BadValue as error:
        if error.reason == "not_a_date":
            return None, _value_problem("decision_not_a_date", field, value)
        vocab = vocabularies().get(field)
        return None, _value_problem("decision_unknown_value", field, value,
                                    allowed_sv=", ".join(vocab.labels("sv")) if vocab else "",
                                    allowed_en=", ".join(vocab.labels("en")) if vocab else "")
    if field == "replaced_by" and stored is not None and stored not in keys:
        return None, _value_problem("decision_unknown_replacement", field, stored)
    return stored, None


def _value_problem(code: str, field: str, value: Any, **params: Any) -> Problem:
    """A problem with one value of ``field``, the field named by its label in either language."""
    info = field_info(field)
    return problem(code, field_sv=info.label("sv"), field_en=info.label("en"), value=str(value), **params)


def check_decisions(table: SourceTable, decisions: Mapping[str, Mapping[str, Any]],
                    source: Path | None = None) -> Decisions:
    """Every decision checked against the vocabularies and the file's keys; all problems raised at once
    as :class:`InvalidDecisionsError` (``params["problems"]``); a table without a key column raises
    :class:`NoKeyColumnError`."""
    if table.key_column is None:
        raise NoKeyColumnError(table.path, header_row=table.header_row)
    keys = {str(k) for k in table.keys.dropna()}
    problems: list[Problem] = []
    checked: Decisions = {}
    vocabs = vocabularies()
    memo: dict[tuple[str, str], tuple[Any, Problem | None]] = {}
    unknown_keys: list[str] = []
    for key, values in decisions.items():
        key_text = str(key).strip()
        if key_text not in keys:
            unknown_keys.append(key_text)
            continue
        row: dict[str, Any] = {}
        for name, value in values.items():
            if name not in REVIEW_FIELD_NAMES:
                problems.append(problem("decision_for_key", key=key_text,
                                        problem=problem("decision_unknown_field", name=name)))
                continue
            if name in vocabs and isinstance(value, str):  # few distinct values: check each once
                known = memo.get((name, value))
                if known is None:
                    known = memo[(name, value)] = check_value(table, name, value, keys)
                stored, problem_found = known
            else:
                stored, problem_found = check_value(table, name, value, keys)
            if problem_found:
                problems.append(problem("decision_for_key", key=key_text, problem=problem_found))
            row[name] = stored
        checked[key_text] = row
    if unknown_keys:  # one line, however many: a count and the first few
        problems.insert(0, unknown_keys_problem(unknown_keys))
    if problems:
        raise InvalidDecisionsError(source or table.path, problems=problems)
    return checked


RawDecisions = tuple[dict[str, dict[str, Any]], list[Problem]]
"""Decisions as read from a csv, before checking against a table: key -> {field: text}, and problems."""


def read_raw_decisions(path: Path) -> RawDecisions:
    """The decisions in a csv file by key, not yet checked against a table, and the problems found
    in the file itself (unknown columns, rows without a key, a key twice with other values). Raises
    :class:`InvalidDecisionsError` when there is no key column."""
    header, rows = read_decisions_csv(path)
    problems: list[Problem] = []
    key_at = next((i for i, h in enumerate(header) if fold(h) in ("key", "artikelnummer", "article no")),
                  None)
    if key_at is None:
        raise InvalidDecisionsError(path, problems=[problem("decisions_no_key_column")])
    fields: dict[int, str] = {}
    for i, name in enumerate(header):
        if i == key_at or not name:
            continue
        canonical = field_for_header(name)
        if canonical is None:
            problems.append(problem("decisions_unknown_column", name=name))
        else:
            fields[i] = canonical
    raw: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for line, values in rows:
        key = values[key_at].strip() if key_at < len(values) else ""
        if not key:
            problems.append(problem("decisions_line_without_key", line=str(line)))
            continue
        record = {name: (values[i] if i < len(values) else "") for i, name in fields.items()}
        if key in raw and raw[key] != record:
            problems.append(problem("decisions_key_twice", line=str(line), key=key, other=str(seen[key])))
            continue
        raw[key], seen[key] = record, line
    return raw, problems


def decisions_from_csv(table: SourceTable, path: Path, raw_decisions: RawDecisions | None = None) -> Decisions:
    """The decisions in a csv file, checked (see :func:`check_decisions`); ``raw_decisions`` is the
    file as :func:`read_raw_decisions` read it, when the caller already has it."""
    raw, problems = raw_decisions if raw_decisions is not None else read_raw_decisions(path)
    problems = list(problems)
    try:
        checked = check_decisions(table, raw, path)
    except InvalidDecisionsError as error:
        problems.extend(error.params.get("problems", []))
        checked = {}
    if problems:
        raise InvalidDecisionsError(path, problems=problems)
    return checked
