"""Consolidation's words in the message catalogue (:mod:`workbench.messages` merges them): the kinds of
cluster, the keeper's reasons, the Kluster sheet's labels and the command's report."""

from __future__ import annotations

CONSOLIDATION_TEXTS: dict[str, tuple[str, str]] = {
    "cluster_kind_same_product": ("Samma produkt", "Same product"),
    "cluster_kind_variants": ("Varianter", "Variants"),
    "cluster_status_open": ("Öppet", "Open"),
    "cluster_status_accepted": ("Godkänt", "Accepted"),
    "cluster_status_rejected": ("Avvisat", "Rejected"),
    "keeper_volume": ("störst samlad volym ({pieces} st per år)", "largest pooled volume ({pieces} pieces a year)"),
    "keeper_env_score": ("bäst miljöpoäng ({score})", "best environmental score ({score})"),
    "keeper_price_per_piece": ("lägst styckpris ({price} kr)", "lowest price per piece (SEK {price})"),
    "keeper_municipalities": (
        "köps av flest kommuner ({municipalities})", "bought by the most municipalities ({municipalities})"),
    "keeper_chosen": ("vald av arbetsgruppen", "chosen by the working group"),
    "keeper_first": ("lika på allt: först i ordningen", "equal on every count: first in order"),
    "keeper_reason": ("Behåll {key}: {reasons}.", "Keep {key}: {reasons}."),
    "clusters_summary": (
        "{file}: {articles} {articles|artikel|artiklar}; {same} {same|kluster|kluster} av samma produkt "
        "med {in_clusters} {in_clusters|artikel|artiklar} och {variants} {variants|variantfamilj|variantfamiljer}. "
        "Godkänns alla blir sortimentet {if_accepted} {if_accepted|artikel|artiklar} "
        "({decided} av {total} {total|kluster|kluster} avgjorda).",
        "{file}: {articles} {articles|article|articles}; {same} same-product {same|cluster|clusters} "
        "holding {in_clusters} {in_clusters|article|articles} and {variants} variant "
        "{variants|family|families}. Accepting every one leaves {if_accepted} "
        "{if_accepted|article|articles} ({decided} of {total} {total|cluster|clusters} decided).",
    ),
    "clusters_accepted": (
        "{file}: {count} {count|kluster|kluster} {count|godkändes|godkändes}; {replaced} "
        "{replaced|artikel|artiklar} {replaced|ersätts|ersätts} nu av sin behållna artikel.",
        "{file}: {count} {count|cluster|clusters} accepted; {replaced} {replaced|article is|articles are} now "
        "replaced by {replaced|its|their} kept article.",
    ),
    "clusters_skipped": (
        "{key} har redan beslutet {decision}, som inte skrevs över.",
        "{key} already has the decision {decision}, which was not overwritten.",
    ),
    "cluster_unknown": (
        "{file} har inget kluster {ids}. Kör workbench clusters för att se klustren.",
        "{file} has no cluster {ids}. Run workbench clusters to see the clusters.",
    ),
    "cluster_variants_accept": (
        "Kluster {ids} är varianter av en familj, inte samma produkt: bestäm dem i rutnätet.",
        "Cluster {ids} holds variants of one family, not the same product: decide them in the grid.",
    ),
    "clusters_need_workbook": (
        "{file} är inte en arbetsbok (.xlsx): beslut om kluster skrivs i den gemensamma arbetsboken, "
        "där de sparas i bladet Kluster. Ingenting skrevs.",
        "{file} is not a workbook (.xlsx): decisions on clusters are written into the joint workbook, "
        "which keeps them in its sheet Clusters. Nothing was written.",
    ),
    "kluster_decision_keep": ("Behålls", "Kept"),
    "kluster_decision_replace": ("Ersätts", "Replaced"),
    "kluster_decision_reject": ("Avvisad", "Rejected"),
    "kluster_decision_split": ("Utbruten", "Split off"),
    "kluster_decision_stay": ("Kvar", "Stays"),
    "kluster_decision_reopen": ("Återöppnad", "Reopened"),
}
