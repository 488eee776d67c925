"""A year of purchase lines (2025) for the joint sample's municipalities, with a known truth, for the
follow-up (issue 20): ``resources/sample/uppfoljning/``.

- ``beslut.csv``: decisions to apply to a copy of ``sodertorn_gemensam.xlsx`` (``workbench apply``): some
  articles kept, removed, replaced (with the replacement) or under investigation, the rest undecided.
- one purchase file per municipality (in ``inkop/``), in the shapes e-commerce systems export: cp1252 csv with ``;`` and
  decimal commas (title rows above the header, dates 14.03.2025), UTF-8 csv with ``,`` and points (ISO
  dates, or 20250314), xlsx (real dates, a Summa row); some with a Kommun column, some named by the file.
  Lines name the article by GTIN, by supplier + supplier article no (spelt another way), by the
  municipality's own article number, or by supplier + name; some articles are bought at a higher price than
  agreed; some purchases are credited (negative quantity and amount); some lines are outside the assortment.
- ``facit.json``: what the follow-up must find: spend and spend inside per municipality and month, every
  removed or replaced article bought (spend, replacement), the outside spend and lines, the articles with a
  price deviation, the credits.

The truth is counted from what each line was made for, not by the follow-up's code.

    .venv/bin/python tools/sample_purchases.py [OUT_DIR]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JOINT = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"
DEFAULT_OUT = ROOT / "resources" / "sample" / "uppfoljning"
SEED = 20250101
YEAR = 2025
LINES_PER_MUNICIPALITY = 320
UNITS = ("Utbildningsförvaltningen", "Vård- och omsorgsförvaltningen", "Kostenheten",
         "Samhällsbyggnadsförvaltningen", "Kultur- och fritidsförvaltningen")
HEADER = ("Orderdatum", "Kommun", "Förvaltning", "Beställare", "Leverantör", "Lev. art.nr", "EAN", "Artikelnummer",
          "Benämning", "Antal", "À-pris", "Belopp")
# file shape per municipality: (suffix, encoding, delimiter, decimal, date style, Kommun column)
SHAPES = {
    "Botkyrka": (".xlsx", None, None, None, "date", True),
    "Haninge": (".csv", "cp1252", ";", ",", "dmy", False),
    "Huddinge": (".csv", "utf-8", ",", ".", "iso", True),
    "Nykvarn": (".xlsx", None, None, None, "date", False),
    "Nynäshamn": (".csv", "cp1252", ";", ",", "dmy", True),
    "Salem": (".csv", "utf-8-sig", ";", ",", "compact", False),
    "Södertälje": (".xlsx", None, None, None, "datetime", True),
    "Tyresö": (".csv", "cp1252", ";", ",", "iso_time", False),
}
OUTSIDE = (("Kontorsgrossisten AB", "Pärm A4 bred"), ("Kontorsgrossisten AB", "Kaffe mellanrost 500 g"),
           ("Lokala Järn & Färg", "Målarfärg vit 10 l"), ("Blomsterhandeln i Söder", "Blomsterbukett"),
           ("Teknikhuset Nord AB", "USB-kabel 2 m"), ("Kontorsgrossisten AB", "Kopieringspapper A3"),
           ("Lokala Järn & Färg", "Skruvsats trä"), ("Teknikhuset Nord AB", "Hörlurar trådlösa"))


@dataclass
class Line:
    day: dt.date
    municipality: str
    unit: str
    orderer: str
    supplier: str | None
    article_no: str | None
    gtin: str | None
    own_key: str | None
    name: str | None
    quantity: float
    price: float
    amount: float
    article: str | None  # the joint ID it was made for; None outside the assortment
    deviating: bool = False
    credit: bool = False


def _decisions(ids: list[str], rng: random.Random) -> dict[str, tuple[str, str | None]]:
    decided: dict[str, tuple[str, str | None]] = {}
    kept: list[str] = []
    for article_id in ids:
        draw = rng.random()
        if draw < 0.35:
            decided[article_id] = ("keep", None)
            kept.append(article_id)
        elif draw < 0.45:
            decided[article_id] = ("remove", None)
        elif draw < 0.57:
            decided[article_id] = ("replace", None)
        elif draw < 0.62:
            decided[article_id] = ("investigate", None)
    for article_id, (code, _) in list(decided.items()):
        if code == "replace":
            decided[article_id] = ("replace", rng.choice(kept))
    return decided


def _spelling(article_no: str, rng: random.Random) -> str:
    """The supplier article number as another system writes it (case, a space for a hyphen)."""
    options = (article_no, article_no.lower(), article_no.replace("-", " "), article_no.replace("-", ""))
    return rng.choice(options)


def _day(rng: random.Random) -> dt.date:
    return dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _outside_gtin(rng: random.Random, taken: set[str]) -> str:
    from workbench.assortment.gtin import check_digit

    while True:
        body = "735" + "".join(str(rng.randrange(10)) for _ in range(9))
        gtin = body + str(check_digit(body))
        if gtin.zfill(14) not in taken:
            return gtin


def make_lines(seed: int = SEED) -> tuple[list[Line], dict[str, tuple[str, str | None]], Any]:
    from workbench.assortment import (
        normalise_article_name,
        normalise_article_no,
        normalise_gtin,
        normalise_supplier,
        read_joint,
    )
    from workbench.followup.joint import read_assortment

    rng = random.Random(seed)
    state = read_joint(JOINT)
    keys = read_assortment(JOINT)
    ids = sorted(state.articles)
    decisions = _decisions(ids, rng)
    price = {i: a.agreed_price for i, a in keys.articles.items()}
    # which keys name one article only: a line is made with a key that cannot point at another article
    owners: dict[tuple[str, Any, Any], set[str]] = defaultdict(set)
    sources = [(a.id, a.fields.get("gtin"), a.fields.get("supplier"), a.fields.get("supplier_article_no"),
                a.fields.get("name"), None, None) for a in state.articles.values()]
    sources += [(r.article_id, r.gtin, r.supplier, r.supplier_article_no, r.name, r.municipality, r.source_key)
                for r in state.records]
    for article_id, gtin, supplier, number, name, municipality, own in sources:
        owners[("gtin", normalise_gtin(gtin).gtin, None)].add(article_id)
        owners[("number", normalise_supplier(supplier), normalise_article_no(number))].add(article_id)
        owners[("name", normalise_supplier(supplier), normalise_article_name(name))].add(article_id)
        if own is not None:
            owners[("own", municipality, str(own))].add(article_id)

    def unique(kind: str, first: Any, second: Any) -> bool:
        return first is not None and owners.get((kind, first, second), set()) == {record.article_id}

    inflated = {i for i in ids if rng.random() < 0.06 and price.get(i)}
    by_municipality: dict[str, list[Any]] = defaultdict(list)
    for record in state.records:
        if price.get(record.article_id):
            by_municipality[record.municipality].append(record)
    lines: list[Line] = []
    for municipality in sorted(SHAPES):
        records = by_municipality[municipality]
        orderers = [f"{first} {last}" for first, last in zip(("Anna", "Erik", "Maria", "Johan", "Sara", "Ali"),
                                                             ("Lind", "Berg", "Nilsson", "Ek", "Holm", "Rahimi"),
                                                             strict=True)]
        for _ in range(LINES_PER_MUNICIPALITY):
            day, unit, orderer = _day(rng), rng.choice(UNITS), rng.choice(orderers)
            if rng.random() < 0.08:
                supplier, name = rng.choice(OUTSIDE)
                number = f"KG-{rng.randrange(10000, 99999)}"
                gtin = _outside_gtin(rng, set(keys.gtin)) if rng.random() < 0.5 else None
                quantity = float(rng.randrange(1, 6))
                unit_price = round(rng.uniform(15, 250), 2)
                lines.append(Line(day, municipality, unit, orderer, supplier, number, gtin, None, name, quantity,
                                  unit_price, round(quantity * unit_price, 2), None))
                continue
            record = rng.choice(records)
            article_id = record.article_id
            article = state.articles[article_id]
            agreed = price[article_id] or 0.0
            deviating = article_id in inflated and rng.random() < 0.7
            unit_price = round(agreed * 1.15, 4) if deviating else agreed
            quantity = float(rng.randrange(1, 12))
            supplier = record.supplier if isinstance(record.supplier, str) else article.fields.get("supplier")
            line = Line(day, municipality, unit, orderer, None, None, None, None, record.name or
                        article.fields.get("name"), quantity, unit_price, round(quantity * unit_price, 2), article_id,
                        deviating)
            how = rng.random()
            gtin = record.gtin or article.fields.get("gtin")
            number = record.supplier_article_no or article.fields.get("supplier_article_no")
            gtin_ok = unique("gtin", normalise_gtin(gtin).gtin, None)
            number_ok = unique("number", normalise_supplier(supplier), normalise_article_no(number))
            own_ok = unique("own", municipality, str(record.source_key) if record.source_key else None)
            name_ok = unique("name", normalise_supplier(supplier), normalise_article_name(line.name))
            if how < 0.5 and gtin_ok:
                line.gtin, line.supplier = str(gtin), str(supplier) if supplier else None
            elif how < 0.75 and number_ok:
                line.supplier, line.article_no = str(supplier), _spelling(str(number), rng)
            elif how < 0.9 and own_ok:
                line.own_key = str(record.source_key)
            elif name_ok:
                line.supplier, line.name = str(supplier).upper(), str(line.name).upper()
            elif gtin_ok:
                line.gtin = str(gtin)
            elif number_ok:
                line.supplier, line.article_no = str(supplier), str(number)
            elif own_ok:
                line.own_key = str(record.source_key)
            else:
                continue  # no key names this article alone: a real export would not hold such a line either
            lines.append(line)
            if not deviating and rng.random() < 0.05:  # a credit of part of the purchase, a little later
                back = float(rng.randrange(1, int(quantity) + 1))
                lines.append(Line(min(day + dt.timedelta(days=rng.randrange(1, 20)), dt.date(YEAR, 12, 31)),
                                  municipality, unit, orderer, line.supplier, line.article_no, line.gtin,
                                  line.own_key, line.name, -back, agreed, -round(back * agreed, 2), article_id,
                                  credit=True))
    return lines, decisions, keys


def truth(lines: list[Line], decisions: dict[str, tuple[str, str | None]]) -> dict[str, Any]:
    def inside(line: Line) -> bool:
        return line.article is not None and decisions.get(line.article, ("", None))[0] not in ("remove", "replace")

    def empty() -> dict[str, float]:
        return {"spend": 0.0, "spend_in_assortment": 0.0, "lines": 0}

    municipalities: dict[str, dict[str, float]] = defaultdict(empty)
    months: dict[str, dict[str, float]] = defaultdict(empty)
    removed: dict[str, dict[str, Any]] = {}
    for line in lines:
        for bucket in (municipalities[line.municipality], months[line.day.strftime("%Y-%m")]):
            bucket["spend"] += line.amount
            bucket["spend_in_assortment"] += line.amount if inside(line) else 0.0
            bucket["lines"] += 1
        if line.article is not None and not inside(line):
            code, replacement = decisions[line.article]
            held = removed.setdefault(line.article, {"key": line.article, "spend": 0.0, "decision": code,
                                                     "replacement": replacement})
            held["spend"] += line.amount
    for bucket in (*municipalities.values(), *months.values()):
        bucket["compliance"] = bucket["spend_in_assortment"] / bucket["spend"] if bucket["spend"] > 0 else None
    spend = sum(line.amount for line in lines)
    inside_spend = sum(line.amount for line in lines if inside(line))
    return {
        "lines": len(lines), "spend": round(spend, 2), "spend_in_assortment": round(inside_spend, 2),
        "compliance": inside_spend / spend,
        "by_municipality": dict(sorted(municipalities.items())), "by_month": dict(sorted(months.items())),
        "removed_bought": sorted(removed.values(), key=lambda r: r["key"]),
        "outside_assortment_spend": round(sum(line.amount for line in lines if line.article is None), 2),
        "unmatched_lines": sum(1 for line in lines if line.article is None),
        "price_deviations": sorted({line.article for line in lines if line.deviating and line.article}),
        "credits": sum(1 for line in lines if line.credit),
        "credit_spend": round(sum(line.amount for line in lines if line.credit), 2),
    }


def _date_text(day: dt.date, style: str) -> str:
    return {"dmy": day.strftime("%d.%m.%Y"), "iso": day.isoformat(), "compact": day.strftime("%Y%m%d"),
            "iso_time": f"{day.isoformat()} 00:00:00"}[style]


def _number(value: float, decimal: str) -> str:
    text = f"{value:.2f}" if abs(value - round(value)) > 1e-9 else str(round(value))
    if decimal == "," and abs(value) >= 1000:  # "1 234,50", as Swedish exports write it
        return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace(".", ",") if decimal == "," else text


def _row(line: Line, with_municipality: bool) -> list[Any]:
    return [line.municipality if with_municipality else None, line.unit, line.orderer, line.supplier, line.article_no,
            line.gtin, line.own_key, line.name, line.quantity, round(line.price, 2), line.amount]


def write_files(out: Path, lines: list[Line]) -> list[Path]:
    import xlsxwriter

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for municipality, (suffix, encoding, delimiter, decimal, dates, with_column) in SHAPES.items():
        mine = sorted((line for line in lines if line.municipality == municipality), key=lambda line: line.day)
        path = out / f"inkop_{municipality}_{YEAR}{suffix}"
        header = [h for h in HEADER if with_column or h != "Kommun"]
        if suffix == ".xlsx":
            book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
            sheet = book.add_worksheet("Inköp")
            date_format = book.add_format({"num_format": "yyyy-mm-dd" if dates == "date" else "yyyy-mm-dd hh:mm"})
            sheet.write(0, 0, f"Inköpsstatistik {municipality} {YEAR}")
            sheet.write_row(2, 0, header)
            for r, line in enumerate(mine, start=3):
                values = _row(line, with_column)
                if not with_column:
                    values = values[1:]
                moment = dt.datetime(line.day.year, line.day.month, line.day.day,
                                     *((9, 30) if dates == "datetime" else (0, 0)))
                sheet.write_datetime(r, 0, moment, date_format)
                for c, value in enumerate(values, start=1):
                    if value is None:
                        continue
                    if isinstance(value, str):
                        sheet.write_string(r, c, value)
                    else:
                        sheet.write_number(r, c, value)
            sheet.write(3 + len(mine), 0, "Summa")
            sheet.write_number(3 + len(mine), len(header) - 1, round(sum(line.amount for line in mine), 2))
            book.close()
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=delimiter or ";", lineterminator="\r\n")
            if encoding == "cp1252":
                writer.writerow([f"Inköpsstatistik {municipality} {YEAR} – alla förvaltningar"])
                writer.writerow([])
            writer.writerow(header)
            for line in mine:
                values = _row(line, with_column)
                if not with_column:
                    values = values[1:]
                cells = [_date_text(line.day, dates or "iso")]
                for value in values:
                    cells.append("" if value is None else value if isinstance(value, str)
                                 else _number(value, decimal or "."))
                writer.writerow(cells)
            path.write_bytes(buffer.getvalue().encode(encoding or "utf-8"))
        written.append(path)
    return written


def write_all(out: Path = DEFAULT_OUT, seed: int = SEED) -> list[Path]:
    lines, decisions, _ = make_lines(seed)
    written = write_files(out / "inkop", lines)
    decisions_path = out / "beslut.csv"
    with open(decisions_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["key", "decision", "replaced_by"])
        labels = {"keep": "Behåll", "remove": "Ta bort", "replace": "Ersätt", "investigate": "Utred"}
        for key, (code, replacement) in sorted(decisions.items()):
            writer.writerow([key, labels[code], replacement or ""])
    facit = out / "facit.json"
    facit.write_text(json.dumps(truth(lines, decisions), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [*written, decisions_path, facit]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for path in write_all(out):
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
