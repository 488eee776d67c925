"""Finding articles: facets with counts, numeric ranges, "only not reviewed", clear all.

The panel only holds the user's choices and shows counts; the core computes both the filtered order
and the counts (``workbench.review.session.compute_view`` / ``facet_counts``).
"""

from __future__ import annotations

import dataclasses
import locale
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.review.facet_list import FacetList, ValueRole
from workbench.fields import REVIEW_FIELD_NAMES, REVIEW_FIELDS, field
from workbench.numbers import format_number
from workbench.review.session import (
    FACET_FIELDS,
    HAS_COMMENT,
    REVIEW_STATE,
    ReviewSession,
    ViewSpec,
    facet_counts_for,
    facet_order,
)
from workbench.review.values import label
from workbench.vocabularies import vocabularies

RANGE_FIELDS = ("spend", "quantity")
FACET_LIMIT = 50


def _parse_number(text: str) -> float | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(cleaned) if cleaned else None
    except ValueError:
        return None


class FacetBox(QGroupBox):
    """One facet: a searchable, capped list of values with counts and check boxes."""

    changed = Signal()
    bulk_requested = Signal(str, str, str, object)  # facet field, facet value, review field, code

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"facet_{name}")
        self.selected: set[str] = set()
        self.language = "sv"
        # the values' order, taken from the core when the table is opened and then kept
        self.order: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search = QLineEdit()
        self.search.setObjectName(f"facetSearch_{name}")
        self.search.setClearButtonEnabled(True)
        self.list = FacetList()
        self.list.setObjectName(f"facetList_{name}")
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self._filling = False
        self._counts: list[tuple[str, int]] = []
        # the title of a facet on a column that is no field (a joint workbook's "Kommuner"), asked anew
        # in each language
        self.fixed_title: Callable[[], str] | None = None
        # the words of a derived facet's values (the SUP rule's codes), asked anew in each language
        self.value_label: Callable[[str], str] | None = None

    def retranslate(self, language: str) -> None:
        self.language = language
        if self.name == REVIEW_STATE:
            self.setTitle(self.tr("Review state"))
        elif self.name == HAS_COMMENT:
            self.setTitle(self.tr("Has comment"))
        elif self.fixed_title is not None:
            self.setTitle(self.fixed_title())
        else:
            try:
                self.setTitle(field(self.name).label(language))
            except KeyError:  # a header as found in the file
                self.setTitle(self.name)
        self.search.setPlaceholderText(self.tr("Filter values…"))
        self.search.setAccessibleName(self.tr("Filter the values of {facet}").format(facet=self.title()))
        self.list.setAccessibleName(self.title())
        self._fill()

    def label_for(self, value: str) -> str:
        if self.name == REVIEW_STATE:
            if value == "not_reviewed":
                return self.tr("Not reviewed")
            return label("decision", value, self.language)
        if self.name == HAS_COMMENT:
            return self.tr("Yes") if value == "yes" else self.tr("No")
        if self.value_label is not None:
            return self.value_label(value)
        if not value:
            return self.tr("(empty)")
        if self.name in vocabularies():
            return label(self.name, value, self.language)
        return value

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        # Selected values stay listed, in their place, even when the other filters leave none of them.
        present = {value for value, _ in counts}
        missing = [value for value in self.selected if value not in present]
        if missing:
            place = {value: i for i, value in enumerate(self.order)}
            counts = sorted(counts + [(value, 0) for value in missing],
                            key=lambda pair: place.get(pair[0], len(place)))
        self._counts = counts
        # Short lists need no search box; long ones are capped and searchable.
        self.search.setVisible(bool(self.search.text()) or len(counts) >= 8)
        self._fill()

    def _fill(self) -> None:
        self._filling = True
        try:
            self.list.show_values([(value, self.label_for(value), format_number(count, self.language),
                                    value in self.selected) for value, count in self._counts])
        finally:
            self._filling = False

    def clear_selection(self) -> None:
        self.selected.clear()
        self.search.clear()

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        value = item.data(ValueRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.selected.add(value)
        else:
            self.selected.discard(value)
        self.changed.emit()

    def _on_list_context_menu_requested(self, point: Any) -> None:
        item = self.list.itemAt(point)
        if item is None or self.name == REVIEW_STATE:
            return
        value = item.data(ValueRole)
        menu = QMenu(self)
        title = self.tr("Set for every article of “{value}”").format(value=self.label_for(value))
        for name in ("decision", "usage", "future_need", "env_score"):
            review_field = next(f for f in REVIEW_FIELDS if f.name == name)
            submenu = menu.addMenu(f"{title}: {review_field.label(self.language)}")
            for term in vocabularies()[review_field.vocabulary or name].terms:
                action = submenu.addAction(term.label(self.language))
                action.triggered.connect(lambda _c=False, f=name, code=term.code:
                                         self.bulk_requested.emit(self.name, value, f, code))
        menu.exec(self.list.mapToGlobal(point))
        menu.deleteLater()


class FilterPanel(QScrollArea):
    """The left-hand panel; emits ``changed`` when the user's filter choices change."""

    changed = Signal()
    bulk_requested = Signal(str, str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.only_unreviewed = QCheckBox()
        self.only_unreviewed.setObjectName("onlyUnreviewedCheck")
        self.only_unreviewed.toggled.connect(lambda _on: self.changed.emit())
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.clicked.connect(self.clear)
        self.kept_label = QLabel()
        self.kept_label.setObjectName("keptConditionsLabel")
        self.kept_label.setWordWrap(True)
        self.kept_label.hide()
        layout.addWidget(self.only_unreviewed)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.kept_label)
        self.facets: dict[str, FacetBox] = {}
        self._layout = layout
        for name in FACET_FIELDS:
            self._add_facet(name)
        self.ranges: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        self.range_boxes: dict[str, QGroupBox] = {}
        validator = QDoubleValidator(self)
        for name in RANGE_FIELDS:
            box = QGroupBox()
            box.setObjectName(f"range_{name}")
            row = QHBoxLayout(box)
            low, high = QLineEdit(), QLineEdit()
            for edit, suffix in ((low, "min"), (high, "max")):
                edit.setObjectName(f"range_{name}_{suffix}")
                edit.setValidator(validator)
                edit.setClearButtonEnabled(True)
                edit.editingFinished.connect(self.changed)
                row.addWidget(edit)
            self.ranges[name] = (low, high)
            self.range_boxes[name] = box
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(inner)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self.language = "sv"
        self.available: set[str] = {REVIEW_STATE}
        self._kept_facets: dict[str, frozenset[str]] = {}
        self._kept_ranges: dict[str, tuple[float | None, float | None]] = {}

    def _add_facet(self, name: str) -> FacetBox:
        box = FacetBox(name)
        box.changed.connect(self.changed)
        box.bulk_requested.connect(self.bulk_requested)
        box.search.textChanged.connect(lambda _t: self.changed.emit())
        self.facets[name] = box
        # after the facets there are, before the ranges
        self._layout.insertWidget(3 + len(self.facets) - 1, box)
        return box

    def retranslate(self, language: str) -> None:
        self.language = language
        self.only_unreviewed.setText(self.tr("Only not reviewed"))
        self.clear_button.setText(self.tr("Clear all filters"))
        self._show_kept()
        for box in self.facets.values():
            box.retranslate(language)
        for name, box in self.range_boxes.items():
            box.setTitle(field(name).label(language))
            low, high = self.ranges[name]
            low.setPlaceholderText(self.tr("from"))
            high.setPlaceholderText(self.tr("to"))
            low.setAccessibleName(self.tr("{field} from").format(field=field(name).label(language)))
            high.setAccessibleName(self.tr("{field} to").format(field=field(name).label(language)))

    def set_available(self, session: ReviewSession, extra: Sequence[str] = ()) -> None:
        """Show only the facets and ranges the table has columns for, each in the order it keeps;
        ``extra`` names further columns the core makes facets of this table (a joint workbook's)."""
        columns = session.table.columns
        always = {REVIEW_STATE, HAS_COMMENT, *REVIEW_FIELD_NAMES}
        self.available = {name for name in (*FACET_FIELDS, *RANGE_FIELDS) if name in always or name in columns}
        for name in extra:
            if name not in self.facets:
                self._add_facet(name).retranslate(self.language)
            self.available.add(name)
        for name, box in self.facets.items():
            box.setVisible(name in self.available)
            box.order = facet_order(session, name) if name in self.available else []
        for name, box in self.range_boxes.items():
            box.setVisible(name in self.available)

    def add_facet(self, session: ReviewSession, name: str) -> FacetBox:
        """Offer one more facet the core knows for this table (a derived one), keeping the others."""
        box = self.facets.get(name) or self._add_facet(name)
        self.available.add(name)
        box.setVisible(True)
        box.order = facet_order(session, name)
        return box

    def apply_to(self, spec: ViewSpec) -> ViewSpec:
        """``spec`` with this panel's facets, ranges and "only not reviewed" in place of its own."""
        # conditions of the shown view that the panel has no control for stay part of it
        facets = dict(self._kept_facets)
        facets.update({name: frozenset(box.selected) for name, box in self.facets.items() if box.selected})
        ranges = dict(self._kept_ranges)
        for name, (low, high) in self.ranges.items():
            bounds = (_parse_number(low.text()), _parse_number(high.text()))
            if bounds != (None, None) and name in self.available:
                ranges[name] = bounds
        return dataclasses.replace(spec, facets=facets, ranges=ranges,
                                   only_unreviewed=self.only_unreviewed.isChecked())

    def show_spec(self, spec: ViewSpec) -> None:
        """Set the panel's controls from a (named) view, without emitting ``changed`` per control."""
        self.blockSignals(True)
        try:
            self._kept_facets = {n: v for n, v in spec.facets.items() if n not in self.facets and v}
            self._kept_ranges = {n: b for n, b in spec.ranges.items() if n not in self.ranges}
            for name, box in self.facets.items():
                box.selected = set(spec.facets.get(name, ()))
            for name, (low, high) in self.ranges.items():
                bounds = spec.ranges.get(name, (None, None))
                low.setText("" if bounds[0] is None else locale.str(bounds[0]))
                high.setText("" if bounds[1] is None else locale.str(bounds[1]))
            self.only_unreviewed.blockSignals(True)
            self.only_unreviewed.setChecked(spec.only_unreviewed)
            self.only_unreviewed.blockSignals(False)
        finally:
            self.blockSignals(False)
        self._show_kept()

    def _show_kept(self) -> None:
        """Name the view's conditions that have no control here, so no row is hidden unexplained."""
        names = [*self._kept_facets, *self._kept_ranges]
        labels = []
        for name in names:
            try:
                labels.append(field(name).label(self.language))
            except KeyError:  # a header as found in the file
                labels.append(name)
        self.kept_label.setText(self.tr("The view also filters on: {fields}").format(fields=", ".join(labels)))
        self.kept_label.setVisible(bool(labels))

    def update_counts(self, session: ReviewSession, spec: ViewSpec) -> None:
        names = [name for name in self.facets if name in self.available]
        all_counts = facet_counts_for(session, names, spec, limit=FACET_LIMIT,
                                      search={name: self.facets[name].search.text() for name in names},
                                      order={name: self.facets[name].order for name in names})
        for name in names:
            box, counts = self.facets[name], all_counts[name]
            # a value new since the list was built (a reviewer's name) keeps the place it gets now
            known = set(box.order)
            box.order.extend(value for value, _ in counts if value not in known)
            box.set_counts(counts)

    def clear(self) -> None:
        self.blockSignals(True)
        self._kept_facets, self._kept_ranges = {}, {}
        self._show_kept()
        for box in self.facets.values():
            box.clear_selection()
        for low, high in self.ranges.values():
            low.clear()
            high.clear()
        self.only_unreviewed.setChecked(False)
        self.blockSignals(False)
        self.changed.emit()
