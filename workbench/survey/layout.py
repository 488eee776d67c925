"""The questionnaire's names: the joint workbook's ID, a form's ID, its sheets and headers (sv, en), the
``Enkätsvar`` sheet and the aggregated columns on ``Sortiment``.

A form is recognised by its form ID ``<workbook ID>-<unit code>`` (``7KQ2M9XA-3F0C2A``): the workbook ID
is eight letters and digits kept in the joint workbook's ``Källor`` sheet, the unit code six hex digits
of the unit's name. It stands in the form's hidden identification sheet, in its visible title rows and
in its file name, so that even a form re-saved as csv (which keeps one sheet) is still recognised.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from functools import cache

from workbench.assortment.layout import headers

__all__ = ["FORM_VERSION", "FormId", "FormNames", "form_file_name", "form_names", "new_workbook_id",
           "parse_form_id", "unit_code"]

FORM_VERSION = 1
"""The layout of the forms this code writes; a form records it in its identification sheet."""

# Crockford's base32: no I, L, O or U, so an ID read aloud or typed by hand is not misread
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FORM_ID = re.compile(r"(?<![0-9A-Za-z])([0-9A-Z]{8})-([0-9A-F]{6})(?![0-9A-Za-z])")
_BAD_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def new_workbook_id() -> str:
    """A fresh joint workbook ID: eight characters of Crockford's base32 (40 random bits)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


def unit_code(unit: str) -> str:
    """Six hex digits naming ``unit`` (the same for the same name, whatever its case or spacing)."""
    folded = " ".join(unicodedata.normalize("NFC", unit).casefold().split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:6].upper()


class FormId:
    """A form's ID: the joint workbook's and the unit's code."""

    def __init__(self, workbook_id: str, code: str) -> None:
        self.workbook_id = workbook_id
        self.code = code

    @classmethod
    def of(cls, workbook_id: str, unit: str) -> FormId:
        return cls(workbook_id, unit_code(unit))

    def __str__(self) -> str:
        return f"{self.workbook_id}-{self.code}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FormId) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def parse_form_id(text: object) -> FormId | None:
    """The first form ID in ``text`` (a title row, a file name), ``None`` when it holds none."""
    if not isinstance(text, str):
        return None
    match = _FORM_ID.search(text)
    return FormId(match.group(1), match.group(2)) if match else None


def form_file_name(unit: str, form_id: FormId, lang: str) -> str:
    """``Enkät Botkyrka 7KQ2M9XA-3F0C2A.xlsx``: the unit and the form ID, safe on every file system."""
    safe = " ".join(_BAD_IN_FILE_NAME.sub(" ", unit).split()).strip(". ") or "enhet"
    word = "Questionnaire" if lang == "en" else "Enkät"
    return f"{word} {safe[:80]} {form_id}.xlsx"


class FormNames:
    """Every name in a form, in one language, and the joint workbook's survey names."""

    def __init__(self, lang: str) -> None:
        en = lang == "en"
        self.lang = "en" if en else "sv"
        # the form's sheets
        self.form_sheet = "Questionnaire" if en else "Enkät"
        self.instructions_sheet = "Instructions" if en else "Instruktioner"
        self.lists_sheet = "Lists" if en else "Listor"
        self.info_sheet = "Form info" if en else "Formulärinfo"
        # the form's columns (the article columns are the joint workbook's own headers)
        self.volume = "Annual volume" if en else "Årsvolym"
        self.missing_heading = "Articles we lack" if en else "Artiklar vi saknar"
        self.missing_hint = ("Articles we lack (name, volume and answer below)" if en
                             else "Artiklar vi saknar (benämning, volym och svar nedan)")
        self.title = "Questionnaire" if en else "Enkät"
        self.form_id_label = "Form ID" if en else "Formulär-ID"
        self.unit_label = "Unit" if en else "Enhet"
        self.workbook_label = "Workbook" if en else "Arbetsbok"
        self.made_label = "Made" if en else "Skapad"
        # the joint workbook: the ID's column in Källor, the answers' sheet and Sortiment's columns
        self.workbook_id = "Workbook ID" if en else "Arbetsbok-ID"
        self.answers_sheet = "Survey answers" if en else "Enkätsvar"
        self.unit = "Unit" if en else "Enhet"
        self.file = "File" if en else "Fil"
        self.collected = "Collected" if en else "Inläst"
        self.name = "Name" if en else "Benämning"
        joint = headers(self.lang)
        self.survey_usage = joint.survey_usage
        self.survey_future = joint.survey_future

    def answer_headers(self, review: dict[str, str], article_id: str) -> list[str]:
        """The ``Enkätsvar`` header row: unit, key, usage, future need, comment, file, when (DESIGN), then
        the article's name (the only trace of an article the unit lacks) and the volume the unit gave."""
        return [self.unit, article_id, review["usage"], review["future_need"], review["comment"], self.file,
                self.collected, self.name, self.volume]


@cache
def form_names(lang: str) -> FormNames:
    return FormNames("en" if lang == "en" else "sv")


def all_names() -> tuple[FormNames, FormNames]:
    """Both languages' names (reading accepts either)."""
    return form_names("sv"), form_names("en")
