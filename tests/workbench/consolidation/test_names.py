"""The name parser on real name shapes (Swedish and English, abbreviations, units written many ways)."""

from __future__ import annotations

import pytest

from workbench.consolidation.names import fingerprint, parse_name


@pytest.mark.parametrize(("name", "expected"), [
    ("Nitrilhandske puderfri blå stl M", {"kind": "glove", "material": "nitrile", "size": "M",
                                          "colours": {"blue"}, "words": ("puderfri",)}),
    ("Handske nitril M blå, puderfri", {"kind": "glove", "material": "nitrile", "size": "M", "colours": {"blue"},
                                        "words": ("puderfri",)}),
    ("Vinylhandske opudrad stl XL", {"kind": "glove", "material": "pvc", "size": "XL", "words": ("puderfri",)}),
    ("Disposable nitrile gloves blue size L powder-free", {"kind": "glove", "material": "nitrile", "size": "L",
                                                           "colours": {"blue"}}),
    ("Undersökningshandske latex stl 8", {"kind": "glove", "material": "latex", "size": "8"}),
    ("Mugg kartong 25cl", {"kind": "cup", "material": "board", "volume_ml": 250.0}),
    ("Pappersmugg 250 ml vit", {"kind": "cup", "material": "paper", "volume_ml": 250.0, "colours": {"white"}}),
    ("Kaffemugg papp 0,25 l", {"kind": "cup", "volume_ml": 250.0, "words": ("kaffe",)}),
    ("Paper cup 8oz white", {"kind": "cup", "material": "paper", "volume_ml": 236.592}),
    ("Mugglock PS 20 cl vit", {"kind": "lid", "material": "ps", "volume_ml": 200.0}),
    ("Plastbestick gaffel PS vit", {"kind": "fork", "material": "ps"}),
    ("Tesked plast PS vit engång", {"kind": "teaspoon", "material": "ps", "words": ("engång",)}),
    ("Sopsäck PE 125 l svart", {"kind": "sack", "material": "pe", "volume_ml": 125000.0, "words": ("avfall",)}),
    ("Avfallssäck 125 liter svart", {"kind": "sack", "volume_ml": 125000.0, "words": ("avfall",)}),
    ("Soppåse HD 30 l 15 my", {"kind": "bag", "material": "hdpe", "volume_ml": 30000.0, "thickness_um": 15.0}),
    ("Påse avfall 30 l 25my HDPE", {"kind": "bag", "material": "hdpe", "thickness_um": 25.0}),
    ("Avfallspåse 30 liter 18 mikron", {"kind": "bag", "thickness_um": 18.0}),
    ("Servett 33x33 cm 2-lager grön", {"kind": "napkin", "lengths_mm": (330.0,), "ply": 2, "colours": {"green"}}),
    ("Sugrör av papper 6x200", {"kind": "straw", "material": "paper", "bare_lengths": (6.0, 200.0)}),
    ("Tejp 19 mm x 33 m", {"kind": "tape", "lengths_mm": (19.0, 33000.0)}),
    ("Handske nitril 100/fp L", {"kind": "glove", "count": 100, "size": "L"}),
    ("Handske 100-pack nitril L", {"kind": "glove", "count": 100, "size": "L"}),
    ("Servetter 500 st vit 40x40", {"kind": "napkin", "count": 500, "bare_lengths": (40.0,)}),
    ("Häftklamrar 24/6 förzinkade", {"kind": "staple", "numbers": ("24/6",), "words": ("förzinkad",)}),
    ("Kopieringspapper A4 80 g FSC", {"kind": "copy_paper", "paper_format": "A4", "weight_g": 80.0,
                                      "words": ()}),
    ("Plastpåse med handtag PE vit", {"kind": "carrier_bag", "material": "pe"}),
    ("Matlåda PP 1000 ml med lock", {"kind": "food_container", "material": "pp", "words": ("lid",)}),
    ("Alu-form 450 ml lock kartong", {"kind": "tray", "material": "aluminium"}),
    ("Handsprit 85 % 150 ml", {"kind": "hand_sanitiser", "percent": 85.0, "volume_ml": 150.0}),
    ("Golvrengöring 5 l", {"kind": "floor_cleaner", "volume_ml": 5000.0}),
    ("Allrengöring 5 l parfymfri", {"kind": "cleaner", "words": ("all", "parfymfri")}),
    ("Maskindiskmedel 5 l", {"kind": "dish_detergent", "words": ("maskin",)}),
    ("Nitrilhandskar, puderfria, storlek: M", {"kind": "glove", "size": "M", "words": ("puderfri",)}),
    ("Servetter 33x33cm 2-lags vit", {"kind": "napkin", "ply": 2, "lengths_mm": (330.0,)}),
    ("Toalettpapper 3-skikt", {"kind": "toilet_paper", "ply": 3}),
    ("Handdiskmedel 5 l", {"kind": "dish_detergent", "words": ("hand",)}),
    ("Tandborste mjuk", {"kind": "brush", "words": ("mjuk", "tand")}),
    ("Diskborste trä", {"kind": "brush", "material": "wood", "words": ("hushåll",)}),
    ("Aluminiumfolie 30 cm x 100 m", {"kind": "foil", "material": "aluminium"}),
    ("Städduk mikrofiber röd 40x40", {"kind": "cloth", "material": "microfibre", "words": ("städ",)}),
])
def test_a_name_parses_into_its_attributes(name: str, expected: dict[str, object]) -> None:
    parsed = parse_name(name)
    for attribute, value in expected.items():
        got = getattr(parsed, attribute)
        assert (set(got) if attribute == "colours" else got) == value, (name, attribute, parsed)


def test_two_spellings_of_one_glove_parse_alike() -> None:
    a = parse_name("Nitrilhandske puderfri blå stl M")
    b = parse_name("HANDSKE NITRIL M BLÅ PUDERFRI")
    assert (a.kind, a.material, a.size, a.colours, a.words) == (b.kind, b.material, b.size, b.colours, b.words)
    assert a.signature() == b.signature()


def test_sizes_volumes_and_thicknesses_tell_articles_apart() -> None:
    assert parse_name("Handske nitril M").signature() != parse_name("Handske nitril L").signature()
    assert parse_name("Mugg papp 20 cl").signature() != parse_name("Mugg papp 25 cl").signature()
    assert parse_name("Soppåse 30 l 15 my").signature() != parse_name("Soppåse 30 l 25 my").signature()
    # the count per pack is no part of the signature: one product in two pack sizes
    assert parse_name("Handske nitril M 100 st").signature() == parse_name("Handske nitril M 200 st").signature()


def test_the_material_column_wins_over_the_name() -> None:
    assert parse_name("Handske engång M", material="Nitril").material == "nitrile"
    assert parse_name("Plastmugg PP 20 cl").material == "pp"  # specific before the generic "plast"


def test_the_suppliers_name_is_no_descriptor() -> None:
    assert parse_name("Abena handske nitril M", supplier="Abena AB").words == ()


def test_openrefine_fingerprint() -> None:
    assert fingerprint("  Handske, nitril  Blå M ") == fingerprint("blå m NITRIL handske")
    assert fingerprint("Påse") == "pase"


def test_a_compounds_first_part_tells_products_apart() -> None:
    """A machine dishwashing detergent is no hand dishwashing liquid, a toothbrush no dish brush."""
    from workbench.consolidation.clusters import find_clusters, parse_items

    rows = [{"key": k, "name": n, "category": "städ", "supplier": "X"} for k, n in (
        ("A", "Maskindiskmedel 5 l"), ("B", "Handdiskmedel 5 l"), ("C", "Diskmedel hand 5 liter"),
        ("D", "Tandborste mjuk"), ("E", "Diskborste")) ]
    found = find_clusters(parse_items(rows))
    same = [set(c.keys) for c in found.clusters if c.kind == "same_product"]
    assert same == [{"B", "C"}]
