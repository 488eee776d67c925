"""The eight Södertörn municipalities' own article lists (issue 15), and the truth of which rows are
the same article.

Every list is drawn from one shared catalogue of true articles (the product families and suppliers of
``make_sample``) plus a few articles that only that municipality buys, and each comes from its own
e-commerce system, so each has its own format and habits: title rows and a total row, a cp1252 csv
with decimal commas, English headers, ods and xls (made by LibreOffice), an Excel table, GTINs stored
as numbers (a GTIN-12 then loses its leading zero), as text, as GTIN-14 or not at all, supplier names
and article numbers spelled differently, names in other case and spacing. Rows have their accidents:
a GTIN left out or mistyped, the same article on two rows, a line nobody can identify, and a handful
of rows that are truly a catalogue article but share no identifier with the other lists (the hard
cases a person links by hand).

``truth.csv`` (``file,row,article``) gives the catalogue article of every article row; ``row`` is the
row a spreadsheet program shows (for csv the record number with the header as 1). The xlsx and csv
files are byte-identical for the same seed; the ods and xls files hold the same cells (LibreOffice
stamps its own dates into them).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample import DEPARTMENTS, MUNICIPALITIES, SUPPLIER_PREFIX, SUPPLIERS, _name
from make_sample import LIST_FAMILIES as FAMILIES

__all__ = ["LIST_SEED", "write_lists"]

LIST_SEED = 20261201
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "resources" / "sample" / "kommuner"
PERIOD = "2025-01-01 – 2025-12-31"
CREATED = dt.datetime(2026, 1, 20, 9, 0, 0)

# Suppliers only one municipality buys from (invented, like every supplier here), with their prefix.
LOCAL_SUPPLIERS = {
    "Botkyrka": ("Tumbaslättens Kemprodukter AB", "TK"),
    "Haninge": ("Handenkompaniet Papper AB", "HP"),
    "Huddinge": ("Flemingsbergs Förbrukningslager AB", "FF"),
    "Nykvarn": ("Nykvarnsdepån AB", "ND"),
    "Nynäshamn": ("Skärgårdsgrossisten Nynäs AB", "SG"),
    "Salem": ("Rönningeförrådet AB", "RF"),
    "Södertälje": ("Kanalgrossisten i Södertälje AB", "KG"),
    "Tyresö": ("Fjärdens Storkök AB", "FS"),
}
# Lines no system identifies: a free-text purchase with a name at most (each its own article).
UNIDENTIFIED = ("Förbrukningsmaterial enl. faktura", "Direktköp engångsartiklar", "Övrigt städmaterial",
                "Fritextbeställning hygien")


@dataclass(frozen=True)
class Article:
    """A true article: one supplier's product in one variant and pack size."""

    id: str
    name: str
    category: str
    supplier: str  # canonical spelling
    article_no: str
    gtin: str | None  # digits as the supplier gives them: GTIN-13, or GTIN-12 with its leading zero
    unit: str
    pack: int
    price: float
    volume: float  # yearly units at the largest municipality
    family: int = -1  # the index of its family in FAMILIES (the consolidation truth), -1 for none
    variant: int = -1  # the index of its variant in the family


@dataclass
class Line:
    """One row of one list before it is spelled out in the list's own way."""

    article: Article
    quantity: int
    price: float
    department: str
    key: str | None
    gtin: str | None  # None: this row has no GTIN; may carry a wrong check digit
    article_no: str | None
    supplier: str | None
    name: str | None


def _check_digit(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def _new_gtin(rng: random.Random, taken: set[str]) -> str | None:
    roll = rng.random()
    while True:
        if roll < 0.015:
            return None  # an own brand without GTIN
        # mostly Swedish GS1 prefixes (73), some UPC-A from American makers (GTIN-12, leading zero)
        body = "0" + str(rng.randrange(10**9, 10**10)) if roll < 0.07 else "73" + str(rng.randrange(10**9, 10**10))
        gtin = body + _check_digit(body)
        if gtin not in taken and not gtin.endswith("000"):  # a float ending in zeros reads as rounded
            taken.add(gtin)
            return gtin


def _new_number(rng: random.Random, prefix: str, taken: set[str]) -> str:
    while True:
        number = f"{prefix}-{rng.randrange(10000, 999999)}" if prefix else str(rng.randrange(100000, 999999))
        if number not in taken:
            taken.add(number)
            return number


def catalogue(rng: random.Random) -> tuple[list[Article], dict[str, list[Article]]]:
    """The shared catalogue and, per municipality, the articles only it buys."""
    gtins: set[str] = set()
    numbers: set[str] = set()
    shared: list[Article] = []

    def article(family_index: int, variant_index: int, template: int, supplier: str, prefix: str,
                pack_factor: int = 1) -> Article:
        family = FAMILIES[family_index]
        variant = family.variants[variant_index]
        size_factor = 1.0 + 0.18 * variant_index if len(family.variants) <= 4 else 1.0 + 0.04 * variant_index
        return Article(
            id="", name=_name(family.templates[template], variant), category=family.category,
            supplier=supplier, article_no=_new_number(rng, prefix, numbers), gtin=_new_gtin(rng, gtins),
            unit=family.unit, pack=family.pack * pack_factor,
            price=round(family.price * size_factor * pack_factor * 0.97 * rng.uniform(0.9, 1.12), 2),
            volume=family.volume / pack_factor, family=family_index, variant=variant_index)

    for f_index, family in enumerate(FAMILIES):
        suppliers = SUPPLIERS[family.category]
        for v_index in range(len(family.variants)):
            count = min(len(family.templates), len(suppliers))
            for choice, supplier in enumerate(rng.sample(suppliers, count)):
                if choice and rng.random() < 0.15:
                    continue
                shared.append(article(f_index, v_index, choice, supplier, SUPPLIER_PREFIX[supplier]))
                if family.unit == "förp" and family.pack >= 50 and rng.random() < 0.06:
                    # the same name in a double pack: a near twin that must stay apart
                    shared.append(article(f_index, v_index, choice, supplier, SUPPLIER_PREFIX[supplier], 2))
    local: dict[str, list[Article]] = {}
    for municipality, (supplier, prefix) in LOCAL_SUPPLIERS.items():
        local[municipality] = []
        for _ in range(rng.randrange(14, 30)):
            f_index = rng.randrange(len(FAMILIES))
            family = FAMILIES[f_index]
            v_index, template = rng.randrange(len(family.variants)), rng.randrange(len(family.templates))
            candidate = article(f_index, v_index, template, supplier, prefix)
            if all(a.name != candidate.name for a in local[municipality]):
                local[municipality].append(candidate)
    number = 0
    for articles in (shared, *local.values()):
        for index, item in enumerate(articles):
            number += 1
            articles[index] = replace(item, id=f"A{number:04d}")
    return shared, local


def _lines(rng: random.Random, municipality: str, shared: list[Article], local: list[Article],
           next_id: Callable[[], str]) -> list[Line]:
    """Which articles the municipality bought, how many, at what price, with a few accidents."""
    size = MUNICIPALITIES[municipality]
    share = 0.72 + 0.25 * size
    chosen = [a for a in shared if rng.random() < share] + local
    contract = rng.uniform(0.95, 1.06)
    lines = []
    for item in chosen:
        departments = DEPARTMENTS[item.category]
        quantity = max(1, round(item.volume * (0.15 + size) * rng.lognormvariate(0, 0.6) / 2))
        lines.append(Line(item, quantity, round(item.price * contract * rng.uniform(0.98, 1.02), 2),
                          departments[min(int(rng.expovariate(1.2)), len(departments) - 1)], None,
                          item.gtin, item.article_no, item.supplier, item.name))
    for line in rng.sample(lines, 3):  # the same article twice: bought by two departments
        department = rng.choice(DEPARTMENTS[line.article.category])
        twin = replace(line, quantity=max(1, line.quantity // 3), department=department)
        lines.insert(rng.randrange(len(lines)), twin)
    for _ in range(2):
        unknown = Article(next_id(), rng.choice(UNIDENTIFIED), "", "", "", None, "st", 1, 0.0, 0.0)
        lines.insert(rng.randrange(len(lines)), Line(unknown, 1, round(rng.uniform(300, 9000), 2), "", None, None,
                                                     None, None, unknown.name))
    for line in rng.sample(lines, 12):  # a GTIN the system did not have
        line.gtin = None
    for line in rng.sample(lines, 3):  # a GTIN typed with the wrong check digit
        if line.gtin:
            line.gtin = line.gtin[:-1] + str((int(line.gtin[-1]) + rng.randrange(1, 10)) % 10)
    for line in rng.sample([x for x in lines if x.article.supplier], 3):  # a manual order line: name only
        line.gtin = line.article_no = None
    return lines


def _hard_case(line: Line, how: str) -> None:
    """A row truly of its article that shares no identifier with the other lists."""
    line.gtin = None
    if how == "supplier":  # typed by hand: no rule makes "och" of "&"
        line.supplier = (line.supplier or "").replace(" & ", " och ").removesuffix(" AB")
    elif how == "typo":  # two digits of the article number swapped
        text = line.article_no or ""
        line.article_no = text[:-2] + text[-1] + text[-2]
    else:  # the number left out and the name written another way
        line.article_no = None
        line.name = f"{line.name} ({line.article.pack} st/förp)"


# ---- spellings -----------------------------------------------------------------------------------

def _supplier(name: str | None, style: str, rng: random.Random) -> str | None:
    if not name:
        return None
    bare = name.removesuffix(" AB")
    if style == "mixed":
        style = rng.choice(("canonical", "upper", "bare", "lower"))
    return {"canonical": name, "upper": f"{bare.upper()} AKTIEBOLAG", "bare": bare, "lower": name.lower(),
            "publ": f"{bare} AB (publ)" if name.endswith(" AB") else f"{name} AB"}[style]


def _article_no(number: str | None, style: str) -> str | None:
    if not number:
        return None
    if "-" not in number:
        return number
    prefix, digits = number.split("-")
    return {"dash": number, "space": f"{prefix.lower()} {digits}", "compact": f"{prefix}{digits}",
            "dot": f"{prefix}.{digits}"}[style]


def _article_name(name: str | None, style: str, rng: random.Random) -> str | None:
    if not name:
        return None
    if style == "upper" or (style == "some_upper" and rng.random() < 0.3):
        return name.upper()
    if style == "spacing" and rng.random() < 0.3:
        return name.replace(" ", "  ", 1) + " "
    return name


UNITS_SV = {"förp": "förp", "rulle": "rulle", "st": "st", "kartong": "kartong", "paket": "paket"}
UNITS_ABBR = {"förp": "FP", "rulle": "RLE", "st": "ST", "kartong": "KRT", "paket": "PKT"}
UNITS_DOT = {"förp": "förp.", "rulle": "rl", "st": "st.", "kartong": "kart", "paket": "paket"}
UNITS_EN = {"förp": "pack", "rulle": "roll", "st": "pcs", "kartong": "carton", "paket": "package"}


@dataclass(frozen=True)
class Style:
    """How one municipality's system writes its list."""

    file: str
    headers: tuple[tuple[str, str], ...]  # (field, header) in column order
    supplier: str = "canonical"
    article_no: str = "dash"
    name: str = "as_is"
    units: dict[str, str] | None = None
    gtin: str = "text"  # text | gtin14 | number
    key_prefix: str = ""
    hard: tuple[str, ...] = ()


def _h(*pairs: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.split("=", 1)[0], pair.split("=", 1)[1]) for pair in pairs)


STYLES = {
    "Botkyrka": Style("Botkyrka.xlsx", _h("key=Artikelnr", "name=Benämning", "category=Kategori",
                      "supplier=Leverantör", "article_no=Lev. art.nr", "gtin=GTIN", "unit=Enhet",
                      "pack=Antal/förp", "price=Pris", "quantity=Antal", "spend=Belopp", "material=Material",
                      "weight=Vikt per st (g)"), key_prefix="BK"),
    "Haninge": Style("Haninge.csv", _h("key=Artikelnummer", "name=Artikelbenämning", "supplier=Leverantörsnamn",
                     "article_no=Leverantörens artikelnummer", "gtin=EAN", "unit=Enhet", "pack=Förp.storlek",
                     "price=À-pris", "quantity=Antal", "spend=Summa kr"), supplier="bare", article_no="space",
                     key_prefix="00", name="some_upper", units=UNITS_ABBR, hard=("other_name", "other_name")),
    "Huddinge": Style("Huddinge.xlsx", _h("key=Item no", "name=Description", "supplier=Supplier",
                      "article_no=Supplier item no", "gtin=GTIN", "unit=Unit", "pack=Pack size",
                      "price=Unit price", "quantity=Quantity", "spend=Spend", "municipality=Municipality"),
                      supplier="upper", article_no="compact", units=UNITS_EN, key_prefix="HU-"),
    "Nykvarn": Style("Nykvarn.ods", _h("key=Art.nr", "name=Benämning", "supplier=Leverantör",
                     "article_no=Lev art nr", "gtin=EAN-kod", "unit=Enhet", "price=Pris", "quantity=Antal",
                     "spend=Belopp"), supplier="lower", gtin="number", key_prefix="NK"),
    "Nynäshamn": Style("Nynäshamn.xls", _h("key=Artikelnr", "name=Produktnamn", "supplier=Lev.",
                       "article_no=Lev.artnr", "unit=Enhet", "pack=St per förp", "price=Pris/enhet",
                       "quantity=Köpt antal", "spend=Inköpsvärde", "department=Förvaltning"), supplier="publ",
                       article_no="dot", name="spacing", units=UNITS_DOT, hard=("supplier", "supplier")),
    "Salem": Style("Salem.xlsx", _h("key=Artikel-nr", "name=Artikelnamn", "category=Kategori",
                   "supplier=Leverantör", "article_no=Leverantörsartikelnummer", "gtin=GTIN", "unit=Enhet",
                   "pack=Antal/förp", "price=Avtalspris", "quantity=Antal", "spend=Belopp",
                   "municipality=Kommun", "material=Materialtyp", "weight=Vikt (g)"), gtin="gtin14", key_prefix="S"),
    "Södertälje": Style("Södertälje.xlsx", _h("key=Vårt artikelnummer", "name=Benämning", "category=Varugrupp",
                        "supplier=Leverantör", "article_no=Lev. art.nr", "gtin=GTIN", "unit=Förpackningsenhet",
                        "pack=Förpackningsstorlek", "price=Styckpris", "quantity=Kvantitet", "spend=Kostnad",
                        "department=Förvaltning", "material=Material"), supplier="mixed", article_no="compact",
                        gtin="number",
                        hard=("other_name",)),
    "Tyresö": Style("Tyresö.csv", _h("supplier=Leverantör", "article_no=Lev artikelnummer", "name=Benämning",
                    "unit=Enhet", "pack=Förp.storlek", "price=Pris", "quantity=Antal", "spend=Belopp"),
                    supplier="upper", article_no="space", hard=("typo", "typo")),
}


def _cells(line: Line, style: Style, municipality: str, rng: random.Random) -> dict[str, object]:
    """The line's values by field, spelled the list's way (None: empty cell)."""
    gtin: object = line.gtin
    if line.gtin and style.gtin == "gtin14":
        gtin = line.gtin.zfill(14)
    elif line.gtin and style.gtin == "number":
        gtin = float(line.gtin)  # an Excel number: a GTIN-12 loses its leading zero
    unit = line.article.unit if line.name and line.article.supplier else None
    article_no: object = _article_no(line.article_no, style.article_no)
    if style.gtin == "number" and isinstance(article_no, str) and article_no.isdigit():
        article_no = int(article_no)  # the same system stores every number-like code as a number
    return {
        "key": line.key, "name": _article_name(line.name, style.name, rng), "category": line.article.category or None,
        "supplier": _supplier(line.supplier, style.supplier, rng), "gtin": gtin,
        "article_no": article_no,
        "unit": (style.units or UNITS_SV)[unit] if unit else None,
        "pack": line.article.pack if line.article.supplier else None,
        "price": line.price if line.article.supplier else None, "quantity": line.quantity,
        "spend": round(line.price * line.quantity, 2), "municipality": municipality,
        "department": line.department or None,
        # what three of the lists also say of the product (the environment counts plastic and CO2e from it)
        "material": _material(line.article) if line.article.supplier else None,
        "weight": _weight_g(line.article) if line.article.supplier else None,
    }


def _material(article: Article) -> str | None:
    if article.family < 0:
        return None
    family = FAMILIES[article.family]
    return family.variants[article.variant].get("mat", family.material) or None


def _weight_g(article: Article) -> float | None:
    """Grams per piece: the family's weight, larger for its larger variants (as the price grows)."""
    if article.family < 0:
        return None
    family = FAMILIES[article.family]
    size_factor = 1.0 + 0.18 * article.variant if len(family.variants) <= 4 else 1.0 + 0.04 * article.variant
    return round(family.weight_g * size_factor, 1)


def build(seed: int = LIST_SEED) -> dict[str, tuple[Style, list[dict[str, object]], list[str]]]:
    """Per municipality: its style, its rows (field -> value) in list order and each row's article."""
    rng = random.Random(seed)
    shared, local = catalogue(rng)
    counter = [sum(len(a) for a in (shared, *local.values()))]

    def next_id() -> str:
        counter[0] += 1
        return f"A{counter[0]:04d}"

    result = {}
    for municipality, style in STYLES.items():
        lines = _lines(rng, municipality, shared, local[municipality], next_id)
        if municipality in ("Botkyrka", "Nynäshamn", "Södertälje"):
            unknown = next(line for line in reversed(lines) if not line.article.supplier)
            unknown.name = None  # a free-text line left empty: an amount and nothing to know it by
        if municipality in ("Salem", "Huddinge"):
            lines.sort(key=lambda line: (line.article.category, line.name or ""))
        candidates = [x for x in lines if x.article.supplier and x.article_no and x.gtin is not None]
        for how in style.hard:
            pool = [x for x in candidates if " & " in (x.supplier or "")] if how == "supplier" else candidates
            chosen = rng.choice(pool)
            candidates.remove(chosen)
            _hard_case(chosen, how)
        if "key" in dict(style.headers):
            keys: dict[str, str] = {}
            used: set[str] = set()
            for line in lines:
                if not line.article.supplier or (line.article_no is None and line.gtin is None):
                    continue  # a free-text line has no article number of its own
                if line.article.id not in keys:
                    key = ""
                    while not key or key in used:
                        key = f"{style.key_prefix}{rng.randrange(10000, 99999)}"
                    used.add(key)
                    keys[line.article.id] = key
                line.key = keys[line.article.id]
        rows = [_cells(line, style, municipality, rng) for line in lines]
        result[municipality] = (style, rows, [line.article.id for line in lines])
    return result


# ---- writers -------------------------------------------------------------------------------------

def _workbook(path: Path, title: str) -> xlsxwriter.Workbook:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties({"title": title, "author": "E-handelssystemet", "created": CREATED})
    return book


def _write_row(sheet: object, row: int, values: Sequence[object], formats: Sequence[object | None]) -> None:
    for col, (value, fmt) in enumerate(zip(values, formats, strict=True)):
        if value is None:
            continue
        if isinstance(value, str):
            sheet.write_string(row, col, value, fmt)  # type: ignore[attr-defined]
        else:
            sheet.write_number(row, col, value, fmt)  # type: ignore[attr-defined]


def _xlsx(path: Path, style: Style, rows: list[dict[str, object]], municipality: str, *, title: bool = False,
          table: bool = False, gtin_format: str | None = None) -> list[int]:
    """Write one xlsx list; returns the sheet row (1-based) of every article row."""
    book = _workbook(path, f"Artikelstatistik {municipality}")
    fields = [f for f, _ in style.headers]
    money = book.add_format({"num_format": "#,##0.00"})
    formats: list[object | None] = [money if f in ("price", "spend") else None for f in fields]
    if gtin_format and "gtin" in fields:
        formats[fields.index("gtin")] = book.add_format({"num_format": gtin_format})
    sheet = book.add_worksheet("Artiklar" if not table else "Inköp 2025")
    first = 0
    if title:
        bold = book.add_format({"bold": True, "font_size": 14})
        sheet.write_string(0, 0, f"{municipality} kommun – artikelstatistik e-handel", bold)
        sheet.write_string(1, 0, f"Period: {PERIOD}")
        first = 3
    values = [[row[f] for f in fields] for row in rows]
    if table:
        sheet.add_table(first, 0, first + len(values), len(fields) - 1, {
            "name": "Inkop2025", "style": "Table Style Medium 2",
            "columns": [{"header": header} for _, header in style.headers]})
    else:
        header_format = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        for col, (_, header) in enumerate(style.headers):
            sheet.write_string(first, col, header, header_format)
    for offset, row_values in enumerate(values):
        _write_row(sheet, first + 1 + offset, row_values, formats)
    if title:  # the total row a report ends with
        total = [None] * len(fields)
        total[0] = "Summa"
        for name in ("quantity", "spend"):
            total[fields.index(name)] = round(sum(float(v[fields.index(name)]) for v in values), 2)  # type: ignore[arg-type]
        _write_row(sheet, first + 1 + len(values), total, [book.add_format({"bold": True})] * len(fields))
    for col, (_, header) in enumerate(style.headers):
        sheet.set_column(col, col, 40 if fields[col] == "name" else max(10, len(header) + 2))
    sheet.freeze_panes(first + 1, 0)
    book.close()
    return list(range(first + 2, first + 2 + len(values)))


def _number_text(value: object, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.2f}" if not value.is_integer() else str(int(value))
        return text.replace(".", decimal)
    return str(value)


def _csv(path: Path, style: Style, rows: list[dict[str, object]], *, encoding: str, delimiter: str,
         decimal: str) -> list[int]:
    fields = [f for f, _ in style.headers]
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([header for _, header in style.headers])
        for row in rows:
            writer.writerow([_number_text(row[f], decimal) for f in fields])
    return list(range(2, 2 + len(rows)))


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise SystemExit("LibreOffice (soffice) is needed to write the ods and xls lists")
    return found


def _convert(sources: list[Path], target: str, out: Path, work: Path) -> None:
    """Convert xlsx files with LibreOffice (own profile: other instances may be running)."""
    profile = (work / "lo_profile").as_uri()
    subprocess.run([_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(work / target), *map(str, sources)], check=True, capture_output=True,
                   timeout=300)
    for source in sources:
        shutil.move(work / target / f"{source.stem}.{target}", out / f"{source.stem}.{target}")


def write_lists(out: Path = DEFAULT_DIR, seed: int = LIST_SEED) -> list[Path]:
    """Write the eight lists and ``truth.csv`` into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    truth: list[tuple[str, int, str]] = []
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sample_lists_") as temp:
        work = Path(temp)
        to_convert: dict[str, list[Path]] = {"ods": [], "xls": []}
        for municipality, (style, rows, articles) in build(seed).items():
            target = out / style.file
            suffix = target.suffix.lstrip(".")
            if suffix == "csv":
                cp1252 = municipality == "Haninge"
                numbers = _csv(target, style, rows, encoding="cp1252" if cp1252 else "utf-8-sig",
                               delimiter=";" if cp1252 else ",", decimal="," if cp1252 else ".")
            elif suffix in to_convert:
                source = work / f"{target.stem}.xlsx"
                numbers = _xlsx(source, style, rows, municipality, gtin_format="0")
                to_convert[suffix].append(source)
            else:
                numbers = _xlsx(target, style, rows, municipality, title=municipality == "Botkyrka",
                                table=municipality == "Salem")
            truth.extend((style.file, row, article) for row, article in zip(numbers, articles, strict=True))
            written.append(target)
        for suffix, sources in to_convert.items():
            if sources:
                _convert(sources, suffix, out, work)
    with open(out / "truth.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "row", "article"])
        writer.writerows(sorted(truth))
    write_families(out.parent / FAMILIES_NAME, seed)
    return [*written, out / "truth.csv"]


FAMILIES_NAME = "kluster_facit.csv"


def write_families(target: Path, seed: int = LIST_SEED) -> Path:
    """The consolidation truth (issue 17): each catalogue article's family and variant. Two articles of one
    family and variant are the same product (interchangeable: another supplier, another name, another
    pack size); one family in several variants is a range (sizes, volumes, thicknesses, colours)."""
    shared, local = catalogue(random.Random(seed))
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["article", "family", "variant", "name", "supplier", "pack"])
        for article in (*shared, *(a for articles in local.values() for a in articles)):
            writer.writerow([article.id, article.family, article.variant, article.name, article.supplier,
                             article.pack])
    return target
