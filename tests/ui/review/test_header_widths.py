"""A column is wide enough for its header in the app's language: after Visa › Språk ("Miljöpoäng" became
"Environmental score", which was cut to "vironmental sc") and with widths remembered while the app spoke
the other language."""

from __future__ import annotations

from pathlib import Path

from ui.main_window import MainWindow


def _open(window: MainWindow, path: Path, qtbot) -> None:
    with qtbot.waitSignal(window.table_loaded, timeout=60_000):
        window.open_file(path)


def _cut_headers(window: MainWindow) -> dict[str, tuple[int, int]]:
    """Header text -> (width, width its header needs) of every column narrower than its header."""
    view, model = window.table_view, window.model
    header = view.horizontalHeader()
    needs = {c: header.sectionSizeFromContents(c).width() for c in range(model.columnCount())}
    return {str(model.headerData(c, header.orientation())): (view.columnWidth(c), need)
            for c, need in needs.items() if view.columnWidth(c) < need}


def test_headers_fit_after_switching_to_english(main_window: MainWindow, sample_workbook: Path, qtbot) -> None:
    _open(main_window, sample_workbook, qtbot)
    assert _cut_headers(main_window) == {}
    main_window.set_language("en")
    env = main_window.model.column_of_field("env_score")
    assert main_window.model.headerData(env, main_window.table_view.horizontalHeader().orientation()) == \
        "Environmental score"
    assert _cut_headers(main_window) == {}


def test_headers_fit_with_widths_remembered_in_the_other_language(main_window: MainWindow, sample_workbook: Path,
                                                                  qtbot) -> None:
    _open(main_window, sample_workbook, qtbot)
    env = main_window.model.column_of_field("env_score")
    swedish = main_window.table_view.columnWidth(env)
    main_window.review_page.save_layout()
    main_window.set_language("en")
    _open(main_window, sample_workbook, qtbot)  # the Swedish widths come back with the workbook's layout
    assert main_window.table_view.columnWidth(env) > swedish
    assert _cut_headers(main_window) == {}
