"""The DESIGN's matching rules, one at a time, with the edge cases the acceptance tests rely on."""

from _gs1 import with_check_digit

from workbench.assortment.matching import FindingCode, MatchRule, SourceRow, match_rows

G1 = with_check_digit("730797628315")
G2 = with_check_digit("730797628316")
G3 = with_check_digit("400638133393")


def row(municipality: str, **fields: object) -> SourceRow:
    return SourceRow(municipality=municipality, file=f"{municipality}.xlsx", **fields)  # type: ignore[arg-type]


def same(result_groups: list[int], *positions: int) -> bool:
    return len({result_groups[position] for position in positions}) == 1


def test_rule_1_equal_valid_gtin_in_any_form() -> None:
    rows = [row("Ale", gtin=G1, name="Handske"), row("Borås", gtin=float(G1), name="Glove"),
            row("Cederby", gtin=f"0{G1}", name="Annat namn"), row("Dals", gtin=G2, name="Handske")]
    result = match_rows(rows)
    assert same(result.groups, 0, 1, 2)
    assert result.groups[3] != result.groups[0]
    assert result.rules == [MatchRule.GTIN, MatchRule.GTIN, MatchRule.GTIN, MatchRule.NY]
    assert result.gtins[0] == result.gtins[1] == "0" + G1


def test_an_invalid_gtin_is_a_finding_not_a_match() -> None:
    bad = G1[:-1] + str((int(G1[-1]) + 1) % 10)
    rows = [row("Ale", gtin=bad), row("Borås", gtin=bad), row("Cederby", gtin="7.30798E+12")]
    result = match_rows(rows)
    assert len(set(result.groups)) == 3
    found = {(f.detail, f.rows) for f in result.findings_of(FindingCode.INVALID_GTIN)}
    assert found == {("invalid_check_digit", (0, 1)), ("lost_precision", (2,))}


def test_rule_2_supplier_and_article_number_normalised() -> None:
    rows = [row("Ale", supplier="Nordisk Engångs AB", supplier_article_no="NE-1234", name="Mugg"),
            row("Borås", supplier="NORDISK ENGÅNGS AKTIEBOLAG", supplier_article_no="ne 1234", name="Kopp"),
            row("Cederby", supplier="Annan AB", supplier_article_no="NE-1234", name="Mugg"),
            row("Dals", supplier_article_no="NE-1234")]
    result = match_rows(rows)
    assert same(result.groups, 0, 1)
    assert len({result.groups[0], result.groups[2], result.groups[3]}) == 3
    assert result.rules[:2] == [MatchRule.LEV_ARTNR, MatchRule.LEV_ARTNR]


def test_rule_3_supplier_name_unit_and_pack_size() -> None:
    rows = [row("Ale", supplier="Abena AB", name="Handske nitril M", unit="st", pack_size=100),
            row("Borås", supplier="ABENA", name="HANDSKE  NITRIL M", unit="ST", pack_size="100 st"),
            row("Cederby", supplier="Abena", name="Handske nitril M", unit="st", pack_size=200),
            row("Dals", supplier="Abena", name="Handske nitril M", unit="förp", pack_size=100),
            row("Eda", supplier="Essity", name="Handske nitril M", unit="st", pack_size=100)]
    result = match_rows(rows)
    assert same(result.groups, 0, 1)
    assert len({result.groups[i] for i in (0, 2, 3, 4)}) == 4
    assert result.rules[:2] == [MatchRule.NAMN, MatchRule.NAMN]
    assert result.rules[2:] == [MatchRule.NY] * 3


def test_a_list_without_pack_sizes_matches_on_supplier_name_and_unit() -> None:
    rows = [row("Ale", supplier="Abena", name="Förkläde PE", unit="st", pack_size=100),
            row("Borås", supplier="Abena", name="Förkläde PE", unit="st", pack_size=100),
            row("Cederby", supplier="Abena AB", name="förkläde pe", unit="styck")]  # Cederby has no pack sizes
    result = match_rows(rows)
    assert same(result.groups, 0, 1, 2)
    assert result.rules == [MatchRule.NAMN] * 3


def test_a_list_without_pack_sizes_does_not_join_two_pack_sizes() -> None:
    """Without its pack size the row could be either article: it stays apart rather than join both."""
    rows = [row("Ale", supplier="Abena", name="Förkläde PE", unit="st", pack_size=100),
            row("Borås", supplier="Abena", name="Förkläde PE", unit="st", pack_size=200),
            row("Cederby", supplier="Abena", name="Förkläde PE", unit="st")]
    result = match_rows(rows)
    assert len(set(result.groups)) == 3


def test_a_row_missing_a_pack_size_its_list_has_is_not_a_wildcard() -> None:
    rows = [row("Ale", supplier="Abena", name="Förkläde PE", unit="st", pack_size=100),
            row("Borås", supplier="Abena", name="Förkläde PE", unit="st", pack_size=50),
            row("Borås", supplier="Abena", name="Förkläde PE", unit="st")]
    result = match_rows(rows)
    assert len(set(result.groups)) == 3


def test_links_are_transitive_and_each_row_records_its_best_rule() -> None:
    rows = [row("Ale", gtin=G1, supplier="Abena", supplier_article_no="A-1"),
            row("Borås", supplier="Abena AB", supplier_article_no="a1", name="Mugg", unit="st"),
            row("Cederby", supplier="Abena", name="MUGG", unit="st"),
            row("Dals", gtin=G1)]
    result = match_rows(rows)
    assert same(result.groups, 0, 1, 2, 3)
    assert result.rules == [MatchRule.GTIN, MatchRule.LEV_ARTNR, MatchRule.NAMN, MatchRule.GTIN]
    assert result.group_count == 1
    assert result.rule_counts() == {MatchRule.GTIN: 2, MatchRule.LEV_ARTNR: 1, MatchRule.NAMN: 1, MatchRule.NY: 0}


def test_different_valid_gtins_are_never_joined_by_rule_2_or_3() -> None:
    rows = [row("Ale", gtin=G1, supplier="Abena", supplier_article_no="A-1", name="Mugg", unit="st"),
            row("Borås", gtin=G2, supplier="Abena", supplier_article_no="A-1", name="Mugg", unit="st")]
    result = match_rows(rows)
    assert result.groups[0] != result.groups[1]
    conflicts = result.findings_of(FindingCode.GTIN_CONFLICT)
    # one finding for the one conflict, under the first rule that found it (not once per rule)
    assert [(f.rows, f.detail) for f in conflicts] == [((0, 1), "lev_artnr")]


def test_a_conflict_found_by_a_fuller_and_a_partial_key_is_one_finding() -> None:
    """The walk-through's "7 rader … / 8 rader …" on one article: a name refused by its exact key, then again
    with a list that has no pack sizes, is one finding holding all the rows."""
    rows = [row("Ale", supplier="Abena", supplier_article_no="K-30", name="Kompostpåse 30 l", unit="st", pack_size=10),
            row("Borås", supplier="Abena", supplier_article_no="K-31", name="Kompostpåse 30 l", unit="st",
                pack_size=10),
            row("Cederby", supplier="Abena", name="Kompostpåse 30 l", unit="st")]
    result = match_rows(rows)
    conflicts = result.findings_of(FindingCode.ARTICLE_NO_CONFLICT)
    assert [sorted(f.rows) for f in conflicts] == [[0, 1, 2]]


def test_no_chain_of_rows_brings_two_gtins_together() -> None:
    """G1 ~ x by article number, x ~ G3 by name: the second link would put two GTINs in one group."""
    rows = [row("Ale", gtin=G1, supplier="Abena", supplier_article_no="A-1"),
            row("Borås", supplier="Abena", supplier_article_no="A-1", name="Mugg", unit="st"),
            row("Cederby", gtin=G3, supplier="Abena", name="Mugg", unit="st")]
    result = match_rows(rows)
    assert same(result.groups, 0, 1)
    assert result.groups[2] != result.groups[0]
    assert [f.detail for f in result.findings_of(FindingCode.GTIN_CONFLICT)] == ["namn"]


def test_the_same_article_twice_in_one_list_is_a_finding() -> None:
    rows = [row("Ale", gtin=G1, quantity=3), row("Ale", gtin=G1, quantity=4), row("Borås", gtin=G1),
            row("Ale", supplier="Abena", supplier_article_no="X"),
            row("Ale", supplier="ABENA AB", supplier_article_no="x")]
    result = match_rows(rows)
    duplicates = sorted(f.rows for f in result.findings_of(FindingCode.DUPLICATE_IN_LIST))
    assert duplicates == [(0, 1), (3, 4)]


def test_two_files_of_one_municipality_are_two_lists() -> None:
    rows = [SourceRow("Ale", "a.xlsx", 2, gtin=G1), SourceRow("Ale", "b.csv", 2, gtin=G1)]
    assert match_rows(rows).findings_of(FindingCode.DUPLICATE_IN_LIST) == []


def test_rows_without_any_identifier_are_a_finding_and_new() -> None:
    rows = [row("Ale", quantity=5, unit="st"), row("Ale", quantity=5, unit="st"), row("Ale", supplier="Abena"),
            row("Ale", gtin="123"), row("Ale", name="Mugg")]
    result = match_rows(rows)
    assert [f.rows for f in result.findings_of(FindingCode.NO_IDENTIFIER)] == [(0, 1, 2, 3)]
    assert len(set(result.groups)) == 5
    assert set(result.rules) == {MatchRule.NY}


def test_a_row_without_supplier_in_a_list_with_suppliers_does_not_match_by_name() -> None:
    rows = [row("Ale", supplier="Abena", name="Mugg", unit="st"), row("Ale", supplier="Essity", name="Tork"),
            row("Borås", name="Mugg", unit="st"), row("Borås", supplier="Essity", name="Papper")]
    result = match_rows(rows)
    assert result.groups[2] != result.groups[0]


def test_a_list_without_suppliers_matches_when_the_name_is_unambiguous() -> None:
    rows = [row("Ale", supplier="Abena", name="Mugg", unit="st"),
            row("Ale", supplier="Abena", name="Tallrik", unit="st"),
            row("Ale", supplier="Essity", name="Tallrik", unit="st"),
            row("Borås", name="MUGG", unit="styck"), row("Borås", name="Tallrik", unit="st")]
    result = match_rows(rows)
    assert same(result.groups, 0, 3)
    assert len({result.groups[1], result.groups[2], result.groups[4]}) == 3


def test_group_ids_follow_first_appearance_and_empty_input() -> None:
    rows = [row("Ale", gtin=G2), row("Ale", gtin=G1), row("Borås", gtin=G2)]
    assert match_rows(rows).groups == [0, 1, 0]
    empty = match_rows([])
    assert empty.groups == [] and empty.group_count == 0 and empty.findings == []


def test_two_lists_without_pack_sizes_do_not_join_a_name_that_has_two() -> None:
    """Both rows lack the pack size, so their keys are equal; the lists that have it show two articles."""
    rows = [row("Ale", supplier="Abena", name="Förkläde PE", unit="st", pack_size=100),
            row("Ale", supplier="Abena", name="Förkläde PE", unit="st", pack_size=200),
            row("Borås", supplier="Abena", name="Förkläde PE", unit="st"),
            row("Cederby", supplier="Abena", name="Förkläde PE", unit="st")]
    result = match_rows(rows)
    assert len(set(result.groups)) == 4


def test_two_lists_without_pack_sizes_join_on_supplier_name_and_unit() -> None:
    rows = [row("Ale", supplier="Abena", name="Förkläde PE", unit="st"),
            row("Borås", supplier="ABENA AB", name="förkläde  pe", unit="styck"),
            row("Cederby", supplier="Abena", name="Förkläde PE", unit="st", pack_size=100)]
    result = match_rows(rows)
    assert same(result.groups, 0, 1, 2)


def test_rule_3_does_not_join_rows_one_supplier_numbers_differently() -> None:
    """Name, unit and supplier agree, the pack size is missing, but the supplier's numbers differ."""
    rows = [row("Ale", supplier="Abena", supplier_article_no="A-1", name="Förkläde PE", unit="st", pack_size=100),
            row("Borås", supplier="Abena", supplier_article_no="A-1", name="Förkläde PE", unit="st"),
            row("Borås", supplier="Abena", supplier_article_no="A-2", name="Förkläde PE", unit="st"),
            row("Cederby", supplier="Abena", name="Förkläde PE", unit="st")]
    result = match_rows(rows)
    assert same(result.groups, 0, 1)
    assert result.groups[2] != result.groups[0]
    assert [f.detail for f in result.findings_of(FindingCode.ARTICLE_NO_CONFLICT)] == ["namn"]
    # the row without an article number could be either of the two: it stays on its own
    assert len({result.groups[0], result.groups[2], result.groups[3]}) == 3


def test_equal_values_of_different_types_are_normalised_apart() -> None:
    """1 == 1.0 == True in a dict; a cell holding True is no pack size, a float that lost digits no GTIN."""
    rows = [row("Ale", supplier="Abena", name="Mugg", unit="st", pack_size=True),
            row("Borås", supplier="Abena", name="Mugg", unit="st", pack_size=1),
            row("Cederby", gtin=4006380000000.0), row("Dals", gtin=4006380000000),
            row("Ale", supplier="Abena", name="Tallrik", unit="st", pack_size=5)]  # Ale has pack sizes
    result = match_rows(rows)
    found = {f.detail: f.rows for f in result.findings_of(FindingCode.INVALID_GTIN)}
    assert found == {"lost_precision": (2,), "invalid_check_digit": (3,)}
    assert result.groups[0] != result.groups[1]


def test_a_list_without_units_matches_on_supplier_name_and_pack_size() -> None:
    rows = [row("Ale", supplier="Duni AB", name="Servett vit 33 cm", unit="förp", pack_size=250),
            row("Borås", supplier="DUNI", name="servett vit 33 cm", pack_size="250 st"),
            row("Borås", supplier="DUNI", name="servett vit 33 cm", pack_size=500)]
    result = match_rows(rows)
    assert same(result.groups, 0, 1)
    assert result.groups[2] != result.groups[0]
    assert result.rules == [MatchRule.NAMN, MatchRule.NAMN, MatchRule.NY]
