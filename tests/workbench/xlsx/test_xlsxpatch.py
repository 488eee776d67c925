"""The cell-level xlsx patcher: only the given cells change, everything else stays byte-identical."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from _writer_fixtures import assert_well_formed, build_workbook, corpus_dir, members, read_grid

from workbench.errors import CorruptFileError, SheetNotFoundError, WriteError
from workbench.xlsx._sheet import columns_from
from workbench.xlsx.cells import column_letters
from workbench.xlsx.patch import (
    ColumnsInUse,
    NewColumn,
    Validation,
    last_used_column,
    patch_xlsx,
    read_date1904,
    verify_patch,
)

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return build_workbook(tmp_path / "artiklar.xlsx")


def _sheet_xml(path: Path, part: str = SHEET) -> str:
    assert_well_formed(path)
    with zipfile.ZipFile(path) as zf:
        return zf.read(part).decode("utf-8")


def test_only_the_target_sheet_changes_when_writing_text(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 1): "Ny benämning"})
    assert_well_formed(out)
    assert _sheet_xml(out).count("<?xml") == 1
    before, after = members(workbook), members(out)
    assert list(before) == list(after)
    assert [n for n in before if before[n] != after[n]] == [SHEET]
    assert result.changed_parts == [SHEET]


def test_untouched_members_keep_their_compressed_bytes(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(2, 1): "x"})
    with zipfile.ZipFile(workbook) as a, zipfile.ZipFile(out) as b:
        for info in a.infolist():
            if info.filename != SHEET:
                other = b.getinfo(info.filename)
                assert (other.CRC, other.compress_size, other.compress_type) == \
                    (info.CRC, info.compress_size, info.compress_type)
        assert b.testzip() is None


def test_text_starting_with_equals_stays_text(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(2, 1): "=1+1", (3, 1): "=SUM(C2:C3)"})
    grid = read_grid(out)
    assert grid[1][1] == "=1+1"
    assert grid[2][1] == "=SUM(C2:C3)"
    assert "<f>" not in _sheet_xml(out)


def test_swedish_letters_and_xml_specials_survive(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    text = 'Ersätt <med> "Behåll" & Öka  '
    patch_xlsx(workbook, out, "Artiklar", {(2, 1): text, (3, 1): "Rad1\nRad2"})
    grid = read_grid(out)
    assert grid[1][1] == text
    assert grid[2][1] == "Rad1\nRad2"


def test_control_characters_are_dropped_not_written(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(2, 1): "a\x00b\x1fc"})
    assert read_grid(out)[1][1] == "abc"


def test_shared_strings_are_never_touched(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(2, 0): "B999", (30, 0): "ny"})
    assert members(workbook)["xl/sharedStrings.xml"] == members(out)["xl/sharedStrings.xml"]
    assert 't="inlineStr"' in _sheet_xml(out)


def test_numbers_are_written_as_numbers(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(2, 2): 4, (3, 2): 0.1})
    grid = read_grid(out)
    assert grid[1][2] == 4
    assert grid[2][2] == pytest.approx(0.1)


def test_clearing_a_cell_keeps_its_style(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", extras=False)
    out = tmp_path / "out.xlsx"
    patch_xlsx(source, out, None, {(1, 1): None})
    xml = _sheet_xml(out)
    assert re.search(r'<c r="B1" s="\d+"/>', xml)
    assert read_grid(out)[0][1] == ""


def test_rows_are_inserted_in_order_and_cells_in_column_order(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(40, 1): "sist", (25, 0): "mitt", (2, 5): "höger",
                                           (2, 4): "vänster"})
    xml = _sheet_xml(out)
    rows = [int(r) for r in re.findall(r'<row r="(\d+)"', xml)]
    assert rows == sorted(rows) and {25, 40} <= set(rows)
    row2 = re.search(r'<row r="2".*?</row>', xml).group(0)
    refs = re.findall(r'<c r="([A-Z]+)2"', row2)
    assert refs == sorted(refs, key=lambda r: (len(r), r))
    assert re.search(r'<row r="2" spans="1:6"', xml)
    assert '<dimension ref="A1:F40"/>' in xml


def test_rows_and_cells_without_r_attributes_keep_their_positions(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", extras=False, autofilter=False, rows=3)
    xml = _sheet_xml(source)
    stripped = re.sub(r'(<row) r="\d+"', r"\1", xml)
    stripped = re.sub(r'(<c) r="[A-Z]+\d+"', r"\1", stripped)
    bare = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bare, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, stripped if name == SHEET else zin.read(name))
    out = tmp_path / "out.xlsx"
    patch_xlsx(bare, out, None, {(2, 4): "ny", (6, 0): "efter"})
    grid = read_grid(out)
    assert grid[1][:5] == ["A001", "Artikel 1", 11.5, "", "ny"]
    assert grid[3][0] == "A003"
    assert grid[5][0] == "efter"


def test_dates_are_serials_with_a_date_style(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    when = dt.datetime(2025, 3, 14, 9, 30)
    patch_xlsx(workbook, out, "Artiklar", {(2, 5): when, (3, 5): dt.date(1900, 2, 1)})
    grid = read_grid(out)
    assert grid[1][5] == when
    assert grid[2][5] in (dt.datetime(1900, 2, 1), dt.date(1900, 2, 1))
    styles_before, styles_after = members(workbook)["xl/styles.xml"], members(out)["xl/styles.xml"]
    assert styles_before != styles_after
    assert b'formatCode="yyyy-mm-dd hh:mm"' in styles_after


def test_a_second_date_save_reuses_the_added_date_style(workbook: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    patch_xlsx(workbook, first, "Artiklar", {(2, 5): dt.datetime(2025, 1, 1)})
    patch_xlsx(first, second, "Artiklar", {(3, 5): dt.datetime(2025, 1, 2)})
    assert members(first)["xl/styles.xml"] == members(second)["xl/styles.xml"]


def test_dates_in_a_1904_workbook(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", date1904=True, extras=False)
    assert read_date1904(source)
    out = tmp_path / "out.xlsx"
    when = dt.datetime(2024, 2, 29, 12, 0)
    patch_xlsx(source, out, None, {(2, 5): when})
    assert read_grid(out)[1][5] == when
    serial = float(re.search(r'<c r="F2" s="\d+"><v>([\d.]+)</v>', _sheet_xml(out)).group(1))
    assert serial == pytest.approx((when - dt.datetime(1904, 1, 1)).total_seconds() / 86400)


def test_new_columns_get_header_style_validation_and_autofilter(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", rows=5)
    out = tmp_path / "out.xlsx"
    columns = [NewColumn(3, "Beslut", Validation(labels=("Behåll", "Ta bort", "Ersätt", "Utred"))),
               NewColumn(4, "Miljöpoäng", Validation(whole=(1, 5)))]
    patch_xlsx(source, out, "Artiklar", {(2, 3): "Behåll", (3, 4): 5}, header_row=1, new_columns=columns,
               data_rows=(2, 6))
    grid = read_grid(out, "Artiklar")
    assert grid[0][:5] == ["Artikelnummer", "Benämning", "Pris", "Beslut", "Miljöpoäng"]
    xml = _sheet_xml(out)
    header_style = re.search(r'<c r="C1" s="(\d+)"', xml).group(1)
    assert re.search(rf'<c r="D1" s="{header_style}" t="inlineStr">', xml)
    assert re.search(rf'<c r="E1" s="{header_style}" t="inlineStr">', xml)
    assert '<autoFilter ref="A1:E6"/>' in xml
    assert 'sqref="D2:D6"><formula1>"Behåll,Ta bort,Ersätt,Utred"</formula1>' in xml
    assert re.search(r'type="whole"[^>]*sqref="E2:E6"><formula1>1</formula1><formula2>5</formula2>', xml)
    # the existing length validation is kept and counted; order of children stays schema order
    assert '<dataValidations count="3">' in xml
    order = [m.group(1) for m in re.finditer(r"<(sheetData|autoFilter|dataValidations|pageMargins|drawing|"
                                             r"legacyDrawing)\b", xml)]
    assert order == ["sheetData", "autoFilter", "dataValidations", "pageMargins", "drawing", "legacyDrawing"]


def test_validations_are_added_when_the_sheet_has_none(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", rows=3, extras=False, autofilter=False)
    out = tmp_path / "out.xlsx"
    patch_xlsx(source, out, None, {}, header_row=1, new_columns=[NewColumn(3, "Beslut", Validation(("A", "B")))],
               data_rows=(2, 4))
    xml = _sheet_xml(out)
    assert re.search(r'</sheetData><dataValidations count="1"><dataValidation type="list"[^>]*sqref="D2:D4">',
                     xml)
    assert xml.index("<dataValidations") < xml.index("<pageMargins")


def test_an_excel_table_grows_over_the_new_columns(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", rows=4, table=True, extras=False)
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(source, out, None, {(2, 3): "Behåll"}, header_row=1,
                        new_columns=[NewColumn(3, "Beslut"), NewColumn(4, "Kommentar")], data_rows=(2, 5))
    assert result.table_grown == "xl/tables/table1.xml"
    table = members(out)["xl/tables/table1.xml"].decode()
    assert 'ref="A1:E5"' in table
    assert '<tableColumns count="5">' in table
    assert '<tableColumn id="4" name="Beslut"/><tableColumn id="5" name="Kommentar"/>' in table
    before, after = members(source), members(out)
    assert sorted(n for n in before if before[n] != after[n]) == ["xl/tables/table1.xml", SHEET]


def test_an_existing_list_validation_gets_the_vocabulary_labels_added(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", rows=4, review=True, extras=False)
    out = tmp_path / "out.xlsx"
    patch_xlsx(source, out, None, {(2, 3): "Behåll"}, merge_lists={3: ["Behåll", "Ta bort", "Ja"]})
    assert '<formula1>"Ja,Nej,Behåll,Ta bort"</formula1>' in _sheet_xml(out)


def test_last_used_column_ignores_a_bogus_dimension(workbook: Path) -> None:
    assert last_used_column(workbook, "Artiklar") == (21, 2)


def test_cells_outside_the_sheet_are_refused(workbook: Path, tmp_path: Path) -> None:
    with pytest.raises(WriteError):
        patch_xlsx(workbook, tmp_path / "out.xlsx", None, {(1, 16384): "x"})


def test_unknown_sheet_and_damaged_file_raise_typed_errors(workbook: Path, tmp_path: Path) -> None:
    with pytest.raises(SheetNotFoundError):
        patch_xlsx(workbook, tmp_path / "out.xlsx", "Finns inte", {(1, 1): "x"})
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(workbook.read_bytes()[:3000])
    with pytest.raises(CorruptFileError):
        patch_xlsx(broken, tmp_path / "out.xlsx", None, {(1, 1): "x"})


@pytest.mark.parametrize("name", ["nonstandard_part_paths.xlsx", "strict_ooxml_sheet_visibility.xlsx"])
def test_sheets_are_found_through_relationships(name: str, tmp_path: Path) -> None:
    source = corpus_dir() / name
    if not source.exists():
        pytest.skip("corpus absent")
    out = tmp_path / name
    result = patch_xlsx(source, out, None, {(1, 10): "Beslut", (2, 10): "Behåll"})
    assert result.sheet_part.endswith("sheet1.xml")
    assert read_grid(out)[1][10] == "Behåll"
    before, after = members(source), members(out)
    assert [n for n in before if before[n] != after[n]] == [result.sheet_part]


def test_a_sheet_with_a_namespace_prefix_gets_prefixed_cells(tmp_path: Path) -> None:
    source = build_workbook(tmp_path / "a.xlsx", rows=2, extras=False, autofilter=False)
    xml = _sheet_xml(source)
    prefixed = re.sub(r"<(/?)(?!\?)(\w+)", r"<\1x:\2", xml).replace(
        'xmlns="http://schemas', 'xmlns:x="http://schemas')
    source2 = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(source2, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, prefixed if name == SHEET else zin.read(name))
    out = tmp_path / "out.xlsx"
    patch_xlsx(source2, out, None, {(2, 3): "Behåll", (5, 0): "ny"}, header_row=1,
               new_columns=[NewColumn(3, "Beslut", Validation(("Behåll",)))], data_rows=(2, 3))
    grid = read_grid(out)
    assert grid[1][3] == "Behåll" and grid[4][0] == "ny" and grid[0][3] == "Beslut"
    assert "<x:dataValidations" in _sheet_xml(out)


def test_verify_patch_accepts_what_was_written_and_catches_a_wrong_cell(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    when = dt.datetime(2025, 1, 2, 3, 4)
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 5): "Behåll & <ok>\r\n_x0041_", (3, 5): 4,
                                                     (4, 5): when, (5, 1): None})
    verify_patch(out, result)
    result.cells[(3, 5)] = 5
    with pytest.raises(ValueError, match="F3"):
        verify_patch(out, result)


def test_verify_patch_catches_a_sheet_that_is_not_well_formed(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 5): "x"})
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace(b"</sheetData>", b"</sheetDat>") if name == SHEET else data)
    with pytest.raises(ValueError, match=r"sheet1\.xml"):
        verify_patch(broken, result)


def test_free_from_refuses_a_sheet_with_content_in_the_planned_columns(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    patch_xlsx(workbook, out, "Artiklar", {(2, 3): "ok"}, free_from=3)
    assert read_grid(out, "Artiklar")[1][3] == "ok"
    with pytest.raises(ColumnsInUse):
        patch_xlsx(workbook, tmp_path / "again.xlsx", "Artiklar", {(2, 2): "x"}, free_from=2)


@pytest.mark.parametrize("first", [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 728, 16383])
def test_the_column_guard_matches_exactly_the_columns_from_the_first(first: int) -> None:
    pattern = re.compile(rb"^" + columns_from(first) + rb"$")
    for col in {*range(max(0, first - 30), min(16384, first + 30)), 0, 16383}:
        letters = column_letters(col).encode()
        assert (pattern.match(letters) is not None) == (col >= first), (first, col)


def _rewrite_sheet(source: Path, target: Path, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, change(data.decode("utf-8")) if name == SHEET else data)


def test_the_run_at_a_time_patch_writes_exactly_what_the_row_by_row_patch_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Rows the fast route takes and rows it must hand over, mixed: a self-closing row, a row with a
    # formatting-only cell right of the data, a row whose patched column lies between its cells, a row
    # without r, a missing row to insert, an empty row; the result must be the same bytes either way.
    source = build_workbook(tmp_path / "a.xlsx", extras=False, autofilter=False, rows=40)

    def mess(xml: str) -> str:
        xml = re.sub(r'<row r="6"[^>]*>.*?</row>', '<row r="6" spans="1:3" ht="20" customHeight="1"/>', xml)
        xml = xml.replace('</row><row r="9"', '<c r="F8" s="1"/></row><row r="9"')
        xml = xml.replace('</row><row r="12"', '<c r="G11"><v>7</v></c></row><row r="12"')
        xml = re.sub(r'<row r="15"', "<row", xml)
        xml = re.sub(r'<row r="20"[^>]*>.*?</row>', "", xml)
        return re.sub(r'(<row r="25"[^>]*>).*?(</row>)', r"\1\2", xml)

    messy = tmp_path / "messy.xlsx"
    _rewrite_sheet(source, messy, mess)
    cells = {(row, col): f"v{row}-{col}" for row in range(2, 43) for col in (4, 5)}
    cells.update({(row, 3): row % 5 + 1 for row in range(2, 43, 3)})
    columns = [NewColumn(3, "Miljöpoäng"), NewColumn(4, "Beslut"), NewColumn(5, "Kommentar")]
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    patch_xlsx(messy, fast, None, cells, header_row=1, new_columns=columns)
    import workbench.xlsx._sheet as sheet_module

    monkeypatch.setattr(sheet_module._FastRows, "run", lambda self, buf, pos, n, prev, out: (pos, n, prev))
    patch_xlsx(messy, slow, None, cells, header_row=1, new_columns=columns)
    assert _sheet_xml(fast) == _sheet_xml(slow)
    grid = read_grid(fast)
    assert grid[5][4] == "v6-4" and grid[7][5] == "v8-5" and grid[10][6] == 7.0 and grid[10][4] == "v11-4"
    assert grid[19][:2] == ["", ""] and grid[19][4] == "v20-4"
