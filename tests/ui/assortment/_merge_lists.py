"""Three small municipal lists in three real formats, some rows shared by GTIN or supplier article number.

Botkyrka (xlsx, a title row above the header), Huddinge (a cp1252 ``;`` csv with decimal commas, file
name only: its municipality comes from its "Kommun" column) and Nacka (xlsx, English headers, named by
the file). The truth: which joint articles the rows make and their summed quantities.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter


def gtin13(body: str) -> str:
    """``body`` (12 digits) with its GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


GLOVE = gtin13("735000000001")
CUP = gtin13("735000000002")
NAPKIN = gtin13("735000000003")
BAG = gtin13("735000000004")

# (key, name, supplier, supplier article no, gtin, unit, price, quantity)
BOTKYRKA = [
    ("B-100", "Handske nitril M", "Abena AB", "AB-4411", GLOVE, "förp", 55.0, 1200),
    ("B-101", "Mugg kartong 20 cl", "Duni AB", "DU-2020", CUP, "st", 0.85, 30000),
    ("B-102", "Servett vit 33x33", "Duni AB", "DU-3333", NAPKIN, "förp", 42.5, 800),
    ("B-103", "Diskborste trä", "Städ & Co", "SC-77", "", "st", 19.0, 150),
]
HUDDINGE = [
    ("H1", "Nitrilhandske stl M", "ABENA", "AB-4411", GLOVE, "förp", 54.5, 900),
    ("H2", "Pappmugg 20cl", "Duni", "DU2020", "", "st", 0.9, 12000),
    ("H3", "Sopsäck 125 l", "Plastbolaget", "PB-125", BAG, "rle", 89.0, 300),
]
NACKA = [
    ("N-1", "Glove nitrile M", "Abena", "AB 4411", GLOVE, "pack", 56.0, 700),
    ("N-2", "Napkin white 33x33", "Duni AB", "DU-3333", NAPKIN, "pack", 41.0, 500),
    ("N-3", "Bin bag 125 l", "Plastbolaget AB", "PB125", BAG, "roll", 88.0, 200),
    ("N-4", "Wooden dish brush", "Städ & Co", "SC-99", "", "pcs", 21.0, 90),
]

#: joint articles by a name in Botkyrka's list (or the list that brings it) -> summed quantity
TRUTH = {
    GLOVE: 1200 + 900 + 700,
    CUP: 30000 + 12000,
    NAPKIN: 800 + 500,
    BAG: 300 + 200,
}
ARTICLES = 6  # glove, cup, napkin, bag, two dish brushes (different supplier article numbers)
SOURCE_ROWS = len(BOTKYRKA) + len(HUDDINGE) + len(NACKA)


def botkyrka_xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write(0, 0, "Botkyrka kommun – förbrukningsmaterial 2025")
    sheet.write_row(2, 0, ["Artikelnummer", "Benämning", "Leverantör", "Lev. art.nr", "GTIN", "Enhet", "Pris",
                           "Antal"])
    for r, row in enumerate(BOTKYRKA, start=3):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value)
    book.close()
    return path


def huddinge_csv(path: Path) -> Path:
    lines = ["Artikelnr;Benämning;Leverantör;Leverantörens artikelnummer;EAN;Enhet;Pris;Antal;Kommun"]
    for key, name, supplier, art_no, gtin, unit, price, quantity in HUDDINGE:
        lines.append(";".join([key, name, supplier, art_no, gtin, unit, f"{price:.2f}".replace(".", ","),
                               str(quantity), "Huddinge"]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def nacka_xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Items")
    sheet.write_row(0, 0, ["Item no", "Description", "Supplier", "Supplier item no", "GTIN", "Unit", "Price",
                           "Quantity"])
    for r, row in enumerate(NACKA, start=1):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value)
    book.close()
    return path


def make_lists(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [botkyrka_xlsx(folder / "Botkyrka artiklar 2025.xlsx"), huddinge_csv(folder / "inkop_hud.csv"),
            nacka_xlsx(folder / "Nacka.xlsx")]


SOAP = gtin13("735000000005")
# Nacka's list a year on: the dish brush is gone, hand soap is new, the gloves' quantity changed
NACKA_2026 = [
    ("N-1", "Glove nitrile M", "Abena", "AB 4411", GLOVE, "pack", 56.0, 650),
    ("N-2", "Napkin white 33x33", "Duni AB", "DU-3333", NAPKIN, "pack", 41.0, 500),
    ("N-3", "Bin bag 125 l", "Plastbolaget AB", "PB125", BAG, "roll", 88.0, 200),
    ("N-5", "Hand soap 500 ml", "Kiilto", "KI-500", SOAP, "pcs", 35.0, 400),
]


def nacka_2026_xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Items")
    sheet.write_row(0, 0, ["Item no", "Description", "Supplier", "Supplier item no", "GTIN", "Unit", "Price",
                           "Quantity"])
    for r, row in enumerate(NACKA_2026, start=1):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value)
    book.close()
    return path
