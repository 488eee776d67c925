"""Purchase files as exports write them: the date formats, numbers with decimal commas and spaces, credit lines,
the merge's GTIN rule, a bad file named with its problem, and DuckDB loaded only when the follow-up runs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter

from workbench.assortment.gtin import check_digit
from workbench.errors import PurchaseColumnsError, PurchaseNoAmountError, WorkbenchError
from workbench.followup import follow_up, inspect_purchase_file
from workbench.resources import resource_path

JOINT = resource_path("sample") / "sodertorn_gemensam.xlsx"
ROOT = Path(__file__).resolve().parents[3]
# G00001 in the sample: Nordisk Engångs AB, NE-254961, GTIN 7349891759417, Pris 476.6722
GTIN, SUPPLIER, NUMBER = "7349891759417", "Nordisk Engångs AB", "NE-254961"


@pytest.fixture()
def joint(tmp_path: Path) -> Path:
    copy = tmp_path / "gemensam.xlsx"
    shutil.copy(JOINT, copy)
    return copy


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def test_every_date_format_of_exports_lands_in_its_month(joint: Path, tmp_path: Path) -> None:
    serial = (dt.date(2025, 6, 14) - dt.date(1899, 12, 30)).days
    dates = ["2025-01-14", "14.02.2025", "2025-03-14 00:00:00", "20250414", "2025-05-14T08:30:00", str(serial),
             "14/07/2025"]
    rows = [f"{d};Botkyrka;{GTIN};1;476,67" for d in dates]
    purchases = write_csv(tmp_path / "datum.csv", ["Fakturadatum;Kommun;EAN;Antal;Belopp", *rows])
    result = follow_up(joint, [purchases], snapshot=False)
    assert sorted(result.by_month) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]
    assert result.undated_lines == 0 and result.lines == 7


def test_credit_lines_net_out_their_purchase_whichever_sign_the_export_puts_on_the_amount(joint: Path,
                                                                                           tmp_path: Path) -> None:
    purchases = write_csv(tmp_path / "kredit.csv", [
        "Datum;Kommun;Leverantör;Lev. art.nr;Antal;Belopp",
        f"2025-03-01;Haninge;{SUPPLIER};{NUMBER};10;4 766,72",
        f"2025-03-05;Haninge;{SUPPLIER};{NUMBER.lower()};-4;1 906,69",  # a credit whose amount has no sign
        f"2025-03-06;Haninge;{SUPPLIER};{NUMBER};2-;953,34-",  # trailing minus signs (SAP)
        "2025-03-07;Haninge;Okänd AB;X-1;1;100,00",
    ], encoding="cp1252")
    result = follow_up(joint, [purchases], snapshot=False)
    assert result.lines == 4
    assert result.total.spend == pytest.approx(4766.72 - 1906.69 - 953.34 + 100.0)
    assert result.total.spend_in_assortment == pytest.approx(4766.72 - 1906.69 - 953.34)
    assert result.by_municipality["Haninge"].compliance == pytest.approx(1906.69 / 2006.69)
    assert result.price_deviations == []  # credits and the agreed price paid: no deviation


def test_a_valid_gtin_that_differs_from_the_articles_keeps_the_line_out_of_the_supplier_number_rule(
        joint: Path, tmp_path: Path) -> None:
    other = "731061000123" + str(check_digit("731061000123"))  # valid, in no article of the sample
    purchases = write_csv(tmp_path / "gtin.csv", [
        "Datum,Kommun,Leverantör,Lev. art.nr,GTIN,Antal,Belopp",
        f"2025-03-01,Salem,{SUPPLIER},{NUMBER},{other},1,476.67",
        f"2025-03-01,Salem,{SUPPLIER},{NUMBER},,1,476.67",
        f"2025-03-01,Salem,,,{int(GTIN)}.0,1,476.67",  # a GTIN written out from a number
    ])
    result = follow_up(joint, [purchases], snapshot=False)
    assert result.unmatched_lines == 1
    assert result.matched_by == {"lev_artnr": 1, "gtin": 1}


def test_xlsx_with_title_rows_a_summa_row_and_the_municipality_from_the_file_name(joint: Path,
                                                                                   tmp_path: Path) -> None:
    path = tmp_path / "Inköp Nykvarn 2025.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write(0, 0, "Inköpsstatistik")
    sheet.write_row(2, 0, ["Orderdatum", "Förvaltning", "EAN", "Benämning", "Antal", "À-pris"])
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    for row in range(3, 6):
        sheet.write_datetime(row, 0, dt.datetime(2025, row, 1), dates)
        sheet.write_row(row, 1, ["Kostenheten", float(GTIN), "Mugg", 2, 476.67])
    sheet.write_row(6, 0, ["Summa", None, None, None, 6])
    book.close()
    result = follow_up(joint, [path], snapshot=False)
    assert list(result.by_municipality) == ["Nykvarn"] and result.lines == 3
    assert result.total.spend == pytest.approx(3 * 2 * 476.67) and result.compliance == 1.0
    assert list(result.by_org_unit["Nykvarn"]) == ["Kostenheten"]


def test_a_file_without_an_amount_or_an_article_column_is_refused_by_name(tmp_path: Path) -> None:
    no_amount = write_csv(tmp_path / "utan_belopp.csv", ["Datum;Kommun;EAN;Benämning", "2025-01-01;Salem;1;Mugg"])
    with pytest.raises(PurchaseNoAmountError) as raised:
        inspect_purchase_file(no_amount)
    assert "utan_belopp.csv" in raised.value.message("sv") and "Datum, Kommun, EAN, Benämning" in raised.value.message()
    no_article = write_csv(tmp_path / "utan_artikel.csv", ["Datum;Kommun;Antal;Belopp", "2025-01-01;Salem;1;2"])
    with pytest.raises(PurchaseColumnsError):
        inspect_purchase_file(no_article)


def _pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 6 >>\nstream\n\x00\x01\x02\x03\x04\x05"
                     b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return path


def _truncated_xlsx(path: Path) -> Path:
    whole = path.with_name("hel.xlsx")
    book = xlsxwriter.Workbook(str(whole))
    sheet = book.add_worksheet()
    for row in range(200):
        sheet.write_row(row, 0, ["Datum", "EAN", "Belopp"] if row == 0 else ["2025-01-01", GTIN, row])
    book.close()
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(("make", "detail"), [(_pdf, "(binärt innehåll)"), (_empty, "(filen är 0 byte)"),
                                              (_truncated_xlsx, "(zip-paketet är avkortat eller skadat)")],
                         ids=["pdf_named_xlsx", "zero_bytes", "truncated_zip"])
def test_a_file_that_is_no_workbook_is_worded_as_the_importer_words_it(tmp_path: Path, make, detail: str) -> None:
    # the walk-through's finding: "… är skadad och kan inte läsas. (invalid Zip archive: Could not find EOCD)"
    # where Arkiv > Öppna says "är inte ett kalkylblad som kan läsas … (binärt innehåll)"
    from workbench.reading import read_table

    path = make(tmp_path / "inköp.xlsx")
    with pytest.raises(WorkbenchError) as opened:
        read_table(path)
    with pytest.raises(WorkbenchError) as inspected:
        inspect_purchase_file(path)
    assert type(inspected.value) is type(opened.value)
    for lang in ("sv", "en"):
        message = inspected.value.message(lang)
        assert message == opened.value.message(lang)
        assert "inköp.xlsx" in message
        assert not any(word in message for word in ("Zip archive", "EOCD", "zip file", "Could not"))
    assert inspected.value.message("sv").endswith(detail)


def test_a_text_file_named_xlsx_is_read_as_text_as_the_importer_reads_it(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.xlsx", ["Datum;Kommun;EAN;Antal;Belopp", f"2025-01-01;Salem;{GTIN};1;2"])
    file = inspect_purchase_file(path)
    assert file.kind == "csv" and file.delimiter == ";"


def test_the_command_names_a_bad_file_and_exits_2_without_a_traceback(joint: Path, tmp_path: Path) -> None:
    good = write_csv(tmp_path / "ok.csv", ["Datum;Kommun;EAN;Antal;Belopp", f"2025-01-01;Salem;{GTIN};1;2"])
    bad = tmp_path / "trasig.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    env = {**os.environ, "BEHOVSANALYS_LANG": "sv", "PYTHONIOENCODING": "utf-8"}
    for args in ([good, bad], [good, tmp_path / "saknas.csv"], [good, "-o", tmp_path / "rapport.pdf"]):
        done = subprocess.run([sys.executable, "-m", "workbench", "followup", str(joint), *map(str, args)], cwd=ROOT,
                              env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
        assert done.returncode == 2, done.stdout
        assert str(args[-1]) in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(WorkbenchError):
        follow_up(joint, [good], date_from="2025-13-45", snapshot=False)


def test_duckdb_is_loaded_only_when_the_follow_up_runs() -> None:
    code = ("import sys, workbench.cli, workbench.followup; workbench.cli.build_parser(); "
            "print('duckdb' in sys.modules, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_a_cp1252_file_read_in_many_small_parts_gives_the_figures_of_one_part(joint: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.followup.load as load

    rows = ["Inköp – Tyresö", "Datum;Kommun;Leverantör;Lev. art.nr;Benämning;Antal;Belopp"]
    for n in range(60):
        name = f'"Mugg ""{n}""\r\nandra raden – €"' if n % 7 == 0 else f"Mugg {n} – kartong"
        rows.append(f"2025-0{1 + n % 9}-01;Tyresö;{SUPPLIER};{NUMBER if n % 2 else 'X-' + str(n)};{name};1;{n},50")
    purchases = write_csv(tmp_path / "tyreso.csv", rows, encoding="cp1252")
    whole = follow_up(joint, [purchases], snapshot=False).to_json()
    monkeypatch.setattr(load, "_PART", 300)
    monkeypatch.setattr(load, "_READ", 64)
    parts = follow_up(joint, [purchases], snapshot=False).to_json()
    assert whole["lines"] == parts["lines"] == 60 and whole["unmatched_lines"] == 30
    assert parts["by_month"] == whole["by_month"] and parts["spend"] == whole["spend"]
    names = {o["name"] for o in parts["outside_largest"]}
    assert 'Mugg "0"\r\nandra raden – €' in names or 'Mugg "0"\nandra raden – €' in names


class _Cancel(Exception):
    pass


def test_progress_is_reported_per_part_and_raising_from_it_cancels_with_nothing_written(
        joint: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.followup.load as load

    rows = ["Datum;Kommun;EAN;Benämning;Antal;Belopp"]
    rows += [f"2025-01-{1 + n % 28:02d};Salem;{GTIN};Mugg – kartong;1;476,67" for n in range(400)]
    purchases = write_csv(tmp_path / "salem.csv", rows, encoding="cp1252")
    monkeypatch.setattr(load, "_PART", 2000)
    monkeypatch.setattr(load, "_READ", 1000)
    seen: list[tuple[int, int]] = []
    result = follow_up(joint, [purchases], snapshot=False, on_progress=lambda done, total: seen.append((done, total)))
    size = purchases.stat().st_size
    assert result.lines == 400 and len(seen) > 5
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (size, size)

    before = joint.read_bytes()

    def cancel(done: int, total: int) -> None:
        raise _Cancel

    with pytest.raises(_Cancel):
        follow_up(joint, [purchases], on_progress=cancel)
    assert joint.read_bytes() == before  # no snapshot
    assert not list(Path("/dev/shm").glob(f"behovsanalys-{os.getpid()}-*"))  # no part left behind


def test_a_file_with_only_an_article_column_and_an_amount_is_read(joint: Path, tmp_path: Path) -> None:
    purchases = write_csv(tmp_path / "Salem.csv", ["EAN;Belopp", f"{GTIN};476,67", "7300000000000;10"])
    result = follow_up(joint, [purchases], snapshot=False)
    assert result.lines == 2 and result.undated_lines == 2 and not result.by_month
    assert result.by_municipality["Salem"].spend == pytest.approx(486.67) and result.unmatched_lines == 1


@pytest.mark.parametrize("title", ["Inköp – Haninge 2025 (€)", "Inköp Haninge 2025"])
def test_a_cp1252_file_whose_own_letters_stand_only_in_the_title_reads_as_its_utf8_twin(
        joint: Path, tmp_path: Path, title: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """cp1252 and latin-1 differ only in 0x80-0x9f: a file with those only in its skipped title is read by the
    engine's latin-1 without re-encoding, and gives exactly the figures and names of the same file in UTF-8."""
    import workbench.followup.load as load

    rows = [title, "Datum;Kommun;Leverantör;Lev. art.nr;Benämning;Antal;Belopp"]
    rows += [f"2025-0{1 + n % 9}-01;Haninge;{SUPPLIER};{NUMBER if n % 2 else 'X-' + str(n)};Mugg {n} åäö ÅÄÖ é;1;{n},50"
             for n in range(40)]
    latin = follow_up(joint, [write_csv(tmp_path / "haninge.csv", rows, encoding="cp1252")], snapshot=False)
    (tmp_path / "utf8").mkdir()
    twin = follow_up(joint, [write_csv(tmp_path / "utf8" / "haninge.csv", rows)], snapshot=False)
    assert latin.to_json()["by_month"] == twin.to_json()["by_month"] and latin.lines == twin.lines == 40
    assert {o["name"] for o in latin.outside_largest} == {o["name"] for o in twin.outside_largest}
    assert any("åäö ÅÄÖ é" in o["name"] for o in latin.outside_largest)
    # and the fast path is the one taken: re-encoding is never asked for
    monkeypatch.setattr(load, "_utf8_parts", lambda *args: (_ for _ in ()).throw(AssertionError("re-encoded")))
    follow_up(joint, [tmp_path / "haninge.csv"], snapshot=False)


def test_a_replacement_named_by_an_id_linked_away_is_its_survivor(joint: Path, tmp_path: Path) -> None:
    """A purchase of a replaced article names the replacement to buy instead: the survivor of a link when the
    Ersätts av was written before two articles were linked."""
    from workbench.cli import main
    from workbench.reading.importer import read_table

    table = read_table(joint)
    keys = [str(k) for k in table.keys][:3]
    gtins = dict(zip(map(str, table.keys), table.data[table.columns["gtin"]], strict=True))
    survivor, linked, replaced = keys
    assert main(["link", str(joint), survivor, linked]) == 0
    decisions = tmp_path / "beslut.csv"
    decisions.write_text(f"key,decision,replaced_by\n{replaced},Ersätt,{linked}\n", encoding="utf-8")
    assert main(["apply", str(joint), "--decisions", str(decisions)]) == 0
    purchases = write_csv(tmp_path / "salem.csv", ["Datum;Kommun;EAN;Benämning;Antal;Belopp",
                                                   f"2025-03-01;Salem;{gtins[replaced]};Inköp;2;10,00"])
    result = follow_up(joint, [purchases], snapshot=False)
    assert [(r.key, r.replacement) for r in result.removed_bought] == [(replaced, survivor)]
