"""Small real lists in the formats municipalities send (xlsx with a title row and a total row, a cp1252
csv with decimal commas, English headers with GTINs stored as numbers), for the merge tests."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import xlsxwriter


def _xlsx(path: Path, header: list[str], rows: list[list[object]], title: str | None = None,
          total: bool = False) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    first = 0
    if title:
        sheet.write_string(0, 0, title)
        first = 2
    for column, name in enumerate(header):
        sheet.write_string(first, column, name)
    for number, row in enumerate(rows, start=first + 1):
        for column, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(number, column, value)
            else:
                sheet.write_number(number, column, value)
    if total:
        last = first + len(rows) + 1
        sheet.write_string(last, 0, "Summa")
        sheet.write_number(last, header.index("Antal"), sum(float(r[header.index("Antal")] or 0) for r in rows))
    book.close()
    return path


def write_lists(folder: Path) -> dict[str, Path]:
    """Three lists; the same articles recur under other spellings. Returns municipality -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    botkyrka = _xlsx(folder / "botkyrka_2026.xlsx",
                     ["Artikelnummer", "Benämning", "Leverantör", "Lev. art.nr", "EAN", "Enhet", "Antal", "Belopp"],
                     [["B1", "Handske nitril M", "Abena AB", "AB-1234", "7310791000015", "st", 100, 500],
                      ["B2", "Mugg papper 25 cl", "Duni", "D-55", None, "st", 1000, 300],
                      ["B3", "Sopsäck 125 l", "Plastkompaniet", "PK 9", None, "rulle", 40, 800],
                      ["B4", "=Rengöring spray", "Kiilto", "K-7", None, "flaska", 3, 60],
                      ["B5", "Handske nitril M", "Abena AB", "AB-1234", "7310791000015", "st", 20, 100]],
                     title="Botkyrka kommun – artikelstatistik 2026", total=True)
    haninge = folder / "haninge.csv"
    with haninge.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Art.nr", "Artikelnamn", "Leverantör", "Leverantörens artikelnummer", "GTIN", "Enhet",
                         "Antal", "Belopp", "Kommun"])
        writer.writerow(["H1", "Nitrilhandske M", "ABENA Aktiebolag", "ab1234", "7310791000015", "st", "50",
                         "260,50", "Haninge"])
        writer.writerow(["H2", "Mugg papper 25cl", "Duni AB", "D55", "", "st", "500", "140", "Haninge"])
        writer.writerow(["H3", "Diskmedel 1 l", "Kiilto", "K-1", "", "flaska", "20", "400", "Haninge"])
        writer.writerow(["H4", "Tvål flytande", "Kiilto", "", "7310791000022", "flaska", "10", "1 200,00",
                         "Haninge"])
    tyreso = _xlsx(folder / "Tyresö.xlsx",
                   ["Item no", "Product name", "Supplier", "Supplier article no", "GTIN", "Unit", "Quantity",
                    "Spend"],
                   [["T1", "Sopsäck 125 l", "Plastkompaniet", "PK9", None, "rulle", 10, 210.5],
                    ["T2", "Diskmedel 1 l", "Kiilto Oy", "K 1", None, "flaska", 5, 90],
                    ["T3", "Liquid soap", "Kiilto", None, 7310791000022.0, "flaska", 4, 9000],
                    ["T4", "Kaffefilter", None, None, 7310791000091.0, "st", 7, 70]])
    return {"Botkyrka": botkyrka, "Haninge": haninge, "Tyresö": tyreso}


def libreoffice_sheets(path: Path, folder: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``path`` as LibreOffice reads it (its csv export of each sheet, UTF-8)."""
    import pytest
    from _writer_fixtures import SOFFICE

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = folder / "lo_out"
    profile = folder / "lo_profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for produced in out.glob(f"{path.stem}-*.csv"):
        with produced.open(encoding="utf-8", newline="") as handle:
            sheets[produced.stem[len(path.stem) + 1:]] = list(csv.reader(handle))
    assert sheets, "LibreOffice could not read the file"
    return sheets
