"""Problems are codes worded in the message's language (issue 14): ``workbench apply`` with a bad decisions
csv names the file and every problem in Swedish, with no English inside, and in English when asked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx"
# the words the core's problems used to be written in (and would be again if one slipped back)
ENGLISH = {"unknown", "value", "values", "not", "is", "the", "an", "article", "key", "line", "also",
           "other", "with", "date", "use", "column", "field", "review", "no", "has", "of", "in", "file"}
SWEDISH = {"är", "inte", "rad", "inget", "ingen", "saknar", "finns", "står", "också", "andra", "värden",
           "kolumnen", "fältets", "granskningsfält", "artikelnummer", "artikelnumret", "datum", "skriv"}


@pytest.fixture
def bad_apply(tmp_path: Path) -> tuple[Path, Path]:
    book = tmp_path / "bok.xlsx"
    shutil.copyfile(SAMPLE, book)
    decisions = tmp_path / "beslut.csv"
    decisions.write_text(
        "key,decision,replaced_by,reviewed_at,färg\n"
        "0007206,Kanske,,,\n"  # not one of the decision's values
        "0007228,Ersätt,9999999,,\n"  # replaced by a key the file does not have
        "0007254,Behåll,,igår,\n"  # not a date
        ",Behåll,,,\n"  # no key
        "0007206,Ta bort,,,\n"  # the key of line 2 again, with other values
        "X404,Behåll,,,\n",  # a key the workbook does not have
        encoding="utf-8")
    return book, decisions


def _apply(book: Path, decisions: Path, lang: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BEHOVSANALYS_LANG"}
    if lang is not None:
        env["BEHOVSANALYS_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "workbench", "apply", str(book), "--decisions", str(decisions)],
                          cwd=ROOT, env={**env, "PYTHONIOENCODING": "utf-8"}, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)


def _words(message: str, *paths: Path) -> set[str]:
    for path in paths:  # the file's name is the user's, not the message's
        message = message.replace(str(path), " ")
    return {word.lower() for word in re.findall(r"[^\W\d_]+", message)}


def test_a_bad_decisions_file_is_reported_in_swedish_with_no_english_inside(bad_apply: tuple[Path, Path]) -> None:
    book, decisions = bad_apply
    before = book.read_bytes()
    result = _apply(book, decisions, None)  # the CLI speaks Swedish by default
    assert result.returncode == 2 and result.stdout == ""
    message = result.stderr
    assert str(decisions) in message.splitlines()[0]  # the file is named
    for line in ("  - kolumnen \u201dfärg\u201d är inget granskningsfält",
                 "  - rad 5 saknar artikelnummer",
                 "  - rad 6: artikelnumret 0007206 står också på rad 2 med andra värden",
                 "  - 1 artikelnummer finns inte i filen: 'X404'",
                 "  - artikel 0007206: Beslut: \u201dKanske\u201d är inte ett av fältets värden (Behåll, Ta bort, "
                 "Ersätt, Utred)",
                 "  - artikel 0007228: Ersätts av: \u201d9999999\u201d är inget artikelnummer i filen",
                 "  - artikel 0007254: Granskad: \u201digår\u201d är inget datum (skriv ÅÅÅÅ-MM-DD eller "
                 "ÅÅÅÅ-MM-DD TT:MM)"):
        assert line in message.splitlines(), (line, message)
    assert not _words(message, book, decisions) & ENGLISH, message
    assert book.read_bytes() == before  # nothing was written


def test_the_same_problems_read_in_english_when_english_is_asked_for(bad_apply: tuple[Path, Path]) -> None:
    book, decisions = bad_apply
    result = _apply(book, decisions, "en")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"The decisions cannot be written to {decisions}; nothing was changed."
    for line in ("  - the column \u201cfärg\u201d is not a review field",
                 "  - line 5 has no article key",
                 "  - line 6: the article key 0007206 is also on line 2 with other values",
                 "  - article 0007228: Replaced by: \u201c9999999\u201d is not an article key in the file",
                 "  - article 0007254: Reviewed at: \u201cigår\u201d is not a date (use YYYY-MM-DD or "
                 "YYYY-MM-DD HH:MM)"):
        assert line in lines, (line, result.stderr)
    assert "is not one of the field's values (Keep, Remove, Replace, Investigate)" in result.stderr
    assert not _words(result.stderr, book, decisions) & SWEDISH, result.stderr


def test_more_than_twenty_problems_are_counted_in_the_messages_language(tmp_path: Path) -> None:
    book = tmp_path / "bok.xlsx"
    shutil.copyfile(SAMPLE, book)
    decisions = tmp_path / "beslut.csv"
    decisions.write_text("key,decision\n" + ",Behåll\n" * 25, encoding="utf-8")
    swedish = _apply(book, decisions, "sv").stderr.splitlines()
    assert len(swedish) == 22 and swedish[-1] == "  … och 5 problem till"
    assert _apply(book, decisions, "en").stderr.splitlines()[-1] == "  … and 5 more problems"


def _inspect(path: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEHOVSANALYS_LANG": lang, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "workbench", "inspect", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


@pytest.mark.parametrize(("name", "content", "sv", "en"), [
    ("tom.xlsx", b"", "(filen är 0 byte)", "(the file is 0 bytes)"),
    ("ord.csv", b"\x00\x01\x02\x03" * 256, "(inget avgränsningstecken hittades)", "(no delimiter found)"),
])
def test_the_detail_of_a_refused_file_is_worded_in_the_messages_language(
        tmp_path: Path, name: str, content: bytes, sv: str, en: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    swedish = _inspect(path, "sv")
    assert swedish.returncode == 2 and str(path) in swedish.stderr and swedish.stderr.rstrip().endswith(sv)
    assert not _words(swedish.stderr, path) & ENGLISH - {"file"}, swedish.stderr
    assert _inspect(path, "en").stderr.rstrip().endswith(en)
