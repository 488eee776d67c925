"""The heavy step of the follow-up behind ONE function, :func:`follow_up_lines` (DESIGN "Beyond one
machine"): the purchase lines loaded, matched to the joint articles and summed, all in an embedded DuckDB
(out of core, parallel). Scaling out replaces this module's engine, not its callers.

Matching: a line's values are normalised by the merge's own Python functions, but only the *distinct*
values (a few thousand GTINs, supplier and article numbers even among ten million lines), so the rules are
the merge's exactly and the per-line work is joins in SQL. In order, the first rule that holds wins:
``gtin`` (a valid GTIN equal as GTIN-14), ``lev_artnr`` (supplier + supplier article no), ``egen_nyckel``
(the municipality's own article key in ``Källrader``, or the joint ID itself), ``namn`` (supplier + name;
the lines' unit and pack size are not compared, a documented approximation). As in the merge, a line whose
valid GTIN differs from the article's is never matched by supplier + number or name."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.followup.files import PurchaseFile
from workbench.followup.joint import JointKeys, fold_municipality, own_key_text

__all__ = ["PRICE_TOLERANCE", "EngineResult", "follow_up_lines"]

PRICE_TOLERANCE = 0.02
"""A paid unit price deviates when it differs from the agreed one by more than this share (and 1 öre)."""
OUTSIDE_LISTED = 50


@dataclass
class EngineResult:
    """The sums the engine returns; :mod:`.report` turns them into the figures."""

    lines: int = 0
    spend: float = 0.0
    spend_inside: float = 0.0
    unmatched_lines: int = 0
    outside_spend: float = 0.0
    undated_lines: int = 0
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    matched_by: dict[str, int] = field(default_factory=dict)
    by_municipality: dict[str, tuple[float, float, int]] = field(default_factory=dict)  # spend, inside, lines
    by_month: dict[str, tuple[float, float, int]] = field(default_factory=dict)
    by_org_unit: dict[tuple[str, str], tuple[float, float, int]] = field(default_factory=dict)
    by_article: dict[str, tuple[float, float, int]] = field(default_factory=dict)  # ID -> spend, quantity, lines
    article_municipalities: dict[str, list[str]] = field(default_factory=dict)  # removed articles: who bought
    outside: list[dict[str, Any]] = field(default_factory=list)  # the largest outside purchases
    price_deviations: dict[str, tuple[float, float, int]] = field(default_factory=dict)  # ID -> spend, qty, lines


def _table(con: Any, name: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    """A small table of Python rows (the maps, the articles), typed explicitly so an empty one joins too."""
    import pandas as pd

    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
    if rows:
        names = [c.split()[0] for c in columns.split(",")]
        con.register("_rows", pd.DataFrame(rows, columns=names, dtype=object))
        try:
            con.execute(f"INSERT INTO {name} SELECT * FROM _rows")
        finally:
            con.unregister("_rows")


def _register_maps(con: Any, keys: JointKeys) -> None:
    """The distinct values of the lines, normalised in Python and looked up in the joint keys, as tables."""
    from workbench.assortment import normalise_article_name, normalise_article_no, normalise_gtin, normalise_supplier

    gtins = []
    for (value,) in con.execute("SELECT DISTINCT gtin FROM lines WHERE gtin IS NOT NULL").fetchall():
        gtin14 = normalise_gtin(value).gtin
        if gtin14 is not None:
            gtins.append((value, gtin14, keys.gtin.get(gtin14)))
    _table(con, "gtin_map", "gtin VARCHAR, gtin14 VARCHAR, id VARCHAR", gtins)

    suppliers: dict[str, str | None] = {}

    def supplier_of(value: str) -> str | None:
        if value not in suppliers:
            suppliers[value] = normalise_supplier(value)
        return suppliers[value]

    numbers = []
    for supplier, number in con.execute("SELECT DISTINCT supplier, supplier_article_no FROM lines "
                                        "WHERE supplier IS NOT NULL AND supplier_article_no IS NOT NULL").fetchall():
        found = keys.article_no.get((supplier_of(supplier) or "", normalise_article_no(number) or ""))
        if found is not None:
            numbers.append((supplier, number, found, keys.article_gtin.get(found)))
    _table(con, "number_map", "supplier VARCHAR, supplier_article_no VARCHAR, id VARCHAR, gtin14 VARCHAR", numbers)

    own = []
    for municipality, key in con.execute("SELECT DISTINCT municipality, key FROM lines "
                                         "WHERE key IS NOT NULL").fetchall():
        text = own_key_text(key)
        found = keys.own_key.get((fold_municipality(municipality), text or ""))
        if found is None and text is not None and key.strip() in keys.articles:
            found = key.strip()  # the line names the joint article itself (G00042)
        if found is not None:
            own.append((municipality, key, found))
    _table(con, "own_map", "municipality VARCHAR, key VARCHAR, id VARCHAR", own)

    named = []
    for supplier, name in con.execute("SELECT DISTINCT supplier, name FROM lines "
                                      "WHERE supplier IS NOT NULL AND name IS NOT NULL").fetchall():
        found = keys.name.get((supplier_of(supplier) or "", normalise_article_name(name) or ""))
        if found is not None:
            named.append((supplier, name, found, keys.article_gtin.get(found)))
    _table(con, "name_map", "supplier VARCHAR, name VARCHAR, id VARCHAR, gtin14 VARCHAR", named)

    articles = [(a.id, a.inside, a.agreed_price) for a in keys.articles.values()]
    _table(con, "articles", "id VARCHAR, inside BOOLEAN, agreed_price DOUBLE", articles)


_RULE = """CASE WHEN g.id IS NOT NULL THEN {gtin}
     WHEN n.id IS NOT NULL AND (g.gtin14 IS NULL OR n.gtin14 IS NULL OR n.gtin14 = g.gtin14) THEN {number}
     WHEN o.id IS NOT NULL THEN {own}
     WHEN nm.id IS NOT NULL AND (g.gtin14 IS NULL OR nm.gtin14 IS NULL OR nm.gtin14 = g.gtin14) THEN {name}
END"""
_MATCH = """
CREATE TABLE matched AS
SELECT x.month, x.first_day, x.last_day, x.municipality, x.org_unit, x.paid, x.amount, x.quantity, x.n, x.id, x.rule,
       coalesce(a.inside, false) AS inside, a.agreed_price,
       CASE WHEN x.id IS NULL THEN x.supplier END AS supplier,
       CASE WHEN x.id IS NULL THEN x.supplier_article_no END AS supplier_article_no,
       CASE WHEN x.id IS NULL THEN x.gtin END AS gtin,
       CASE WHEN x.id IS NULL THEN x.name END AS name
FROM (
    SELECT l.*, {id} AS id, {rule} AS rule
    FROM lines AS l
    LEFT JOIN gtin_map AS g ON l.gtin = g.gtin
    LEFT JOIN number_map AS n ON l.supplier = n.supplier AND l.supplier_article_no = n.supplier_article_no
    LEFT JOIN own_map AS o ON l.municipality IS NOT DISTINCT FROM o.municipality AND l.key = o.key
    LEFT JOIN name_map AS nm ON l.supplier = nm.supplier AND l.name = nm.name
    {where}
) AS x
LEFT JOIN articles AS a ON x.id = a.id
"""


def _sums(con: Any, group: str, where: str = "TRUE") -> list[tuple[Any, ...]]:
    return list(con.execute(
        f"SELECT {group}, coalesce(sum(amount), 0), coalesce(sum(amount) FILTER (WHERE inside), 0), sum(n) "
        f"FROM matched WHERE {where} GROUP BY ALL").fetchall())


def follow_up_lines(files: Sequence[PurchaseFile], keys: JointKeys, *, date_from: dt.date | None = None,
                    date_to: dt.date | None = None, removed: Sequence[str] = (),
                    on_file: Callable[[int, PurchaseFile], None] | None = None,
                    on_progress: Callable[[int, int], None] | None = None,
                    on_loaded: Callable[[int, int], None] | None = None,
                    memory_limit_mb: int = 1200, threads: int | None = None) -> EngineResult:
    """Load ``files``, match their lines to ``keys``'s articles and sum them (see the module's note).
    ``removed``: the IDs whose buyers are listed. ``on_file(i, file)`` is called before each file;
    ``on_progress(done, total)``: bytes of all the files read so far and in all, after each part of a file
    (about 64 MB of a re-encoded csv; a UTF-8 csv or an xlsx when it is done); ``on_loaded(i, lines)`` after
    each file with the lines loaded so far (the app's lines per second). Any may raise to stop."""
    import duckdb

    from workbench.followup.load import CREATE_LINES, insert_file, period_sql

    with tempfile.TemporaryDirectory(prefix="followup-") as folder:
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": f"{memory_limit_mb}MB", "temp_directory": str(Path(folder) / "spill"),
            "preserve_insertion_order": False,
            # offline laptops: nothing the follow-up needs is an extension, and nothing may be fetched
            "autoinstall_known_extensions": False, "autoload_known_extensions": False}
        if threads:
            config["threads"] = threads
        con = duckdb.connect(":memory:", config=config)
        try:
            con.execute(CREATE_LINES)
            total = sum(file.path.stat().st_size for file in files)
            before = 0
            for number, file in enumerate(files):
                if on_file is not None:
                    on_file(number, file)

                def on_bytes(done: int, before: int = before) -> None:
                    if on_progress is not None:
                        on_progress(before + done, total)

                insert_file(con, file, number, Path(folder), period_sql(date_from, date_to), on_bytes)
                before += file.path.stat().st_size
                if on_loaded is not None:  # the lines are summed as read: n counts them
                    (loaded,) = con.execute("SELECT coalesce(sum(n), 0) FROM lines").fetchone() or (0,)
                    on_loaded(number, int(loaded))
            return _figures(con, keys, date_from, date_to, removed)
        finally:
            con.close()


def _add(sums: dict[Any, tuple[float, float, int]], key: Any, spend: float, inside: float, lines: int) -> None:
    # values spelt with spaces around them are one municipality or unit (the engine left them as read)
    held = sums.get(key, (0.0, 0.0, 0))
    sums[key] = (held[0] + spend, held[1] + inside, held[2] + int(lines))


def _figures(con: Any, keys: JointKeys, date_from: dt.date | None, date_to: dt.date | None,
             removed: Sequence[str]) -> EngineResult:
    result = EngineResult()
    filtered = date_from is not None or date_to is not None
    (result.undated_lines,) = con.execute("SELECT coalesce(sum(n), 0) FROM lines WHERE month IS NULL").fetchone()
    _register_maps(con, keys)
    matched_id = _RULE.format(gtin="g.id", number="n.id", own="o.id", name="nm.id")
    rule = _RULE.format(gtin="'gtin'", number="'lev_artnr'", own="'egen_nyckel'", name="'namn'")
    # the period was applied as the lines were read; a line without a date is outside any period given
    con.execute(_MATCH.format(id=matched_id, rule=rule, where="WHERE l.month IS NOT NULL" if filtered else ""))

    row = con.execute("SELECT coalesce(sum(n), 0), coalesce(sum(amount), 0), "
                      "coalesce(sum(amount) FILTER (WHERE inside), 0), coalesce(sum(n) FILTER (WHERE id IS NULL), 0), "
                      "coalesce(sum(amount) FILTER (WHERE id IS NULL), 0), min(first_day), max(last_day) "
                      "FROM matched").fetchone()
    (result.lines, result.spend, result.spend_inside, result.unmatched_lines, result.outside_spend,
     result.first_day, result.last_day) = row
    result.matched_by = {r: int(c) for r, c in con.execute(
        "SELECT rule, sum(n) FROM matched WHERE rule IS NOT NULL GROUP BY rule").fetchall()}
    for m, s, i, n in _sums(con, "municipality"):
        _add(result.by_municipality, (m or "").strip(), s, i, n)
    for m, s, i, n in _sums(con, "strftime(month, '%Y-%m')", "month IS NOT NULL"):
        _add(result.by_month, m, s, i, n)
    for m, o, s, i, n in _sums(con, "municipality, org_unit", "org_unit IS NOT NULL"):
        if o.strip():
            _add(result.by_org_unit, ((m or "").strip(), o.strip()), s, i, n)
    result.by_article = {i: (s, q, int(n)) for i, s, q, n in con.execute(
        "SELECT id, coalesce(sum(amount), 0), coalesce(sum(quantity), 0), sum(n) FROM matched "
        "WHERE id IS NOT NULL GROUP BY id").fetchall()}
    if removed:
        _table(con, "removed_ids", "id VARCHAR", [(r,) for r in removed])
        for article, municipalities in con.execute(
                "SELECT id, list(DISTINCT municipality ORDER BY municipality) FROM matched "
                "WHERE id IN (SELECT id FROM removed_ids) GROUP BY id").fetchall():
            result.article_municipalities[article] = sorted({m.strip() for m in municipalities if m is not None})
    result.outside = [
        {"supplier": s, "supplier_article_no": a, "gtin": g, "name": name, "spend": spend, "quantity": q,
         "lines": int(c)}
        for s, a, g, name, spend, q, c in con.execute(
            "SELECT supplier, supplier_article_no, gtin, name, sum(amount) AS spend, sum(quantity), sum(n) "
            f"FROM matched WHERE id IS NULL GROUP BY ALL ORDER BY spend DESC NULLS LAST LIMIT {OUTSIDE_LISTED}"
        ).fetchall()]
    result.price_deviations = {i: (s, q, int(n)) for i, s, q, n in con.execute(
        "SELECT id, sum(amount), sum(quantity), sum(n) FROM matched WHERE agreed_price > 0 AND paid IS NOT NULL "
        f"AND abs(paid - agreed_price) > greatest(0.01, agreed_price * {PRICE_TOLERANCE}) GROUP BY id").fetchall()}
    return result
