"""Headers seen in municipalities' and e-commerce systems' exports are recognised (issue 15: lists from
systems we have not seen)."""

from __future__ import annotations

import pytest

from workbench.reading._mapping import map_headers


@pytest.mark.parametrize(("header", "field"), [
    ("EAN-13", "gtin"), ("EAN13", "gtin"), ("EAN-nummer", "gtin"), ("GTIN-13", "gtin"), ("GTIN-14", "gtin"),
    ("Streckkod (EAN)", "gtin"), ("Leverantörens art.nr", "supplier_article_no"),
    ("Lev.artikelnr", "supplier_article_no"), ("Supplier part number", "supplier_article_no"),
    ("Produktbenämning", "name"), ("Item description", "name"), ("Inköpt antal", "quantity"),
    ("Årsförbrukning", "quantity"), ("Quantity ordered", "quantity"), ("Summa inköp", "spend"),
    ("Belopp exkl moms", "spend"), ("Total amount", "spend"), ("Enhetspris", "price"), ("Pris/st", "price"),
    ("Kommunnamn", "municipality"), ("Leverantörens namn", "supplier"), ("Artikel-ID", "key"),
    ("Antal totalt", "quantity"), ("Belopp totalt", "spend"),
])
def test_a_real_header_maps_to_its_field(header: str, field: str) -> None:
    mapped, _ = map_headers([header])
    assert mapped == {field: header}


def test_a_list_with_many_of_them_maps_each_once() -> None:
    headers = ["Artikelnummer", "Produktbenämning", "Leverantörens namn", "Leverantörens art.nr", "EAN-13",
               "Enhet", "Enhetspris", "Inköpt antal", "Summa inköp", "Kommunnamn"]
    mapped, _ = map_headers(headers)
    assert mapped == {"key": "Artikelnummer", "name": "Produktbenämning", "supplier": "Leverantörens namn",
                      "supplier_article_no": "Leverantörens art.nr", "gtin": "EAN-13", "unit": "Enhet",
                      "price": "Enhetspris", "quantity": "Inköpt antal", "spend": "Summa inköp",
                      "municipality": "Kommunnamn"}
