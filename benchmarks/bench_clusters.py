"""Consolidation benchmark (issue 17): clustering 20,000 articles against comparing every pair of names
within each category with the same similarity function, and OpenRefine's fingerprint keys alone.

Target (same run): ours <= 5 s, and at least 10x faster than the all-pairs baseline at equal or better F1
on the planted truth (pairs of the same family and variant). Names are generated from product kinds,
materials, descriptors (with synonyms), sizes, volumes and thicknesses, each supplier writing its own
name for the same product (word order, case, abbreviations, units, a brand word), so the truth is known.
Run: ``.venv/bin/python benchmarks/run.py clusters``.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import defaultdict
from typing import Any

from _harness import Row, peak_rss_mb_of, print_table

ARTICLES, QUICK_ARTICLES = 20_000, 2_000
LIMIT_SECONDS, SPEEDUP = 5.0, 10.0

# kind spellings, category, the axis its variants differ on, the materials it is made of
_PLASTIC = (("PP", "pp", "polypropen"), ("PE", "pe", "polyeten"), ("PET", "pet"), ("PLA", "pla"))
_PAPER = (("papper", "Papper", "kartong", "papp"),)  # one material class for the parser
_GLOVE = (("nitril", "Nitril", "NBR"), ("vinyl", "Vinyl", "PVC"), ("latex", "Latex"))
KINDS: tuple[tuple[tuple[str, ...], str, str, tuple[tuple[str, ...], ...]], ...] = (
    (("Handske", "handske", "Gloves", "Undersökningshandske"), "handskar", "size", _GLOVE),
    (("Mugg", "Bägare", "Cup"), "engångsartiklar", "volume", (*_PLASTIC, *_PAPER)),
    (("Tallrik", "Assiett", "Plate"), "engångsartiklar", "diameter", (*_PAPER, ("trä", "Trä"), ("PLA", "pla"))),
    (("Sugrör", "Straw"), "engångsartiklar", "length", (("papper", "Papper"), ("PLA", "pla"))),
    (("Servett", "Servetter", "Napkin"), "engångsartiklar", "side", (("papper", "Papper"), ("nonwoven",))),
    (("Soppåse", "Avfallspåse", "Påse avfall"), "påsar och säckar", "thickness", _PLASTIC),
    (("Sopsäck", "Avfallssäck", "Säck avfall"), "påsar och säckar", "volume_l", _PLASTIC),
    (("Fryspåse", "Påse frys"), "påsar och säckar", "volume_l", _PLASTIC),
    (("Matlåda", "Matbox", "Engångsbox"), "livsmedelsemballage", "volume", (*_PLASTIC, *_PAPER)),
    (("Folie", "Film"), "livsmedelsemballage", "width", (("aluminium", "alu"), ("PE", "pe"), ("PVC", "pvc"))),
    (("Diskmedel", "Diskmedel hand"), "städ", "volume_l", (("",),)),
    (("Allrengöring", "Allrent"), "städ", "volume_l", (("",),)),
    (("Städduk", "Duk"), "städ", "side", (("mikrofiber", "microfiber"), ("bomull", "Bomull"), ("viskos",))),
    (("Handtvål", "Tvål flytande"), "hygien", "volume", (("",),)),
    (("Toalettpapper", "Toapapper"), "hygien", "ply", (("",), ("återvunnet",))),
    (("Kulpenna", "Kulspetspenna"), "kontor", "colour", (("",), ("plast",))),
    (("Kuvert",), "kontor", "format", (("papper", "Papper"), ("",))),
)
_AXIS_VALUES = {"size": 6, "volume": 8, "volume_l": 10, "thickness": 8, "diameter": 10, "width": 10, "side": 10,
                "length": 6, "ply": 4, "format": 6, "colour": 5}
DESCRIPTORS = (("puderfri", "opudrad", "powder-free"), ("parfymfri", "oparfymerad"), ("komposterbar",),
               ("extra stark", "extra stark"), ("premium",), ("komfort",), ("refill", "påfyllning"),
               ("med lock", "inkl lock"), ("lång", "lång"), ("eco",), ("soft",), ("industri",),
               ("antibakteriell",), ("sensitiv", "sensitive"), ("barn",), ("proffs", "professional"),
               ("classic",), ("plus",), ("mini",), ("maxi",), ("tjock",), ("hotell",), ("kök",), ("skola",))
COLOURS = (("blå", "Blå", "blue"), ("svart", "Svart"), ("vit", "Vit", "white"), ("grön", "Grön"), ("röd", "Röd"))
BRANDS = ("Abena", "Tork", "Duni", "Katrin", "Semperit", "Mediq", "Evercare", "Hygiene Pro", "Nordic", "Basic")


def _variant(axis: str, index: int, rng: random.Random) -> tuple[str, ...]:
    """One variant value of ``axis`` in its spellings (the same value written several ways)."""
    if axis == "size":
        size = ("XS", "S", "M", "L", "XL", "XXL")[index % 6]
        return (size, f"stl {size}", f"size {size}")
    if axis == "volume":
        cl = (15, 20, 25, 30, 40, 50, 75, 100)[index % 8] * (1 + index // 8)
        return (f"{cl} cl", f"{cl}cl", f"{cl * 10} ml")
    if axis == "volume_l":
        litres = (1, 2, 3, 5, 10, 30, 60, 125, 160, 240)[index % 10] + 1000 * (index // 10)
        return (f"{litres} l", f"{litres} liter", f"{litres}l")
    if axis == "thickness":
        my = (10, 12, 15, 18, 20, 25, 30, 40)[index % 8] + 100 * (index // 8)
        return (f"{my} my", f"{my}my", f"{my} µm", f"{my} mikron")
    if axis in ("diameter", "width", "side"):
        cm = (15, 18, 20, 22, 24, 26, 30, 33, 40, 45)[index % 10] + 100 * (index // 10)
        return (f"{cm} cm", f"{cm}cm", f"{cm * 10} mm")
    if axis == "length":
        mm = (150, 180, 200, 210, 230, 250)[index % 6] + 1000 * (index // 6)
        return (f"{mm} mm", f"{mm}mm")
    if axis == "ply":
        ply = (1, 2, 3, 4)[index % 4]
        return (f"{ply}-lager", f"{ply} lager")
    if axis == "format":
        fmt = ("C4", "C5", "C6", "E4", "E65", "C65")[index % 6]
        return (fmt,)
    return COLOURS[index % len(COLOURS)]


def generate(count: int, seed: int = 17) -> tuple[list[dict[str, Any]], dict[str, tuple[int, int]]]:
    """``count`` article rows and each one's (family, variant)."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    truth: dict[str, tuple[int, int]] = {}
    family = 0
    used: dict[tuple[int, str, str], set[str]] = {}
    attempts = 0
    while len(rows) < count:
        kinds, category, axis, materials = KINDS[family % len(KINDS)]
        material = materials[rng.randrange(len(materials))]
        descriptor = DESCRIPTORS[rng.randrange(len(DESCRIPTORS))]
        colour = COLOURS[rng.randrange(len(COLOURS))] if axis != "colour" and rng.random() < 0.5 else ("",)
        # two families that read alike are no truth a parser could find: the same kind, material and
        # descriptor only in two different colours, never once without a colour and once with one
        identity = (family % len(KINDS), material[0], descriptor[0])
        colours = used.setdefault(identity, set())
        if colour[0] in colours or (colours and (not colour[0] or "" in colours)):
            family += 1
            attempts += 1
            if attempts > 100_000:
                raise RuntimeError("the generator ran out of distinct families")
            continue
        colours.add(colour[0])
        for variant in range(min(rng.randrange(2, 7), _AXIS_VALUES[axis])):
            values = _variant(axis, variant, rng)
            for _ in range(rng.choice((1, 2, 3, 3, 4, 5))):
                parts = [rng.choice(kinds), rng.choice(material), rng.choice(values), rng.choice(descriptor),
                         rng.choice(colour)]
                first, rest = parts[0], parts[1:]
                rng.shuffle(rest)
                if rng.random() < 0.25:
                    rest.append(rng.choice(BRANDS))
                name = " ".join(p for p in [first, *rest] if p)
                name = name.upper() if rng.random() < 0.1 else name
                key = f"G{len(rows) + 1:05d}"
                rows.append({"key": key, "name": name, "category": category,
                             "supplier": f"Leverantör {rng.randrange(40)}", "quantity": rng.randrange(1, 5000),
                             "pack_size": rng.choice((1, 10, 50, 100)), "price": round(rng.uniform(5, 500), 2),
                             "spend": 0.0, "municipalities": rng.randrange(1, 9)})
                truth[key] = (family, variant)
        family += 1
    return rows[:count], {k: v for k, v in truth.items() if int(k[1:]) <= count}


def ours(rows: list[dict[str, Any]]) -> list[list[str]]:
    from workbench.consolidation.clusters import SAME_PRODUCT, find_clusters, parse_items
    from workbench.consolidation.names import NameParser

    parser = NameParser()  # a fresh cache: every name parsed
    found = find_clusters(parse_items(rows, parser), parser=parser)
    return [list(c.keys) for c in found.clusters if c.kind == SAME_PRODUCT]


def all_pairs(rows: list[dict[str, Any]]) -> list[list[str]]:
    """Every pair of names within each category scored with the same function (the same gates and the
    same token_set_ratio of the descriptors), then the same complete linkage."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from workbench.consolidation.clusters import (
        THRESHOLD,
        _components,
        _material_class,
        _resolve_bare,
        candidate_pairs,
        complete_linkage,
        parse_items,
    )
    from workbench.consolidation.names import NameParser

    parser = NameParser()
    items = parse_items(rows, parser)
    by_category: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        by_category[item.category].append(item)
    clusters: list[list[str]] = []
    for block in by_category.values():
        texts = [i.parsed.descriptor for i in block]
        score = process.cdist(texts, list(texts), scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
        empty = np.array([not t for t in texts])
        score[empty, :] = 100.0
        score[:, empty] = 100.0
        kinds = np.array([hash(i.parsed.kind) for i in block])
        gate = np.zeros_like(score, dtype=bool)
        lengths: dict[str, tuple[float, ...]] = {}
        for kind in {i.parsed.kind for i in block}:  # units read as ours reads them: within a kind
            lengths.update(_resolve_bare([i for i in block if i.parsed.kind == kind]))
        first, second = candidate_pairs(block, lengths, {i.key: _material_class(parser, i) for i in block},
                                        parser.words.plastic_classes)
        gate[first, second] = gate[second, first] = True
        score[~gate | (kinds[:, None] != kinds[None, :])] = 0.0
        np.fill_diagonal(score, 100.0)
        a, b = np.nonzero(np.triu(score >= THRESHOLD, k=1))
        for part in _components(len(block), a, b):
            if len(part) > 1:
                for group in complete_linkage(score[np.ix_(part, part)], THRESHOLD):
                    if len(group) > 1:
                        clusters.append([block[part[m]].key for m in group])
    return clusters


def fingerprints(rows: list[dict[str, Any]]) -> list[list[str]]:
    from workbench.consolidation.names import fingerprint

    keys: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        keys[fingerprint(row["name"])].append(row["key"])
    return [k for k in keys.values() if len(k) > 1]


def f1(clusters: list[list[str]], truth: dict[str, tuple[int, int]]) -> tuple[float, float, float]:
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for key, label in truth.items():
        groups[label].append(key)
    true_pairs = sum(len(g) * (len(g) - 1) // 2 for g in groups.values())
    found = [p for c in clusters for p in itertools.combinations(c, 2)]
    right = sum(truth[a] == truth[b] for a, b in found)
    precision = right / len(found) if found else 0.0
    recall = right / true_pairs if true_pairs else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run_ours(count: int) -> None:
    rows, _ = generate(count)
    ours(rows)


def main(quick: bool = False) -> bool:
    count = QUICK_ARTICLES if quick else ARTICLES
    rows, truth = generate(count)
    repeat = 1 if quick else 3
    times: dict[str, list[float]] = defaultdict(list)
    results: dict[str, list[list[str]]] = {}
    for _ in range(repeat):
        for name, fn in (("all pairs in category", all_pairs), ("ours", ours), ("fingerprint keys", fingerprints)):
            started = time.perf_counter()
            results[name] = fn(rows)
            times[name].append(time.perf_counter() - started)
    _, peak = peak_rss_mb_of("bench_clusters:run_ours", count)
    medians = {name: sorted(values)[len(values) // 2] for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<24} runs {', '.join(f'{v:.2f}' for v in values)} s")
    scores = {name: f1(clusters, truth) for name, clusters in results.items()}
    for name, (p, r, f) in scores.items():
        print(f"  {name:<24} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  clusters {len(results[name]):,}")
    passed = print_table(f"clusters: {count:,} articles", [
        Row("all pairs in category", medians["all pairs in category"], None, None),
        Row("ours", medians["ours"], peak, ("all pairs in category", 1 / SPEEDUP)),
        Row("fingerprint keys", medians["fingerprint keys"], None, ("all pairs in category", 1.0), info=True),
    ], baselines=("all pairs in category",), enforce=not quick)
    within = medians["ours"] <= LIMIT_SECONDS
    better = scores["ours"][2] >= scores["all pairs in category"][2]
    print(f"  ours {medians['ours']:.2f} s <= {LIMIT_SECONDS:g} s: {'PASS' if within else 'FAIL'}; "
          f"F1 ours {scores['ours'][2]:.3f} >= all pairs {scores['all pairs in category'][2]:.3f}: "
          f"{'PASS' if better else 'FAIL'}; peak {peak:.0f} MB <= 1024 MB: {'PASS' if peak <= 1024 else 'FAIL'}")
    return (passed and within and better and peak <= 1024) or quick


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
