"""The Konsolidering page's two tables: the clusters (what each would save) and one cluster's articles side
by side. Thin Qt models over the core's ``ClusterReport``; every figure comes from the core."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ui.review.model import DECISION_COLOURS
from workbench.numbers import format_number
from workbench.vocabularies import vocabularies

if TYPE_CHECKING:
    from workbench.consolidation import ClusterReport, ClusterView, Item

_Index = QModelIndex | QPersistentModelIndex
ClusterRole = Qt.ItemDataRole.UserRole + 1  # the row's ClusterView (list) or article key (members)


class ConsolidationWords(QObject):
    """The kinds' and statuses' words (lupdate files a class's ``self.tr`` under its name)."""

    def kind(self, code: str) -> str:
        return {"same_product": self.tr("Same product"), "variants": self.tr("Variants")}.get(code, code)

    def status(self, code: str) -> str:
        labels = {"open": self.tr("open"), "accepted": self.tr("accepted"), "rejected": self.tr("rejected")}
        return labels.get(code, code)


def kind_label(code: str) -> str:
    """"Samma produkt" / "Varianter"."""
    return ConsolidationWords().kind(code)


def status_label(code: str) -> str:
    """"öppen" / "godkänd" / "avvisad"."""
    return ConsolidationWords().status(code)


def keeper_tint() -> QColor:
    """The keeper's row in the grid's colour of Behåll, as faint as the grid tints a decided row."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    base = QApplication.palette().color(QPalette.ColorRole.Base)
    colour = DECISION_COLOURS["keep"]
    return QColor(*(round(b + (c - b) * 0.2) for b, c in ((base.red(), colour.red()), (base.green(), colour.green()),
                                                          (base.blue(), colour.blue()))))


def money(value: float | None, language: str, decimals: int = 0) -> str:
    return "–" if value is None else f"{format_number(round(value, decimals), language, decimals)} kr"


class ClusterListModel(QAbstractTableModel):
    """The clusters shown (already filtered and ordered by the page): product, kind, category, articles,
    articles saved, spend moved, status."""

    COLUMNS = ("product", "keeper", "kind", "category", "articles", "saves", "spend", "status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "sv"
        self.clusters: list[ClusterView] = []

    def set_clusters(self, clusters: list[ClusterView]) -> None:
        self.beginResetModel()
        self.clusters = clusters
        self.endResetModel()

    def row_of(self, cluster_id: str | None) -> int:
        return next((i for i, c in enumerate(self.clusters) if c.id == cluster_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.clusters)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {"product": self.tr("Product"), "keeper": self.tr("Suggested keeper"), "kind": self.tr("Kind"),
                  "category": self.tr("Category"),
                  "articles": self.tr("Articles"), "saves": self.tr("Saves"), "spend": self.tr("Spend moved"),
                  "status": self.tr("Status")}
        return titles[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cluster = self.clusters[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ClusterRole:
            return cluster
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("articles", "saves", "spend"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and cluster.status != "open":
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = self.language
        if column == "product":
            return cluster.product_name(lang)
        if column == "keeper":
            item = cluster.items.get(cluster.keep)
            return f"{cluster.keep}  {item.name}" if item is not None else cluster.keep
        if column == "kind":
            return kind_label(cluster.kind)
        if column == "category":
            return cluster.category
        if column == "articles":
            return format_number(len(cluster.keys), lang)
        if column == "saves":
            return format_number(cluster.saves_articles, lang) if cluster.kind == "same_product" else "–"
        if column == "spend":
            return money(cluster.spend_moved, lang)
        return status_label(cluster.status)


class MemberModel(QAbstractTableModel):
    """One cluster's articles side by side, the keeper first and marked."""

    COLUMNS = ("mark", "key", "name", "supplier", "parsed", "price_per_piece", "pieces", "municipalities",
               "env_score", "decision")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "sv"
        self.report: ClusterReport | None = None
        self.cluster: ClusterView | None = None
        self.keep: str | None = None  # the keeper: the suggestion, or the one the user chose
        self.keys: list[str] = []
        self._summaries: dict[str, str] = {}

    def set_cluster(self, report: ClusterReport | None, cluster: ClusterView | None, keep: str | None) -> None:
        self.beginResetModel()
        self.report, self.cluster, self.keep = report, cluster, keep
        keys = list(cluster.keys) if cluster is not None else []
        if keep in keys:
            keys.remove(keep)
            keys.insert(0, keep)
        self.keys = keys
        self._summaries = {}
        if report is not None:
            from workbench.consolidation import parsed_summary

            self._summaries = {k: parsed_summary(report.items[k].parsed, self.language) for k in keys
                               if k in report.items}
        self.endResetModel()

    def item(self, row: int) -> Item | None:
        if self.report is None or not 0 <= row < len(self.keys):
            return None
        return self.report.items.get(self.keys[row])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {"mark": "", "key": self.tr("Article ID"), "name": self.tr("Name"), "supplier": self.tr("Supplier"),
                  "parsed": self.tr("Read from the name"), "price_per_piece": self.tr("Price per piece"),
                  "pieces": self.tr("Volume (pieces)"), "municipalities": self.tr("Municipalities"),
                  "env_score": self.tr("Env. score"), "decision": self.tr("Current decision")}
        return titles[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.keys[index.row()]
        item = self.item(index.row())
        column = self.COLUMNS[index.column()]
        keeper = key == self.keep
        if role == ClusterRole:
            return key
        if role == Qt.ItemDataRole.FontRole and keeper:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and keeper:
            return keeper_tint()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("price_per_piece", "pieces", "municipalities",
                                                                    "env_score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "mark" and keeper:
            return self.tr("Kept: the others are replaced by this article when the cluster is accepted")
        if role == Qt.ItemDataRole.ToolTipRole and column in ("name", "parsed"):
            return self.data(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = self.language
        if column == "mark":
            return "★" if keeper else ""
        if column == "key":
            return key
        if item is None:
            return ""
        if column == "name":
            return item.name
        if column == "supplier":
            return item.supplier
        if column == "parsed":
            return self._summaries.get(key, "")
        if column == "price_per_piece":
            return money(item.price_per_piece, lang, 2)
        if column == "pieces":
            return format_number(round(item.pieces), lang)
        if column == "municipalities":
            return "–" if item.municipalities is None else format_number(item.municipalities, lang)
        if column == "env_score":
            return "–" if item.env_score is None else str(item.env_score)
        return self._decision_text(item)

    def _decision_text(self, item: Item) -> str:
        if not item.decision:
            return "–"
        decision = vocabularies()["decision"]
        label = decision.label(item.decision, self.language) if item.decision in decision else item.decision
        return f"{label} → {item.replaced_by}" if item.replaced_by else label
