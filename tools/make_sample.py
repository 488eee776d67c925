"""Generate the bundled sample workbook ``resources/sample/sodertorn_sortiment.xlsx``.

A fictional but realistic joint assortment of consumables for the eight Södertörn municipalities:
one row per municipality and article, each with its own article number in the joint list, and the
near-duplicates a real list has (the same glove from two suppliers under two names, the same cup in
three sizes). Every supplier name is invented. The script is seeded and writes fixed document
properties, so running it twice gives byte-identical files.

It also writes the eight municipalities' own article lists, each in its own format, and the truth of
which rows are the same article, into ``resources/sample/kommuner/`` (see ``tools/sample_lists.py``;
the ods and xls lists need LibreOffice).

Usage: ``.venv/bin/python tools/make_sample.py [OUT] [--lists DIR | --no-lists]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

SEED = 20261125
ROWS = 2000
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "sample" / "sodertorn_sortiment.xlsx"

TITLE = "Gemensamt sortiment förbrukningsmaterial – Södertörnskommunerna 2026"
SUBTITLE = "Underlag för behovsanalys, inköpsstatistik 2025-01-01–2025-12-31"
HEADERS = (
    "Artikelnummer",
    "Benämning",
    "Kategori",
    "Leverantör",
    "Lev. art.nr",
    "GTIN",
    "Enhet",
    "Antal per förpackning",
    "Pris",
    "Antal",
    "Belopp",
    "Material",
    "Vikt (g)",
    "Miljömärkning",
    "Kommun",
    "Förvaltning",
)
WIDTHS = (13, 44, 21, 30, 13, 15, 9, 12, 11, 10, 14, 11, 9, 15, 12, 36)

# Municipality and its size relative to the largest (by population), which scales volumes.
MUNICIPALITIES = {
    "Botkyrka": 0.85,
    "Huddinge": 1.0,
    "Haninge": 0.8,
    "Nynäshamn": 0.27,
    "Salem": 0.16,
    "Södertälje": 0.9,
    "Tyresö": 0.45,
    "Nykvarn": 0.1,
}

# Fictional suppliers per category, and the article-number prefix each one uses.
SUPPLIERS = {
    "engångsartiklar": ["Nordisk Engångs AB", "Mälardalens Förbrukning AB", "Cateringbolaget Svea"],
    "handskar": ["Skyddshandsken Sverige AB", "MediSkydd Norden AB", "Nordisk Engångs AB"],
    "påsar och säckar": ["Säck & Påse Norden AB", "Städgrossisten Syd", "Miljöpack Sverige AB"],
    "livsmedelsemballage": ["Köksgrossisten Mälardalen AB", "Förpacka Norden AB", "Cateringbolaget Svea"],
    "städ": ["Städgrossisten Syd", "Rengöringsdepån AB", "Hygienkompaniet"],
    "hygien": ["Hygienkompaniet", "MediSkydd Norden AB", "Pappersmakarna i Väst AB"],
    "kontor": ["Kontorsmagasinet Södra AB", "Skrivkompaniet Norden AB"],
}
SUPPLIER_PREFIX = {
    "Nordisk Engångs AB": "NE",
    "Mälardalens Förbrukning AB": "MF",
    "Cateringbolaget Svea": "CS",
    "Skyddshandsken Sverige AB": "SH",
    "MediSkydd Norden AB": "MS",
    "Säck & Påse Norden AB": "SP",
    "Städgrossisten Syd": "",
    "Miljöpack Sverige AB": "MP",
    "Köksgrossisten Mälardalen AB": "KM",
    "Förpacka Norden AB": "FN",
    "Rengöringsdepån AB": "RD",
    "Hygienkompaniet": "HK",
    "Pappersmakarna i Väst AB": "PV",
    "Kontorsmagasinet Södra AB": "",
    "Skrivkompaniet Norden AB": "SK",
}

# Which departments buy from a category (first ones more often).
DEPARTMENTS = {
    "engångsartiklar": ["Kostenheten", "Utbildningsförvaltningen", "Kultur- och fritidsförvaltningen"],
    "handskar": ["Vård- och omsorgsförvaltningen", "Socialförvaltningen", "Kostenheten",
                 "Utbildningsförvaltningen"],
    "påsar och säckar": ["Samhällsbyggnadsförvaltningen", "Kostenheten", "Vård- och omsorgsförvaltningen",
                         "Utbildningsförvaltningen"],
    "livsmedelsemballage": ["Kostenheten", "Vård- och omsorgsförvaltningen"],
    "städ": ["Samhällsbyggnadsförvaltningen", "Utbildningsförvaltningen", "Kultur- och fritidsförvaltningen"],
    "hygien": ["Vård- och omsorgsförvaltningen", "Utbildningsförvaltningen", "Socialförvaltningen",
               "Kultur- och fritidsförvaltningen"],
    "kontor": ["Kommunledningsförvaltningen", "Utbildningsförvaltningen", "Socialförvaltningen",
               "Samhällsbyggnadsförvaltningen"],
}


@dataclass(frozen=True)
class Family:
    """A product in several variants; each name template is one supplier's way of naming it."""

    category: str
    templates: tuple[str, ...]
    variants: tuple[dict[str, str], ...]
    material: str
    unit: str
    pack: int
    weight_g: float  # per piece
    price: float  # kr per unit (enhet) at the first variant
    volume: int  # yearly units for the largest municipality
    labels: tuple[str, ...] = ()  # possible ecolabels; empty string means none


def _v(**kwargs: str) -> dict[str, str]:
    return kwargs


def _each(key: str, values: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    return tuple({key: value} for value in values)


def _grid(**axes: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    combos: list[dict[str, str]] = [{}]
    for key, values in axes.items():
        combos = [{**combo, key: value} for combo in combos for value in values]
    return tuple(combos)


FAMILIES: tuple[Family, ...] = (
    # engångsartiklar
    Family("engångsartiklar", ("Mugg kartong {cl} cl", "Pappersmugg {cl} cl vit", "Kaffemugg papp {cl} cl"),
           _each("cl", ("20", "25", "30", "40")), "kartong", "kartong", 1000, 9.0, 520.0, 60,
           ("", "", "Svanen")),
    Family("engångsartiklar", ("Mugg PP {cl} cl genomskinlig", "Plastmugg PP {cl} cl klar"),
           _each("cl", ("20", "25", "30")), "PP", "förp", 100, 4.0, 39.0, 900),
    Family("engångsartiklar", ("Mugg PET {cl} cl klar", "Smoothiemugg PET {cl} cl"),
           _each("cl", ("30", "40")), "PET", "förp", 50, 9.0, 62.0, 200),
    Family("engångsartiklar", ("Lock till mugg {cl} cl PS vit", "Mugglock PS {cl} cl vit"),
           _each("cl", ("20", "25", "30")), "PS", "förp", 100, 2.5, 35.0, 400),
    Family("engångsartiklar",
           ("Sugrör papper {d}x{l} mm", "Pappersugrör {d}x{l} mm vit", "Sugrör av papper {d}x{l}"),
           (_v(d="6", l="200"), _v(d="8", l="210"), _v(d="10", l="230")), "papper", "förp", 250, 0.8, 48.0,
           250, ("", "FSC")),
    Family("engångsartiklar", ("Plastbestick {typ} PS vit", "{Typ} plast PS vit engång"),
           _each("typ", ("gaffel", "kniv", "sked", "tesked")), "PS", "förp", 100, 2.5, 29.0, 500),
    Family("engångsartiklar", ("Träbestick {typ} FSC", "{Typ} trä 16 cm"),
           _each("typ", ("gaffel", "kniv", "sked")), "trä", "förp", 100, 2.0, 42.0, 300, ("FSC", "FSC", "")),
    Family("engångsartiklar", ("Bestick PLA {typ} vit", "{Typ} PLA komposterbar"),
           _each("typ", ("gaffel", "kniv", "sked")), "PLA", "förp", 50, 3.0, 38.0, 150),
    Family("engångsartiklar",
           ("Tallrik papper {d} cm vit", "Papperstallrik rund {d} cm", "Assiett papp {d} cm"),
           _each("d", ("18", "22", "26")), "papper", "förp", 100, 10.0, 55.0, 350, ("", "Svanen", "FSC")),
    Family("engångsartiklar", ("Tallrik PS {d} cm vit", "Plasttallrik {d} cm vit PS"),
           _each("d", ("22",)), "PS", "förp", 50, 12.0, 44.0, 120),
    Family("engångsartiklar", ("Servett {s}x{s} cm {p}-lager {c}", "Middagsservett {p}-lager {c} {s} cm"),
           _grid(s=("33", "40"), p=("2", "3"), c=("vit", "grön")), "papper", "förp", 250, 2.0, 46.0, 400,
           ("Svanen", "Svanen", "")),
    Family("engångsartiklar", ("Engångsförkläde PE {c}", "Förkläde plast PE {c} på rulle"),
           _each("c", ("vit", "blå")), "PE", "rulle", 200, 10.0, 95.0, 500),
    Family("engångsartiklar", ("Glassbägare papp {ml} ml", "Dessertskål papper {ml} ml"),
           _each("ml", ("150", "250")), "kartong", "förp", 50, 5.0, 36.0, 120),
    # handskar
    Family("handskar", ("Handske nitril puderfri {c} {s}", "Nitrilhandske puderfri {c} stl {s}",
                        "Handske nitril {s} {c} puderfri"),
           _grid(c=("blå", "svart"), s=("S", "M", "L", "XL")), "nitril", "förp", 100, 3.5, 52.0, 9000),
    Family("handskar", ("Handske vinyl puderfri {s}", "Vinylhandske opudrad stl {s}"),
           _each("s", ("S", "M", "L", "XL")), "vinyl", "förp", 100, 4.5, 34.0, 4000),
    Family("handskar", ("Handske latex puderfri {s}", "Latexhandske opudrad stl {s}"),
           _each("s", ("S", "M", "L")), "latex", "förp", 100, 5.0, 49.0, 800),
    Family("handskar", ("Hushållshandske gummi gul {s}", "Diskhandske gul stl {s}"),
           _each("s", ("S", "M", "L")), "latex", "st", 1, 60.0, 16.5, 1500),
    Family("handskar", ("Städhandske nitril lång {s}", "Handske nitril lång skaft stl {s}"),
           _each("s", ("M", "L")), "nitril", "förp", 50, 12.0, 89.0, 700),
    Family("handskar", ("Arbetshandske bomull {s}", "Bomullshandske vit stl {s}"),
           _each("s", ("M", "L")), "bomull", "förp", 12, 30.0, 84.0, 150),
    # påsar och säckar
    Family("påsar och säckar",
           ("Sopsäck PE {l} l {c}", "Avfallssäck {l} liter {c} PE", "Soppsäck {l} l {c} stark"),
           _grid(l=("125", "160", "240"), c=("svart", "genomskinlig")), "PE", "rulle", 10, 70.0, 34.0, 6000,
           ("", "", "Svanen")),
    Family("påsar och säckar", ("Soppåse PE {l} l", "Avfallspåse {l} liter PE rulle"),
           _each("l", ("30", "35", "40")), "PE", "rulle", 50, 18.0, 29.0, 5000, ("", "", "Bra Miljöval")),
    Family("påsar och säckar", ("Fryspåse {l} l", "Fryspåsar PE {l} liter", "Påse frys {l} l PE"),
           _each("l", ("1", "2", "3", "4", "6")), "PE", "rulle", 50, 5.0, 24.0, 1800),
    Family("påsar och säckar", ("Kompostpåse papper {l} l", "Matavfallspåse papper {l} liter"),
           _each("l", ("8", "22")), "papper", "förp", 80, 25.0, 118.0, 2500, ("FSC", "", "Svanen")),
    Family("påsar och säckar", ("Kompostpåse PLA {l} l", "Bioplastpåse {l} l komposterbar"),
           _each("l", ("10", "30")), "PLA", "rulle", 25, 12.0, 32.0, 600),
    Family("påsar och säckar", ("Bärkasse papper brun", "Papperskasse brun med handtag"),
           (_v(),), "papper", "förp", 250, 55.0, 545.0, 40, ("FSC",)),
    Family("påsar och säckar", ("Plastpåse med handtag PE {c}", "Bärpåse PE {c}"),
           _each("c", ("vit", "återvunnen grå")), "PE", "förp", 500, 12.0, 215.0, 60),
    Family("påsar och säckar", ("Papperspåse {kg} kg vit", "Påse papper {kg} kg blekt"),
           _each("kg", ("1", "2")), "papper", "förp", 500, 8.0, 149.0, 80),
    # livsmedelsemballage
    Family("livsmedelsemballage", ("Aluminiumfolie {w} cm x {m} m", "Folie alu {w} cm {m} m",
                                   "Alufolie {w} cm x {m} m"),
           (_v(w="30", m="100"), _v(w="45", m="150")), "aluminium", "rulle", 1, 1600.0, 189.0, 900),
    Family("livsmedelsemballage", ("Plastfolie PE {w} cm x {m} m", "Sträckfilm livsmedel {w} cm {m} m"),
           (_v(w="30", m="300"), _v(w="45", m="300")), "PE", "rulle", 1, 1100.0, 129.0, 800),
    Family("livsmedelsemballage", ("Plastfolie PVC {w} cm x {m} m", "Storköksfilm PVC {w} cm {m} m"),
           (_v(w="45", m="300"),), "PVC", "rulle", 1, 1400.0, 112.0, 500),
    Family("livsmedelsemballage", ("Bakplåtspapper ark 40x60 cm", "Bakpapper ark 40x60 cm silikon"),
           (_v(),), "papper", "förp", 500, 18.0, 389.0, 250, ("Svanen", "")),
    Family("livsmedelsemballage", ("Matlåda PP {ml} ml med lock", "Engångsbox PP {ml} ml lock",
                                   "Matbox plast {ml} ml inkl lock"),
           _each("ml", ("500", "750", "1000")), "PP", "kartong", 250, 22.0, 640.0, 120),
    Family("livsmedelsemballage", ("Aluminiumform {ml} ml med lock", "Alu-form {ml} ml lock kartong"),
           _each("ml", ("450", "800")), "aluminium", "förp", 100, 12.0, 219.0, 180),
    Family("livsmedelsemballage", ("Portionsbägare PET {ml} ml med lock", "Dressingbägare PET {ml} ml lock"),
           _each("ml", ("50", "100")), "PET", "förp", 100, 4.0, 58.0, 500),
    Family("livsmedelsemballage", ("Smörgåspapper {s} cm", "Smörpapper ark {s} cm"),
           _each("s", ("25x35", "35x45")), "papper", "förp", 1000, 6.0, 169.0, 120, ("FSC", "")),
    Family("livsmedelsemballage", ("Vakuumpåse {s} mm", "Vakuumpåse präglad {s} mm"),
           _each("s", ("200x300", "250x350")), "blandat", "förp", 100, 12.0, 119.0, 140),
    Family("livsmedelsemballage", ("Skål kartong {ml} ml med lock", "Soppskål papp {ml} ml lock"),
           _each("ml", ("350", "500")), "kartong", "förp", 50, 14.0, 96.0, 160, ("", "FSC")),
    # städ
    Family("städ", ("Diskborste trä", "Diskborste trä med naturborst", "Diskborste bok trä"),
           (_v(),), "trä", "st", 1, 45.0, 24.0, 2500, ("", "FSC")),
    Family("städ", ("Diskborste plast PP", "Diskborste PP med skrapkant"),
           (_v(),), "PP", "st", 1, 40.0, 14.0, 3000),
    Family("städ", ("Mikrofiberduk {c} 40x40 cm", "Städduk mikrofiber {c} 40x40", "Mikrofiberduk 40x40 {c}"),
           _each("c", ("blå", "röd", "grön", "gul")), "mikrofiber", "förp", 10, 35.0, 99.0, 1500,
           ("", "", "Svanen")),
    Family("städ", ("Mopp mikrofiber {cm} cm", "Moppgarn mikrofiber {cm} cm"),
           _each("cm", ("40", "60")), "mikrofiber", "st", 1, 180.0, 109.0, 1200),
    Family("städ", ("Disktrasa bomull {c}", "Disktrasa 100 % bomull {c}"),
           _each("c", ("vit", "blå")), "bomull", "förp", 10, 30.0, 79.0, 700, ("", "Bra Miljöval")),
    Family("städ", ("Disksvamp med slipsida", "Svamp med slipsida grön"),
           (_v(),), "blandat", "förp", 10, 12.0, 42.0, 1500),
    Family("städ", ("Allrengöring {l} l parfymfri", "Allrent parfymfritt {l} liter"),
           _each("l", ("1", "5")), "blandat", "st", 1, 1050.0, 39.0, 1800, ("Svanen", "EU Ecolabel",
           "Bra Miljöval")),
    Family("städ", ("Handdiskmedel {l} l", "Diskmedel hand {l} liter"),
           _each("l", ("1", "5")), "blandat", "st", 1, 1050.0, 31.0, 1500, ("Svanen", "EU Ecolabel")),
    Family("städ", ("Golvrengöring {l} l", "Golvmedel neutralt {l} liter"),
           _each("l", ("5",)), "blandat", "st", 1, 5200.0, 145.0, 500, ("Svanen", "EU Ecolabel", "")),
    Family("städ", ("Torkpapper rulle 2-lager Svanen", "Torkrulle 2-lager vit 1000 ark"),
           (_v(),), "papper", "förp", 6, 900.0, 245.0, 1200, ("Svanen",)),
    Family("städ", ("Skurhink PP {l} l", "Hink plast {l} liter"),
           _each("l", ("10", "15")), "PP", "st", 1, 600.0, 69.0, 120),
    # hygien
    Family("hygien", ("Handduk pappersark {p}-lager Svanen", "Pappershandduk Z-vikt {p}-lager",
                      "Handpapper C-vikt {p}-lager"),
           _each("p", ("1", "2")), "papper", "kartong", 3000, 3.0, 275.0, 3000, ("Svanen", "Svanen",
           "EU Ecolabel")),
    Family("hygien", ("Toalettpapper {p}-lager {m} m", "Toapapper {p}-lager {m} m"),
           (_v(p="2", m="35"), _v(p="2", m="100"), _v(p="3", m="30")), "papper", "paket", 8, 250.0, 42.0,
           6000, ("Svanen", "Svanen", "")),
    Family("hygien", ("Handtvål flytande parfymfri {ml} ml", "Tvål parfymfri {ml} ml refill"),
           _each("ml", ("600", "1000")), "blandat", "st", 1, 1020.0, 38.0, 4000, ("Svanen", "EU Ecolabel")),
    Family("hygien", ("Handdesinfektion gel {ml} ml", "Handsprit 85 % {ml} ml"),
           _each("ml", ("150", "600")), "blandat", "st", 1, 620.0, 42.0, 3500),
    Family("hygien", ("Tvättlapp engång 20x30 cm", "Engångstvättlapp 20x30 cm"),
           (_v(),), "blandat", "förp", 100, 3.0, 39.0, 3000),
    Family("hygien", ("Munskydd typ IIR 3-lager", "Munskydd kirurgiskt IIR"),
           (_v(),), "PP", "förp", 50, 3.0, 45.0, 1200),
    Family("hygien", ("Hårnät PP vit", "Hårskydd engång PP vit"),
           (_v(),), "PP", "förp", 100, 2.0, 35.0, 500),
    Family("hygien", ("Skoskydd PE blå", "Skoöverdrag engång PE blå"),
           (_v(),), "PE", "förp", 100, 4.0, 42.0, 400),
    Family("hygien", ("Haklapp engång papper/PE", "Haklapp engångs 2-lager med PE"),
           (_v(),), "blandat", "förp", 125, 6.0, 105.0, 1200),
    Family("hygien", ("Underlägg engång 60x60 cm", "Sängskydd engång 60x60"),
           (_v(),), "blandat", "förp", 50, 30.0, 129.0, 900),
    # kontor
    Family("kontor", ("Kopieringspapper A4 80 g FSC", "Papper A4 80 g vit", "Kopiepapper A4 80 g"),
           (_v(),), "papper", "paket", 500, 5.0, 52.0, 12000, ("FSC", "Svanen", "")),
    Family("kontor", ("Kulspetspenna {c}", "Kulpenna {c} medium"),
           _each("c", ("blå", "svart")), "blandat", "förp", 12, 8.0, 59.0, 900),
    Family("kontor", ("Notisblock häftande 76x76 gul", "Häftlappar 76x76 mm gul"),
           (_v(),), "papper", "förp", 12, 45.0, 89.0, 500, ("", "Svanen")),
    Family("kontor", ("Plastficka A4 {mat} 0,08 mm", "Signalficka A4 {mat} 0,08"),
           _each("mat", ("PP", "PVC")), "PP", "förp", 100, 6.0, 75.0, 450),
    Family("kontor", ("Kuvert {f} vitt", "Kuvert {f} självhäftande vit"),
           _each("f", ("C4", "C5")), "papper", "förp", 500, 6.0, 229.0, 250, ("FSC", "Svanen", "")),
    Family("kontor", ("Gem {mm} mm", "Gem förzinkat {mm} mm"),
           _each("mm", ("28", "50")), "blandat", "förp", 100, 0.5, 12.0, 300),
    Family("kontor", ("Häftklammer 24/6", "Häftklamrar 24/6 förzinkade"),
           (_v(),), "blandat", "förp", 1000, 0.03, 9.5, 400),
    Family("kontor", ("Pärm A4 {mm} mm kartong", "Gaffelpärm A4 {mm} mm"),
           _each("mm", ("40", "70")), "kartong", "st", 1, 380.0, 26.0, 600, ("", "Svanen")),
    Family("kontor", ("Whiteboardpenna {c}", "Whiteboard-markör {c} rund spets"),
           _each("c", ("svart", "blå", "röd")), "blandat", "förp", 4, 14.0, 49.0, 400),
    Family("kontor", ("Tejp 19 mm x 33 m", "Kontorstejp 19 mm 33 m"),
           (_v(),), "blandat", "rulle", 1, 30.0, 12.5, 900),
)


# The municipalities' own lists (tools/sample_lists.py) also hold a bag in three thicknesses (issue 17:
# variants that are never the same product), placed before the paper compost bags; the single-list sample
# above keeps its families, so its rows stay as they were.
_THICK_BAGS = Family("påsar och säckar", ("Soppåse HD {my} my 30 l", "Avfallspåse 30 liter HD {my} mikron",
                                          "Påse avfall 30 l {my}my HDPE"),
                     _each("my", ("12", "18", "25")), "PE", "rulle", 50, 9.0, 27.0, 2500)
_AT = next(i for i, f in enumerate(FAMILIES) if f.templates[0].startswith("Kompostpåse papper"))
LIST_FAMILIES: tuple[Family, ...] = (*FAMILIES[:_AT], _THICK_BAGS, *FAMILIES[_AT:])


@dataclass(frozen=True)
class Offer:
    """One supplier's article: a variant of a family under that supplier's name, number and price."""

    family: Family
    name: str
    supplier: str
    supplier_article_no: str
    gtin: str
    price: float
    weight_g: float
    label: str
    material: str


def _gtin13(rng: random.Random) -> str:
    body = "73" + "".join(str(rng.randrange(10)) for _ in range(10))
    total = sum(int(digit) * (3 if i % 2 else 1) for i, digit in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _name(template: str, variant: dict[str, str]) -> str:
    values = {**variant, **{key.capitalize(): value.capitalize() for key, value in variant.items()}}
    return template.format(**values)


def _offers(rng: random.Random) -> list[Offer]:
    offers: list[Offer] = []
    for family in FAMILIES:
        suppliers = SUPPLIERS[family.category]
        for index, variant in enumerate(family.variants):
            # Larger variants cost more; every supplier prices a little differently.
            size_factor = 1.0 + 0.18 * index if len(family.variants) <= 4 else 1.0 + 0.04 * index
            count = rng.choice((1, 2, 3, 3)) if len(family.templates) > 1 else 1
            count = min(count, len(family.templates), len(suppliers))
            for choice, supplier in enumerate(rng.sample(suppliers, count)):
                prefix = SUPPLIER_PREFIX[supplier]
                number = rng.randrange(10000, 999999)
                article_no = f"{prefix}-{number}" if prefix else str(number)
                material = variant.get("mat", family.material)
                label = rng.choice(family.labels) if family.labels else ""
                offers.append(
                    Offer(
                        family=family,
                        name=_name(family.templates[choice], variant),
                        supplier=supplier,
                        supplier_article_no=article_no,
                        gtin=_gtin13(rng),
                        price=round(family.price * size_factor * rng.uniform(0.9, 1.12), 2),
                        weight_g=round(family.weight_g * size_factor * rng.uniform(0.95, 1.05), 1),
                        label=label,
                        material=material,
                    )
                )
    return offers


def sample_rows(seed: int = SEED, rows: int = ROWS) -> list[list[str | int | float]]:
    """The article rows of the sample, in sheet order, as the cell values of ``HEADERS``."""
    rng = random.Random(seed)
    offers = _offers(rng)
    pairs = [
        (offer, municipality)
        for offer in offers
        for municipality, size in MUNICIPALITIES.items()
        if rng.random() < 0.74 + 0.3 * size
    ]
    if len(pairs) > rows:
        chosen = sorted(rng.sample(range(len(pairs)), rows))
        pairs = [pairs[i] for i in chosen]
    pairs.sort(key=lambda pair: (pair[0].family.category, pair[0].name, pair[0].supplier, pair[1]))

    result: list[list[str | int | float]] = []
    key = rng.randrange(1000, 9000)
    for offer, municipality in pairs:
        key += rng.randrange(1, 40)
        family = offer.family
        size = MUNICIPALITIES[municipality]
        quantity = max(1, round(family.volume * size * rng.lognormvariate(0, 0.6) / 2))
        departments = DEPARTMENTS[family.category]
        department = departments[min(int(rng.expovariate(1.2)), len(departments) - 1)]
        result.append(
            [
                f"{key:07d}",
                offer.name,
                family.category,
                offer.supplier,
                offer.supplier_article_no,
                offer.gtin,
                family.unit,
                family.pack,
                offer.price,
                quantity,
                round(offer.price * quantity, 2),
                offer.material,
                offer.weight_g,
                offer.label,
                municipality,
                department,
            ]
        )
    return result


def write_sample(path: Path, seed: int = SEED, rows: int = ROWS) -> None:
    """Write the sample workbook to ``path`` (byte-identical for the same seed and row count)."""
    data = sample_rows(seed, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    workbook.set_properties(
        {
            "title": TITLE,
            "author": "Upphandlingsenheten",
            "company": "Södertörnskommunerna",
            "created": dt.datetime(2026, 1, 15, 8, 0, 0),
        }
    )
    title = workbook.add_format({"bold": True, "font_size": 14})
    subtitle = workbook.add_format({"italic": True, "font_color": "#595959"})
    header = workbook.add_format(
        {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
    )
    money = workbook.add_format({"num_format": "#,##0.00"})
    integer = workbook.add_format({"num_format": "#,##0"})
    grams = workbook.add_format({"num_format": "0.0"})
    number_formats = {7: integer, 8: money, 9: integer, 10: money, 12: grams}

    sheet = workbook.add_worksheet("Sortiment")
    last_col = len(HEADERS) - 1
    sheet.merge_range(0, 0, 0, last_col, TITLE, title)
    sheet.set_row(0, 22)
    sheet.write_string(1, 0, SUBTITLE, subtitle)
    sheet.set_row(3, 32)
    for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        sheet.write_string(3, col, text, header)
        sheet.set_column(col, col, width, number_formats.get(col))
    for offset, values in enumerate(data):
        row = 4 + offset
        for col, value in enumerate(values):
            if isinstance(value, str):
                if value:
                    sheet.write_string(row, col, value)
            else:
                sheet.write_number(row, col, value, number_formats.get(col))
    sheet.freeze_panes(4, 2)
    sheet.autofilter(3, 0, 3 + len(data), last_col)

    about = workbook.add_worksheet("Om underlaget")
    about.set_column(0, 0, 100)
    lines = (
        (TITLE, title),
        ("", None),
        ("Källa: leverantörernas inköpsstatistik för de åtta Södertörnskommunerna (Botkyrka, Huddinge, "
         "Haninge, Nynäshamn, Salem, Södertälje, Tyresö och Nykvarn).", None),
        ("Period: 2025-01-01–2025-12-31. Antal och Belopp avser hela perioden.", None),
        ("En rad per kommun och artikel. Artikelnummer är det gemensamma sortimentets nummer.", None),
        ("Pris och Belopp i kronor exklusive moms. Pris avser en enhet (kolumnen Enhet).", None),
        ("Vikt (g) avser en styck, inte hela förpackningen.", None),
        ("Kontakt: Upphandlingsenheten, upphandling@sodertorn.example", None),
        ("Exempelunderlag: leverantörer, artiklar och siffror är påhittade.", subtitle),
    )
    for row, (text, fmt) in enumerate(lines):
        if text:
            about.write_string(row, 0, text, fmt)
    workbook.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--lists", type=Path, default=DEFAULT_OUT.parent / "kommuner",
                        help="folder for the municipalities' own lists and truth.csv")
    parser.add_argument("--no-lists", action="store_true", help="write the joint sample workbook only")
    args = parser.parse_args()
    write_sample(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    if not args.no_lists:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from sample_lists import write_lists

        written = write_lists(args.lists)
        for path in written:
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
        joint = write_joint_sample(args.out.parent / JOINT_NAME, [p for p in written if p.name != "truth.csv"])
        print(f"wrote {joint} ({joint.stat().st_size // 1024} KB)")
        from sample_purchases import DEFAULT_OUT as PURCHASES_OUT
        from sample_purchases import write_all as write_purchases

        for path in write_purchases(args.out.parent / PURCHASES_OUT.name):
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


JOINT_NAME = "sodertorn_gemensam.xlsx"


def write_joint_sample(target: Path, lists: list[Path]) -> Path:
    """The joint workbook the eight lists make (``workbench merge``), which the README's run command opens."""
    from workbench.assortment import Source, merge_lists

    target.unlink(missing_ok=True)
    merge_lists(target, [Source(path) for path in lists], user="Exempel")
    return target


if __name__ == "__main__":
    main()
