"""Consolidation of a whole workbook (``workbench clusters``): which articles take part, the clusters with
their status from the review values and the ``Kluster`` log, the figures, and the csv and JSON of
DESIGN's contract.

An article takes part when it is live: not merged into another (``Sammanslagen med``), still listed
(``Kommuner`` above 0, when the workbook counts it), not decided *Ta bort*, and identifiable (a line with
no supplier, supplier article number or GTIN in a list that has suppliers is a free-text purchase, not
a product to keep or replace).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from workbench.consolidation.clusters import (
    SAME_PRODUCT,
    VARIANTS,
    Cluster,
    Item,
    cluster_id,
    find_clusters,
    parse_items,
)
from workbench.consolidation.keeper import choose_keeper
from workbench.consolidation.log import KlusterLog, read_log
from workbench.consolidation.names import NameParser, ParsedName, default_parser
from workbench.messages import current_language, text
from workbench.table import SourceTable

CSV_COLUMNS = ("cluster", "kind", "key", "name", "supplier", "quantity", "spend", "keep", "reason")
"""The columns of ``workbench clusters -o OUT.csv``, in DESIGN's order."""

_FIELDS = ("name", "category", "supplier", "supplier_article_no", "gtin", "unit", "pack_size", "price", "quantity",
           "spend", "material")
_REVIEW = ("env_score", "decision", "replaced_by")


@dataclass(frozen=True)
class ClusterView:
    """A cluster as the report shows it: its members, keeper, status and what accepting it saves."""

    id: str
    kind: str
    keys: tuple[str, ...]
    keep: str
    reason: tuple[str, ...]
    product: str | None
    status: str  # open | accepted | rejected
    category: str
    saves_articles: int
    spend_moved: float
    items: dict[str, Item] = field(repr=False, compare=False, default_factory=dict)

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(k for k in self.keys if k != self.keep)

    def reason_text(self, lang: str | None = None) -> str:
        language = lang or current_language()
        keeper = self.items.get(self.keep)
        parts = []
        for code in self.reason:
            params: dict[str, Any] = {}
            if keeper is not None:
                price = keeper.price_per_piece
                params = {"pieces": round(keeper.pieces), "score": keeper.env_score,
                          "price": _price(price, language) if price is not None else "",
                          "municipalities": keeper.municipalities}
            parts.append(text(f"keeper_{code}", language, **params))
        return text("keeper_reason", language, key=self.keep, reasons=", ".join(parts))

    def product_name(self, lang: str | None = None) -> str:
        return product_name(self.product, lang)


def _price(value: float, lang: str) -> str:
    shown = f"{value:.2f}" if value >= 0.1 else f"{value:.4f}".rstrip("0")
    return shown if lang == "en" else shown.replace(".", ",")


def product_name(product: str | None, lang: str | None = None) -> str:
    """A product kind in words ("Handske"); a head word outside the data as written."""
    if not product:
        return ""
    if product.startswith("~"):
        return product[1:].capitalize()
    kind = default_parser().words.kinds.get(product)
    return kind.name(lang or current_language()) if kind is not None else product


def parsed_summary(parsed: ParsedName, lang: str | None = None) -> str:
    """What the parser read in a name, for a person to check: ``Handske · nitril · M · blå · puderfri``."""
    language = lang or current_language()
    shown = default_parser().words.shown
    index = 1 if language == "en" else 0

    def name(ident: str) -> str:
        return shown[ident][index] if ident in shown else ident

    parts = [product_name(parsed.kind, language)] if parsed.kind else []
    if parsed.material:
        parts.append(name(parsed.material))
    if parsed.size:
        parts.append(parsed.size)
    if parsed.volume_ml is not None:
        parts.append(_amount(parsed.volume_ml, "ml", language))
    if parsed.lengths_mm:
        parts.append("×".join(_amount(v, "", language) for v in parsed.lengths_mm) + " mm")
    if parsed.bare_lengths:
        parts.append("×".join(_amount(v, "", language) for v in parsed.bare_lengths))
    if parsed.thickness_um is not None:
        parts.append(_amount(parsed.thickness_um, "µm", language))
    if parsed.ply is not None:
        parts.append(f"{parsed.ply}-lager" if language != "en" else f"{parsed.ply}-ply")
    if parsed.weight_g is not None:
        parts.append(_amount(parsed.weight_g, "g", language))
    if parsed.paper_format:
        parts.append(parsed.paper_format)
    if parsed.count is not None:
        parts.append(f"{parsed.count} st" if language != "en" else f"{parsed.count} pcs")
    parts += sorted(name(c) for c in parsed.colours)
    parts += list(parsed.numbers)
    parts += list(parsed.words)
    return " · ".join(parts)


def _amount(value: float, unit: str, lang: str) -> str:
    shown = f"{value:g}"
    if lang != "en":
        shown = shown.replace(".", ",")
    return f"{shown} {unit}".strip()


@dataclass
class ClusterReport:
    file: Path | None
    articles: int
    clusters: list[ClusterView]
    items: dict[str, Item]
    pairs_compared: int = 0

    def cluster(self, ident: str) -> ClusterView | None:
        return next((c for c in self.clusters if c.id == ident), None)

    def _same(self, *statuses: str) -> list[ClusterView]:
        return [c for c in self.clusters if c.kind == SAME_PRODUCT and c.status in statuses]

    @property
    def articles_in_clusters(self) -> int:
        return len({k for c in self._same("open", "accepted") for k in c.keys})

    @property
    def articles_if_accepted(self) -> int:
        return self.articles - sum(len(c.keys) - 1 for c in self._same("open", "accepted"))

    @property
    def articles_after_accepted(self) -> int:
        return self.articles - sum(len(c.keys) - 1 for c in self._same("accepted"))

    @property
    def decided(self) -> int:
        return sum(c.status != "open" for c in self.clusters)

    @property
    def open(self) -> int:
        return sum(c.status == "open" for c in self.clusters)

    def moved(self, *statuses: str) -> tuple[float, float]:
        """Spend and quantity that would move to kept articles (of the clusters in ``statuses``)."""
        spend = quantity = 0.0
        for c in self._same(*statuses):
            for key in c.others:
                spend += self.items[key].spend
                quantity += self.items[key].quantity
        return spend, quantity

    def summary(self, lang: str | None = None) -> str:
        language = lang or current_language()
        return text("clusters_summary", language, file=str(self.file or ""), articles=self.articles,
                    same=len(self._same("open", "accepted")), in_clusters=self.articles_in_clusters,
                    variants=sum(c.kind == VARIANTS and c.status != "rejected" for c in self.clusters),
                    if_accepted=self.articles_if_accepted, decided=self.decided, total=len(self.clusters))

    def to_json(self) -> dict[str, Any]:
        """DESIGN's keys exactly, then more (figures and each cluster's detail)."""
        spend_if, quantity_if = self.moved("open", "accepted")
        spend_after, quantity_after = self.moved("accepted")
        return {
            "articles": self.articles,
            "clusters": [{"id": c.id, "kind": c.kind, "keys": list(c.keys), "keep": c.keep,
                          "reason": c.reason_text(), "reason_codes": list(c.reason), "status": c.status,
                          "product": c.product, "category": c.category, "saves_articles": c.saves_articles,
                          "spend_moved": round(c.spend_moved, 2)} for c in self.clusters],
            "articles_in_clusters": self.articles_in_clusters,
            "articles_if_accepted": self.articles_if_accepted,
            "articles_after_accepted": self.articles_after_accepted,
            "decided": self.decided,
            "open": self.open,
            "spend_moved_if_accepted": round(spend_if, 2),
            "quantity_moved_if_accepted": round(quantity_if, 3),
            "spend_moved_after_accepted": round(spend_after, 2),
            "quantity_moved_after_accepted": round(quantity_after, 3),
            "parsed": {key: parsed_summary(item.parsed) for key, item in self.items.items()
                       if any(key in c.keys for c in self.clusters)},
        }

    def write_csv(self, handle: TextIO) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for c in self.clusters:
            reason = c.reason_text()
            for key in c.keys:
                item = self.items[key]
                writer.writerow([c.id, c.kind, key, item.name, item.supplier, _number(item.quantity),
                                 _number(item.spend), 1 if key == c.keep else 0, reason if key == c.keep else ""])


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"


# ---- from a table --------------------------------------------------------------------------------

def _joint_column(table: SourceTable, name: str) -> str | None:
    """The header of a joint workbook's own column (``Kommuner``, ``Sammanslagen med``) in either language."""
    from workbench.assortment.layout import headers

    for lang in ("sv", "en"):
        header = getattr(headers(lang), name)
        if header in table.data.columns:
            return str(header)
    return None


def table_rows(table: SourceTable) -> Iterator[dict[str, Any]]:
    """The live articles of ``table`` as rows of fields (see the module's note)."""
    import pandas as pd

    data = table.data
    columns = {f: data[h].to_numpy(dtype=object) for f in _FIELDS
               if (h := table.columns.get(f)) is not None and h in data.columns}
    review = {f: table.review[f].to_numpy(dtype=object) for f in _REVIEW if f in table.review.columns}
    municipalities_header = _joint_column(table, "municipalities")
    merged_header = _joint_column(table, "merged_into")
    municipalities = data[municipalities_header].to_numpy(dtype=object) if municipalities_header else None
    merged = data[merged_header].to_numpy(dtype=object) if merged_header else None
    has_suppliers = "supplier" in columns and any(_given(v) for v in columns["supplier"])
    keys = table.keys.to_numpy(dtype=object)
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key is None or (isinstance(key, float) and pd.isna(key)) or not str(key).strip():
            continue
        key_text = str(key).strip()
        if key_text in seen:
            continue
        seen.add(key_text)
        if merged is not None and _given(merged[i]):
            continue
        if municipalities is not None and _given(municipalities[i]) and _zero(municipalities[i]):
            continue
        row = {f: values[i] for f, values in columns.items()}
        row.update({f: values[i] for f, values in review.items()})
        if row.get("decision") == "remove":
            continue
        if has_suppliers and not any(_given(row.get(f)) for f in ("supplier", "supplier_article_no", "gtin")):
            continue
        row["key"] = key_text
        row["municipalities"] = municipalities[i] if municipalities is not None else None
        yield row


def _given(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and value != value:
        return False
    return bool(str(value).strip())


def _zero(value: Any) -> bool:
    try:
        return float(value) == 0
    except (TypeError, ValueError):
        return False


def consolidate_table(table: SourceTable, log: KlusterLog | None = None, *,
                      parser: NameParser | None = None) -> ClusterReport:
    """The clusters of ``table`` with their status (review values and ``log``) and the figures."""
    items = parse_items(table_rows(table), parser)
    found = find_clusters(items, parser=parser)
    journal = log if log is not None else KlusterLog()
    views = [v for c in _after_splits(found.clusters, journal, found.items)
             if (v := _view(c, found.items, journal)) is not None]
    views.sort(key=lambda v: (v.kind != SAME_PRODUCT, -v.saves_articles, -v.spend_moved, v.keys))
    return ClusterReport(Path(table.path) if table.path else None, len(items), views, found.items,
                         found.pairs_compared)


def _after_splits(clusters: list[Cluster], log: KlusterLog, items: dict[str, Item]) -> list[Cluster]:
    """The clusters without the articles split off them (a split stands while the cluster it was split
    from keeps any of its other members)."""
    splits = log.splits()
    if not splits:
        return clusters
    result = []
    for cluster in clusters:
        keys = set(cluster.keys)
        for key, stay in splits:
            if key in keys and keys & stay:
                keys.discard(key)
        if keys == set(cluster.keys):
            result.append(cluster)
            continue
        if len(keys) < 2:
            continue
        members = [items[k] for k in sorted(keys)]
        keep, reason = choose_keeper(members)
        ordered = (keep, *sorted(k for k in keys if k != keep))
        result.append(replace(cluster, id=cluster_id(cluster.kind, ordered), keys=ordered, keep=keep, reason=reason))
    return result


def _view(cluster: Cluster, items: dict[str, Item], log: KlusterLog) -> ClusterView | None:
    members = [items[k] for k in cluster.keys]
    keep, reason, keys = cluster.keep, cluster.reason, cluster.keys
    status = "open"
    if cluster.kind == SAME_PRODUCT:
        replaced = [m for m in members if m.decision == "replace" and m.replaced_by in cluster.keys
                    and m.replaced_by != m.key]
        standing = [m for m in members if m not in replaced]
        if len(standing) == 1 and len(replaced) == len(members) - 1:
            status = "accepted"
            if standing[0].key != keep:  # the group chose another keeper
                keep, reason = standing[0].key, ("chosen",)
                keys = (keep, *sorted(k for k in cluster.keys if k != keep))
    else:
        if all(m.decision for m in members):
            status = "accepted"
    if status == "open":
        members_set = set(cluster.keys)
        if any(kind == cluster.kind and members_set <= rejected for kind, rejected in log.rejected()):
            status = "rejected"
    categories = Counter(m.category for m in members if m.category)
    spend = sum(items[k].spend for k in keys if k != keep) if cluster.kind == SAME_PRODUCT else 0.0
    return ClusterView(cluster.id, cluster.kind, keys, keep, reason, cluster.product, status,
                       categories.most_common(1)[0][0] if categories else "",
                       len(keys) - 1 if cluster.kind == SAME_PRODUCT else 0, spend, items)


def consolidate(path: Path, *, read: dict[str, Any] | None = None) -> ClusterReport:
    """Read ``path`` (the joint workbook's ``Sortiment``, or any list) and its ``Kluster`` log; consolidate."""
    from workbench.reading.importer import read_table

    table = read_table(path, **dict(read or {}))
    log = read_log(Path(path), list(table.sheets)) if table.sheets else KlusterLog()
    return consolidate_table(table, log)
