"""The helper process that reads a large sheet back while it is written: same verdicts, never skipped.

The helper is started for real (``python -m workbench.xlsx.check_worker``); the threshold is set to 0 bytes
so that small test workbooks take the helper's route.
"""

from __future__ import annotations

import io
import pickle
import struct
import zipfile
from pathlib import Path

import psutil
import pytest
from _writer_fixtures import build_workbook, read_grid

from workbench.reading.importer import read_table
from workbench.writing.save import apply_decisions
from workbench.xlsx import check_worker as _check_worker
from workbench.xlsx.check_worker import ColumnCells, StreamCheck, pack_cells, serve
from workbench.xlsx.patch import ColumnsInUse, patch_xlsx, verify_patch

SHEET = "xl/worksheets/sheet1.xml"
LENGTH = struct.Struct("<Q")


@pytest.fixture
def helper_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BEHOVSANALYS_CHECK_WORKER_FROM", "0")
    monkeypatch.setattr(_check_worker, "_cores", lambda: 2)  # a one-core CI box still runs the route


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return build_workbook(tmp_path / "artiklar.xlsx", rows=300)


def _rewrite_sheet(path: Path, out: Path, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == SHEET:
                assert old in data
                data = data.replace(old, new, 1)
            zout.writestr(name, data)


def _children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True) if p.is_running()
            and p.status() != psutil.STATUS_ZOMBIE]


def _ask(header: dict[str, object], blocks: list[bytes]) -> dict[str, object]:
    """The helper's answer to a header and blocks, in this process (``serve`` over byte streams)."""
    sent = pickle.dumps(header)
    stream = LENGTH.pack(len(sent)) + sent + b"".join(LENGTH.pack(len(b)) + b for b in blocks) + LENGTH.pack(0)
    answer = io.BytesIO()
    serve(io.BytesIO(stream), answer)
    result: dict[str, object] = pickle.loads(answer.getvalue())
    return result


def test_a_large_sheet_is_read_back_by_the_helper_and_passes(helper_always: None, workbook: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    cells = {(r, 3): ("Behåll", 4, "=ok & <1>")[r % 3] for r in range(2, 302)}
    result = patch_xlsx(workbook, out, "Artiklar", cells, check_while_writing=True)
    check = result.stream_check
    assert isinstance(check, StreamCheck)
    verify_patch(out, result)
    assert result.stream_check is None and check._process.returncode == 0 and check._lost is None
    grid = read_grid(out)
    assert [grid[r - 1][3] for r in (2, 3, 4)] == ["=ok & <1>", "Behåll", 4]


def test_the_helper_finds_the_package_from_any_working_folder(helper_always: None, workbook: Path,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper is started with this checkout on its path, not the caller's folder (issue 14 moved it
    one package down: the path is the folder above ``workbench/``, not ``workbench/`` itself)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 3): "Behåll"}, check_while_writing=True)
    check = result.stream_check
    assert isinstance(check, StreamCheck)
    verify_patch(out, result)
    assert check._process.returncode == 0 and check._lost is None


def test_the_helper_reports_a_wrong_cell_and_a_part_that_is_not_well_formed(workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as zf:
        xml = zf.read(SHEET)
    half = len(xml) // 2
    # C2 holds the price 11.5 (the check reads cells as the writer writes them: numbers and inline text)
    good = _ask({"part": SHEET, "columns": pack_cells({(2, 2): 11.5}), "date1904": False}, [xml[:half], xml[half:]])
    assert good == {"crc": zipfile.crc32(xml), "size": len(xml), "problems": []}
    wrong = _ask({"part": SHEET, "columns": pack_cells({(2, 2): 12.5}), "date1904": False}, [xml])
    assert wrong["problems"] == ["C2: not 12.5"]
    broken = xml.replace(b"</sheetData>", b"</sheetDat>")
    answer = _ask({"part": SHEET, "columns": {}, "date1904": False}, [broken[:half], broken[half:]])
    assert "sheet1.xml" in str(answer["problems"]) and answer["size"] == len(broken)
    assert "error" in _ask({"part": SHEET}, [xml])  # a header it cannot use: an error, not a verdict


def test_bytes_on_disk_that_differ_from_what_the_helper_read_fail_the_check(helper_always: None, workbook: Path,
                                                                             tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 3): "Behåll"}, check_while_writing=True)
    tampered = tmp_path / "tampered.xlsx"
    # a cell the patch did not write changes after the helper read the stream: only the CRC tie catches it
    _rewrite_sheet(out, tampered, b"<v>159.5</v>", b"<v>159.25</v>")
    with pytest.raises(ValueError, match="not the bytes read back"):
        verify_patch(tampered, result)


def test_a_lost_helper_means_the_sheet_is_read_back_here(helper_always: None, workbook: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 3): "Behåll"}, check_while_writing=True)
    assert result.stream_check is not None
    result.stream_check._process.kill()
    verify_patch(out, result)  # passes: read back in process
    again = patch_xlsx(workbook, tmp_path / "again.xlsx", "Artiklar", {(2, 3): "Behåll"}, check_while_writing=True)
    assert again.stream_check is not None
    again.stream_check._process.kill()
    broken = tmp_path / "broken.xlsx"
    _rewrite_sheet(tmp_path / "again.xlsx", broken, b"</sheetData>", b"</sheetDat>")
    with pytest.raises(ValueError, match=r"sheet1\.xml"):
        verify_patch(broken, again)


def test_no_helper_process_means_the_usual_read_back(helper_always: None, workbook: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_check_worker, "command", lambda: [str(tmp_path / "no-such-program")])
    out = tmp_path / "out.xlsx"
    result = patch_xlsx(workbook, out, "Artiklar", {(2, 3): "Behåll"}, check_while_writing=True)
    assert result.stream_check is None
    verify_patch(out, result)
    assert read_grid(out)[1][3] == "Behåll"


def test_a_failed_patch_stops_its_helper(helper_always: None, workbook: Path, tmp_path: Path) -> None:
    before = {p.pid for p in _children()}
    with pytest.raises(ColumnsInUse):
        patch_xlsx(workbook, tmp_path / "out.xlsx", "Artiklar", {(2, 2): "x"}, free_from=2, check_while_writing=True)
    assert {p.pid for p in _children()} - before == set()


def test_packed_cells_hold_every_cell_of_every_column() -> None:
    # column 3 dense (held as a list by row), column 20 sparse (a dict), the last cell of a sheet
    cells: dict[tuple[int, int], object] = {(row, 3): ("Behåll", None, 4)[row % 3] for row in range(2, 3000)}
    cells.update({(2, 20): 4.5, (70_000, 20): None, (1_048_576, 16_383): "sist"})
    held = ColumnCells(pack_cells(cells))  # type: ignore[arg-type]
    assert dict(held.items()) == cells and len(held) == len(cells)
    assert held.get((3000, 3), "-") == "-" and held.get((3, 20), "-") == "-" and held.get((2, 4), "-") == "-"
    assert held.get((4, 3), "-") is None and held[(3, 3)] == "Behåll" and held[(5, 3)] == 4


def test_small_sheets_and_one_core_machines_need_no_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BEHOVSANALYS_CHECK_WORKER_FROM", raising=False)
    monkeypatch.setattr(_check_worker, "_cores", lambda: 4)
    assert not _check_worker.wanted(1 << 20) and _check_worker.wanted(200 << 20)
    monkeypatch.setattr(_check_worker, "_cores", lambda: 1)
    assert not _check_worker.wanted(200 << 20)
    monkeypatch.setattr(_check_worker, "_cores", lambda: 4)
    monkeypatch.setenv("BEHOVSANALYS_CHECK_WORKER_FROM", "-1")
    assert not _check_worker.wanted(200 << 20)


def test_apply_through_the_helper_writes_what_a_fresh_read_finds(helper_always: None, workbook: Path) -> None:
    table = read_table(workbook)
    keys = [f"A{i:03d}" for i in range(1, 301)]
    decisions = {key: {"decision": ("keep", "remove")[n % 2], "env_score": n % 5 + 1} for n, key in enumerate(keys)}
    apply_decisions(table, decisions)
    again = read_table(workbook)
    assert again.review["decision"].tolist() == [d["decision"] for d in decisions.values()]
    assert again.review["env_score"].tolist() == [str(d["env_score"]) for d in decisions.values()]


def test_a_save_failing_between_patch_and_check_stops_the_helper(helper_always: None, workbook: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench import savefile
    from workbench.errors import WriteError

    def disk_full(_path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(savefile, "_fsync_file", disk_full)  # the flush after the patch fails
    before = {p.pid for p in _children()}
    with pytest.raises(WriteError):
        apply_decisions(read_table(workbook), {"A001": {"decision": "keep"}})
    assert {p.pid for p in _children()} - before == set()
    assert read_table(workbook).review["decision"].tolist()[0] is None  # the workbook is untouched
