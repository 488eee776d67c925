"""The field table is the one place field facts live; constants derived elsewhere must agree with it."""

from workbench.fields import REVIEW_FIELDS, STAMP_FIELDS


def test_the_stamp_fields_are_the_review_fields_nobody_edits_by_hand() -> None:
    assert tuple(f.name for f in REVIEW_FIELDS if not f.editable) == STAMP_FIELDS
    assert [f.kind for f in REVIEW_FIELDS if f.name in STAMP_FIELDS] == ["text", "datetime"]
