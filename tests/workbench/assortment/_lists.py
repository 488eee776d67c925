"""Seeded municipalities' lists drawn from one shared catalogue, with the noise real lists have, and
the truth of which rows are the same article.

Each list has its own habits (GTIN as text, as an Excel float or int, or no GTIN column; the supplier
spelled "Nordisk Engångs AB" or "NORDISK ENGÅNGS AKTIEBOLAG"; article numbers "NE-1234" or "ne 1234";
names in other case and spacing; units "st" or "styck"; no pack size column), and rows have their
accidents (a GTIN left out or mistyped, the same article twice). The catalogue holds the near twins
that must stay apart: one name in several sizes, one name in two pack sizes, one name from two
suppliers, articles without GTIN.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from _gs1 import with_check_digit

from workbench.assortment.matching import SourceRow

# (canonical name, prefix of its article numbers, other spellings seen in lists)
SUPPLIERS = [
    ("Nordisk Engångs AB", "NE", ["NORDISK ENGÅNGS AKTIEBOLAG", "Nordisk Engångs", "nordisk engångs ab"]),
    ("Abena AB", "AB", ["ABENA AKTIEBOLAG", "Abena", "abena ab"]),
    ("Essity Hygiene and Health AB", "ES", ["ESSITY HYGIENE AND HEALTH AKTIEBOLAG", "Essity Hygiene and Health"]),
    ("Lyreco Oy", "LY", ["LYRECO OY AB", "Lyreco"]),
    ("Orkla Care AS", "OC", ["Orkla Care A/S", "ORKLA CARE"]),
    ("Duni AB", "DU", ["DUNI AKTIEBOLAG", "duni"]),
    ("Mediq Sverige AB", "MQ", ["MEDIQ SVERIGE AKTIEBOLAG", "Mediq Sverige"]),
    ("Papyrus Norden AB", "PN", ["Papyrus Norden Aktiebolag", "PAPYRUS NORDEN"]),
    ("Städgrossisten i Norr AB", "SN", ["STÄDGROSSISTEN I NORR AB", "Städgrossisten i Norr"]),
    ("Åkessons Förpackningar AB", "ÅF", ["ÅKESSONS FÖRPACKNINGAR AKTIEBOLAG", "Åkessons förpackningar"]),
]
PRODUCTS = ["Handske nitril puderfri", "Handske vinyl", "Förkläde PE", "Mugg papper", "Tallrik bagasse",
            "Servett", "Toalettpapper", "Torkpapper", "Sopsäck", "Påse plast", "Bestick trä", "Lock mugg",
            "Handsprit gel", "Diskmedel", "Golvrengöring", "Skyddsmask", "Sugrör papper", "Pappershandduk",
            "Plastmugg", "Engångsbricka", "Folie aluminium", "Fryspåse", "Kaffefilter", "Glasskål"]
VARIANTS = ["S", "M", "L", "XL", "vit", "blå", "svart", "20 cl", "30 cl", "40 cl", "liten", "stor"]
UNITS = {"st": ["st", "ST", "styck", "St."], "förp": ["förp", "fp", "FÖRP", "Förpackning"],
         "krt": ["krt", "Kartong", "KRT"], "par": ["par", "PAR", "Par"]}
PACK_SIZES = [1, 10, 20, 50, 100, 200, 250, 500, 1000]


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    supplier: int
    article_no: int
    gtin: str | None
    name: str
    unit: str
    pack_size: int


def catalogue(size: int, rng: random.Random) -> list[Article]:
    """Distinct articles: no two share supplier + name + unit + pack size, article numbers are unique
    per supplier, GTINs unique; some names come in two pack sizes or from two suppliers."""
    articles: list[Article] = []
    seen: set[tuple[int, str, str, int]] = set()
    gtins: set[str] = set()
    while len(articles) < size:
        supplier = rng.randrange(len(SUPPLIERS))
        name = f"{rng.choice(PRODUCTS)} {rng.choice(VARIANTS)}"
        if rng.random() < 0.5:
            name += f" {rng.randrange(1, 400)}"
        unit = rng.choice(list(UNITS))
        pack = rng.choice(PACK_SIZES)
        twins = [(supplier, name, unit, pack)]
        if rng.random() < 0.08:  # the same name in another pack size
            twins.append((supplier, name, unit, rng.choice([p for p in PACK_SIZES if p != pack])))
        if rng.random() < 0.05:  # the same name from another supplier
            twins.append(((supplier + 1) % len(SUPPLIERS), name, unit, pack))
        for twin in twins:
            if twin in seen or len(articles) >= size:
                continue
            seen.add(twin)
            gtin = _new_gtin(rng, gtins)
            articles.append(Article(len(articles), twin[0], len(articles) + 1000, gtin, *twin[1:]))
    return articles


def _new_gtin(rng: random.Random, taken: set[str]) -> str | None:
    roll = rng.random()
    if roll < 0.15:
        return None  # articles sold without a GTIN in any list
    while True:
        if roll < 0.25:  # a GTIN-12 (UPC) with a leading zero: a number loses it
            gtin = with_check_digit("0" + "".join(rng.choice("0123456789") for _ in range(10)))
        else:
            gtin = with_check_digit("73" + "".join(rng.choice("0123456789") for _ in range(10)))
        if gtin not in taken:
            taken.add(gtin)
            return gtin


@dataclass(frozen=True, slots=True)
class ListStyle:
    gtin: str  # "text", "float", "int", "text_no_zero" (GTIN-12 with its zero gone) or "absent"
    supplier_spelling: int  # 0 = canonical, else the n-th other spelling (wrapping)
    article_no: str  # "dash", "lower_space", "plain", "lower_dot" or "absent"
    name_case: str  # "as_is", "upper", "lower", "spaced"
    unit_spelling: int
    has_pack_size: bool


STYLES = [
    ListStyle("text", 0, "dash", "as_is", 0, True),
    ListStyle("float", 1, "lower_space", "upper", 1, True),
    ListStyle("int", 2, "plain", "lower", 2, False),
    ListStyle("absent", 1, "dash", "spaced", 3, True),
    ListStyle("text_no_zero", 0, "lower_dot", "as_is", 1, True),
    ListStyle("float", 2, "absent", "lower", 0, True),
    ListStyle("text", 3, "lower_space", "upper", 2, False),
    ListStyle("absent", 0, "absent", "spaced", 0, True),  # names only: supplier, name, unit, pack size
]
MUNICIPALITIES = ["Alingsås", "Borås", "Falköping", "Herrljunga", "Lerum", "Skövde", "Ulricehamn", "Vårgårda"]


@dataclass(frozen=True, slots=True)
class GeneratedLists:
    rows: list[SourceRow]
    truth: list[int]  # per row: the catalogue article it is
    catalogue: list[Article]


def generate(seed: int = 15, lists: int = 8, per_list: int = 500, catalogue_size: int = 900) -> GeneratedLists:
    rng = random.Random(seed)
    articles = catalogue(catalogue_size, rng)
    rows: list[SourceRow] = []
    truth: list[int] = []
    for index in range(lists):
        municipality = MUNICIPALITIES[index % len(MUNICIPALITIES)] + ("" if index < len(MUNICIPALITIES) else
                                                                       f" {index}")
        style = STYLES[index % len(STYLES)]
        chosen = rng.sample(articles, min(per_list, len(articles)))
        chosen += [rng.choice(chosen) for _ in range(max(1, per_list // 200))]  # the same article twice
        for line, article in enumerate(chosen, start=2):
            rows.append(_row(article, style, municipality, line, rng))
            truth.append(article.id)
    return GeneratedLists(rows, truth, articles)


def _row(article: Article, style: ListStyle, municipality: str, line: int, rng: random.Random) -> SourceRow:
    name, prefix, others = SUPPLIERS[article.supplier]
    spellings = [name, *others]
    supplier = spellings[style.supplier_spelling % len(spellings)]
    if rng.random() < 0.02:  # a list is not even consistent with itself
        supplier = rng.choice(spellings)
    return SourceRow(
        municipality=municipality,
        file=f"{municipality}.xlsx",
        sheet_row=line,
        source_key=f"{municipality[:3].upper()}{line:05d}",
        gtin=_gtin(article.gtin, style.gtin, rng),
        supplier=supplier,
        supplier_article_no=_article_no(prefix, article.article_no, style.article_no, rng),
        name=_name(article.name, style.name_case),
        unit=UNITS[article.unit][style.unit_spelling % len(UNITS[article.unit])],
        pack_size=article.pack_size if style.has_pack_size else None,
        quantity=float(rng.randrange(1, 5000)),
        spend=round(rng.uniform(10, 50000), 2),
    )


def _gtin(gtin: str | None, style: str, rng: random.Random) -> object:
    if gtin is None or style == "absent":
        return None
    roll = rng.random()
    if roll < 0.05:
        return None  # left out on this row
    if roll < 0.06:  # one digit mistyped: the check digit catches it
        position = rng.randrange(len(gtin))
        gtin = gtin[:position] + str((int(gtin[position]) + rng.randrange(1, 10)) % 10) + gtin[position + 1:]
    if style == "float":
        return float(gtin)
    if style == "int":
        return int(gtin)
    if style == "text_no_zero":
        return gtin.lstrip("0")
    return gtin


def _article_no(prefix: str, number: int, style: str, rng: random.Random) -> str | None:
    if style == "absent" or rng.random() < 0.03:
        return None
    return {"dash": f"{prefix}-{number}", "lower_space": f"{prefix.lower()} {number}", "plain": f"{prefix}{number}",
            "lower_dot": f"{prefix.lower()}.{number}"}[style]


def _name(name: str, style: str) -> str:
    if style == "upper":
        return name.upper()
    if style == "lower":
        return name.lower()
    if style == "spaced":
        return "  " + name.replace(" ", "  ") + " "
    return name
