"""Consolidation candidates (issue 17, DESIGN "Consolidation"): clusters of articles that serve the same
need, found from parsed names, never merged automatically.

- **Blocking.** Articles are compared only inside a block of one product kind (``glove``, ``cup`` …, or
  the head word of a name outside the data), and inside it only with articles of the same *signature*:
  size, volume, lengths, thickness, ply, weight, paper format and any other number. So ``M`` and ``L``
  never make two gloves the same product, and the cost grows with the candidates, not with the square of
  the assortment.
- **Similarity.** Two articles of one signature are the same product when their material classes agree
  (or one is not known), their colours agree (or one names none), and the descriptors left after parsing
  are similar: rapidfuzz's ``token_set_ratio`` (compiled code) of the two descriptor strings at least
  :data:`THRESHOLD`; a name with no descriptor left fits any.
- **Complete linkage.** A ``same_product`` cluster holds only articles that are pairwise the same
  product, so A~B and B~C do not pull in A≁C.
- **Variants.** Articles of one kind, material class and descriptors (or joined through a
  ``same_product`` cluster) whose signatures or colours differ are one family: a ``variants`` cluster.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from workbench._gc import gc_paused
from workbench.consolidation.names import NameParser, ParsedName, default_parser
from workbench.numbers import cell_number

THRESHOLD = 70
"""The least ``token_set_ratio`` (0–100) of two descriptor strings for the same product (measured on the
sample's planted truth and the benchmark's, docs/consolidation.md)."""

SAME_PRODUCT = "same_product"
VARIANTS = "variants"
KINDS = (SAME_PRODUCT, VARIANTS)


@dataclass(slots=True)  # never changed once made (not frozen: 20,000 of them are made at once)
class Item:
    """One article as consolidation sees it (from the joint workbook's ``Sortiment`` or any list)."""

    key: str
    name: str
    parsed: ParsedName
    category: str = ""
    supplier: str = ""
    unit: str = ""
    pack_size: float | None = None
    price: float | None = None  # per unit of ``unit`` (a pack when the unit is one)
    quantity: float = 0.0
    spend: float = 0.0
    municipalities: int | None = None
    env_score: int | None = None
    decision: str | None = None
    replaced_by: str | None = None

    @property
    def pieces(self) -> float:
        """Pieces a year: the quantity times the pack size (a quantity of pieces when there is none)."""
        return self.quantity * (self.pack_size or 1.0)

    @property
    def price_per_piece(self) -> float | None:
        if self.price is None:
            return None
        return self.price / (self.pack_size or 1.0)


@dataclass(frozen=True)
class Cluster:
    id: str
    kind: str  # same_product | variants
    keys: tuple[str, ...]  # keeper first, then the others in key order
    keep: str  # the suggested keeper
    reason: tuple[str, ...]  # reason codes of the keeper, strongest first (see keeper.py)
    product: str | None  # the product kind (a kind of the data, or "~word")

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(k for k in self.keys if k != self.keep)


def cluster_id(kind: str, keys: Iterable[str]) -> str:
    """A cluster's ID: stable for the same kind and members, new when the members change."""
    digest = hashlib.sha1(("\x1f".join([kind, *sorted(keys)])).encode("utf-8")).hexdigest()
    return "K" + digest[:7].upper()


@gc_paused
def parse_items(rows: Iterable[dict[str, object]], parser: NameParser | None = None) -> list[Item]:
    """Rows (``key``, ``name``, ``material``, ``supplier`` and the figures) as items with parsed names."""
    parse = (parser or default_parser()).parse
    items = []
    for row in rows:
        name = str(row.get("name") or "")
        items.append(Item(
            key=str(row["key"]), name=name,
            parsed=parse(name, row.get("material"), row.get("supplier")),
            category=_text(row.get("category")) or "", supplier=_text(row.get("supplier")) or "",
            unit=_text(row.get("unit")) or "", pack_size=_positive(row.get("pack_size")),
            price=_positive(row.get("price")), quantity=_positive(row.get("quantity")) or 0.0,
            spend=_positive(row.get("spend")) or 0.0, municipalities=_count(row.get("municipalities")),
            env_score=_count(row.get("env_score")), decision=_text(row.get("decision")),
            replaced_by=_text(row.get("replaced_by"))))
    return items


def _positive(value: object) -> float | None:
    number = cell_number(value)
    return number if number is not None and number > 0 else None


def _count(value: object) -> int | None:
    number = _positive(value)
    return int(number) if number is not None else None


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


# ---- the comparison --------------------------------------------------------------------------------

def _material_class(parser: NameParser, item: Item) -> str | None:
    material = item.parsed.material
    return parser.words.material_class.get(material, material) if material is not None else None


def _resolve_bare(items: Sequence[Item]) -> dict[str, tuple[float, ...]]:
    """Each item's lengths, a unitless dimension ("6x200") or a plain number ("Signalficka A4 0,08") read
    in the unit its block's other names write it in (mm, cm); an unplaced unitless dimension is read in
    mm when a number is 100 or more, else in cm, and a plain number stays a number."""
    written_sets = [set(w) for w in {tuple(i.parsed.lengths_mm) for i in items if i.parsed.lengths_mm}]
    resolved: dict[str, tuple[float, ...]] = {}
    for item in items:
        parsed = item.parsed
        bare = list(parsed.bare_lengths)
        plain = [float(n) for n in parsed.numbers if _PLAIN.fullmatch(n)]
        if not bare and not plain:
            resolved[item.key] = parsed.lengths_mm
            continue
        choice: tuple[list[float], float] | None = None
        for values in ([*bare, *plain], bare):
            if not values:
                continue
            for factor in (1.0, 10.0):
                wanted = {round(v * factor, 3) for v in values} | set(parsed.lengths_mm)
                if any(wanted == lengths for lengths in written_sets):
                    choice = (values, factor)
                    break
            if choice is not None:
                break
        if choice is None:
            if not bare:
                resolved[item.key] = parsed.lengths_mm
                continue
            choice = (bare, 1.0 if max(bare) >= 100 else 10.0)
        values, factor = choice
        resolved[item.key] = tuple(sorted({round(v * factor, 3) for v in values} | set(parsed.lengths_mm)))
    return resolved


_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def _numbers_left(item: Item, lengths: tuple[float, ...]) -> tuple[str, ...]:
    """The item's other numbers, without those its lengths took."""
    if lengths == item.parsed.lengths_mm:
        return item.parsed.numbers
    taken = set(lengths)
    return tuple(n for n in item.parsed.numbers
                 if not (_PLAIN.fullmatch(n) and ({float(n), float(n) * 10} & taken)))


def _codes(values: Sequence[object]) -> np.ndarray:
    """Each value as an integer code, 0 for a missing one (None or empty)."""
    seen: dict[object, int] = {None: 0, (): 0, frozenset(): 0}
    codes = [seen.setdefault(value, len(seen) - 2) for value in values]  # the three missing forms are 0
    return np.array(codes, dtype=np.int32)


def _agree(codes: np.ndarray, rows: slice) -> np.ndarray:
    """Pairs (rows × all) whose values are equal or missing on either side."""
    a = codes[rows, None]
    b = codes[None, :]
    result: np.ndarray = (a == b) | (a == 0) | (b == 0)
    return result


_CHUNK = 512


def candidate_pairs(block: Sequence[Item], lengths: dict[str, tuple[float, ...]], classes: dict[str, str | None],
                    plastic: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of a block that may be the same product: every attribute of the signature,
    the colours, the percentage and the material class equal, or missing on either side (a generic
    'plast' fits any plastic). Computed in numpy, a chunk of rows at a time."""
    n = len(block)
    # volume and thickness define what a bag or a cup is: a name without one is not the same product as
    # a name with one; the other attributes may be left out of a name (a length, the ply, a size)
    strict = [
        _codes([i.parsed.volume_ml for i in block]),
        _codes([i.parsed.thickness_um for i in block]),
    ]
    loose = [
        _codes([i.parsed.size for i in block]),
        _codes([lengths[i.key] for i in block]),
        _codes([i.parsed.ply for i in block]),
        _codes([i.parsed.weight_g for i in block]),
        _codes([i.parsed.paper_format for i in block]),
        _codes([_numbers_left(i, lengths[i.key]) for i in block]),
    ]
    # what a name leaves out, the other may say, but not each something the other lacks ("30 l, 18 my"
    # and "1 kg" are two products, not one with a missing volume and the other a missing weight)
    said = np.zeros(n, dtype=np.int64)
    for bit, codes in enumerate(loose):
        said |= (codes != 0).astype(np.int64) << bit
    columns = [*loose, _codes([i.parsed.colours for i in block]), _codes([i.parsed.percent for i in block])]
    material = [classes[i.key] for i in block]
    material_codes = _codes(material)
    generic = np.array([m == "plastic" for m in material])
    plastics = np.array([m in plastic for m in material])
    first: list[np.ndarray] = []
    second: list[np.ndarray] = []
    for start in range(0, n, _CHUNK):
        rows = slice(start, min(n, start + _CHUNK))
        ok = np.ones((rows.stop - rows.start, n), dtype=bool)
        for codes in strict:
            ok &= codes[rows, None] == codes[None, :]
        for codes in columns:
            ok &= _agree(codes, rows)
        both = said[rows, None] & said[None, :]
        ok &= (both == said[rows, None]) | (both == said[None, :])
        ok &= (_agree(material_codes, rows) | (generic[rows, None] & plastics[None, :])
               | (plastics[rows, None] & generic[None, :]))
        ok &= np.arange(rows.start, rows.stop)[:, None] < np.arange(n)[None, :]
        i, j = np.nonzero(ok)
        first.append(i + rows.start)
        second.append(j)
    if not first:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    return np.concatenate(first), np.concatenate(second)


def _block_pairs(block: Sequence[Item], lengths: dict[str, tuple[float, ...]], classes: dict[str, str | None],
                 plastic: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidate_pairs` of a block, one group of equal volume and thickness at a time (the
    attributes that must be equal: pairs across two groups are never candidates)."""
    groups: dict[tuple[float | None, float | None], list[int]] = defaultdict(list)
    for index, item in enumerate(block):
        groups[(item.parsed.volume_ml, item.parsed.thickness_um)].append(index)
    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        where = np.array(members, dtype=np.intp)
        a, b = candidate_pairs([block[i] for i in members], lengths, classes, plastic)
        firsts.append(where[a])
        seconds.append(where[b])
    if not firsts:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    return np.concatenate(firsts), np.concatenate(seconds)


def pair_similarity(descriptors: Sequence[str], first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """``token_set_ratio`` (0–100) of the descriptor strings of each pair ``first[k]``, ``second[k]``; a
    string with no descriptor fits any (100), and so does the same string (computed only where neither)."""
    from rapidfuzz import fuzz, process

    scores = np.full(len(first), 100.0, dtype=np.float32)
    if not len(first):
        return scores
    texts = np.array(descriptors, dtype=object)
    codes = _codes([d or None for d in descriptors])  # 0 for an empty descriptor, else one code per string
    a, b = codes[first], codes[second]
    differ = (a != 0) & (b != 0) & (a != b)
    if differ.any():
        scores[differ] = process.cpdist(list(texts[first[differ]]), list(texts[second[differ]]),
                                        scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
    return scores


def complete_linkage(score: np.ndarray, threshold: float) -> list[list[int]]:
    """Agglomerative clustering by complete linkage: the two groups whose *least* similar pair is the most
    similar merge first, while that least similarity is at least ``threshold``. Every pair inside a
    group is then at least ``threshold``."""
    n = score.shape[0]
    groups: list[list[int]] = [[i] for i in range(n)]
    if n < 2:
        return groups
    d = score.astype(np.float32, copy=True)
    np.fill_diagonal(d, -1.0)
    alive = np.ones(n, dtype=bool)
    while True:
        flat = int(np.argmax(d))
        i, j = divmod(flat, n)
        if d[i, j] < threshold:
            break
        if j < i:
            i, j = j, i
        row = np.minimum(d[i], d[j])
        row[~alive] = -1.0
        d[i, :] = row
        d[:, i] = row
        d[i, i] = -1.0
        d[j, :] = -1.0
        d[:, j] = -1.0
        alive[j] = False
        groups[i].extend(groups[j])
        groups[j] = []
    return [sorted(g) for g in groups if g]


def _components(n: int, first: np.ndarray, second: np.ndarray) -> list[list[int]]:
    """Connected components of ``n`` nodes joined by the pairs ``first[k]``–``second[k]``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(first.tolist(), second.tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    found: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        found[find(i)].append(i)
    return list(found.values())


# ---- clustering ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    """Every candidate of one run, and what each article parsed to."""

    clusters: list[Cluster]
    items: dict[str, Item]
    pairs_compared: int


@gc_paused
def find_clusters(items: Sequence[Item], *, parser: NameParser | None = None, threshold: float = THRESHOLD) -> Found:
    """The ``same_product`` and ``variants`` clusters among ``items`` (each with its suggested keeper)."""
    from workbench.consolidation.keeper import choose_keeper

    parse = parser or default_parser()
    plastic = parse.words.plastic_classes
    blocks: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.parsed.kind is not None:
            blocks[item.parsed.kind].append(item)
        elif item.category:  # a name with no kind or head word: compared within its category
            blocks["?" + item.category].append(item)
    by_key = {item.key: item for item in items}
    clusters: list[Cluster] = []
    compared = 0
    for product, block in sorted(blocks.items()):
        block.sort(key=lambda i: i.key)
        lengths = _resolve_bare(block)
        classes = {i.key: _material_class(parse, i) for i in block}
        first, second = _block_pairs(block, lengths, classes, plastic)
        compared += len(first)
        scores = pair_similarity([i.parsed.descriptor for i in block], first, second)
        keep_pairs = scores >= threshold
        first, second, scores = first[keep_pairs], second[keep_pairs], scores[keep_pairs]
        same: list[list[Item]] = []
        parts = _components(len(block), first, second)
        component = np.zeros(len(block), dtype=np.intp)
        for number, part in enumerate(parts):
            component[part] = number
        pair_component = component[first]
        order = np.argsort(pair_component, kind="stable")
        bounds = np.searchsorted(pair_component[order], np.arange(len(parts) + 1))
        position = np.zeros(len(block), dtype=np.intp)
        for number, part in enumerate(parts):
            size = len(part)
            if size < 2:
                continue
            chosen = order[bounds[number]:bounds[number + 1]]
            if len(chosen) == size * (size - 1) // 2:  # every pair similar: one cluster, nothing to link
                same.append([block[i] for i in sorted(part)])
                continue
            position[part] = np.arange(size)
            dense = np.zeros((size, size), dtype=np.float32)
            a, b = position[first[chosen]], position[second[chosen]]
            dense[a, b] = scores[chosen]
            dense[b, a] = scores[chosen]
            for group in complete_linkage(dense, threshold):
                if len(group) > 1:
                    same.append([block[part[m]] for m in group])
        for members in same:
            keep, reason = choose_keeper(members)
            keys = (keep, *sorted(i.key for i in members if i.key != keep))
            clusters.append(Cluster(cluster_id(SAME_PRODUCT, keys), SAME_PRODUCT, keys, keep, reason, product))
        clusters.extend(_variants(block, same, classes, lengths, product))
    clusters.sort(key=lambda c: (KINDS.index(c.kind), -len(c.keys), c.keys))
    return Found(clusters, by_key, compared)


def _variants(block: list[Item], same: list[list[Item]], classes: dict[str, str | None],
              lengths: dict[str, tuple[float, ...]], product: str) -> list[Cluster]:
    """Families of one kind: the same material class and descriptors, or joined through a same-product
    cluster; a family is a ``variants`` cluster when its members differ in signature or colour."""
    from workbench.consolidation.keeper import choose_keeper

    # each item's mark (material class, descriptors) is a node; same-product clusters join marks
    mark_of: dict[tuple[str | None, str], int] = {}
    node = [mark_of.setdefault((classes[item.key], item.parsed.descriptor), len(mark_of)) for item in block]
    parent = list(range(len(mark_of)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    position = {item.key: i for i, item in enumerate(block)}
    for members in same:
        root = find(node[position[members[0].key]])
        for other in members[1:]:
            other_root = find(node[position[other.key]])
            if other_root != root:
                parent[other_root] = root
    families: dict[int, list[Item]] = defaultdict(list)
    for item, mark in zip(block, node, strict=True):
        families[find(mark)].append(item)
    clusters = []
    for members in families.values():
        looks = {(i.parsed.size, i.parsed.volume_ml, lengths[i.key], i.parsed.thickness_um, i.parsed.ply,
                  i.parsed.weight_g, i.parsed.paper_format, i.parsed.numbers, i.parsed.colours) for i in members}
        if len(members) < 2 or len(looks) < 2:
            continue
        keep, reason = choose_keeper(members)
        keys = (keep, *sorted(i.key for i in members if i.key != keep))
        clusters.append(Cluster(cluster_id(VARIANTS, keys), VARIANTS, keys, keep, reason, product))
    return clusters
