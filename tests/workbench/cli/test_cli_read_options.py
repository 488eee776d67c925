"""The CLI chooses what the app can: ``--key``, ``--header-row`` and the import choices remembered for the
file; a file without a key column is refused; long lists of unknown keys are counted; a reader that closes
the pipe early ends the command quietly. Run as a user would: ``python -m workbench``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter

from workbench.reading.profiles import ImportProfile, remember_profile
from workbench.settings import Settings

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str | Path, lang: str = "sv") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEHOVSANALYS_LANG": lang, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


def _code_list(path: Path) -> Path:
    """A title row, a blank row, then headers none of which is a known key synonym: no key is detected."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Blad1")
    sheet.write("A1", "Inköpslista 2024")
    sheet.write_row(2, 0, ["Kod", "Benämning", "Antal", "Lev nr"])
    for row, values in enumerate([["K1", "Kopp", 3, "L9"], ["K2", "Fat", 4, "L8"], ["K3", "Sked", 5, "L7"]]):
        sheet.write_row(3 + row, 0, values)
    book.close()
    return path


def _decisions(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _inspect(*args: str | Path) -> dict[str, object]:
    result = run("inspect", *args, "--json")
    assert result.returncode == 0, result.stderr
    info: dict[str, object] = json.loads(result.stdout)
    return info


def _export_rows(*args: str | Path) -> list[list[str]]:
    result = run("export", *args)
    assert result.returncode == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


def test_key_and_header_row_choose_what_detection_did_not_find(tmp_path: Path) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    assert _inspect(path)["key_column"] is None
    info = _inspect(path, "--key", "Kod")
    assert (info["key_column"], info["header_row"], info["rows_without_key"]) == ("Kod", 3, 0)
    assert _inspect(path, "--key", "Lev nr", "--header-row", "3")["key_column"] == "Lev nr"
    assert [row[0] for row in _export_rows(path, "--key", "Kod")] == ["key", "K1", "K2", "K3"]


def test_apply_with_key_writes_by_that_key_in_place_and_to_a_copy(tmp_path: Path) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    decisions = _decisions(tmp_path / "d.csv", "key,decision,comment\nK2,Ta bort,trasig\n")
    copy = tmp_path / "kopia.xlsx"
    result = run("apply", path, "--decisions", decisions, "--key", "Kod", "-o", copy)
    assert result.returncode == 0, result.stderr
    assert _export_rows(copy, "--key", "Kod")[2][:7] == ["K2", "", "", "", "Ta bort", "", "trasig"]
    result = run("apply", path, "--decisions", decisions, "--key", "Kod", "--header-row", "3")
    assert result.returncode == 0, result.stderr
    assert _export_rows(path, "--key", "Kod")[2][:7] == ["K2", "", "", "", "Ta bort", "", "trasig"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_export_and_apply_refuse_a_file_without_a_key_column(tmp_path: Path, lang: str) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    before = path.read_bytes()
    result = run("export", path, lang=lang)
    assert (result.returncode, result.stdout) == (2, "")
    assert str(path) in result.stderr
    assert ("ingen kolumn med artikelnummer" if lang == "sv" else "no article number column") in result.stderr
    assert "--key" in result.stderr
    result = run("export", path, "-o", tmp_path / "ut.csv", lang=lang)
    assert result.returncode == 2 and not (tmp_path / "ut.csv").exists()
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nK1,Behåll\n")
    for extra in ((), ("-o", tmp_path / "ut.xlsx")):
        result = run("apply", path, "--decisions", decisions, *extra, lang=lang)
        assert result.returncode == 2, result.stderr
        assert str(path) in result.stderr and "--key" in result.stderr
        assert "not found" not in result.stderr
    assert path.read_bytes() == before
    assert not (tmp_path / "ut.xlsx").exists()


def test_the_import_choices_remembered_by_the_app_are_used_and_an_option_wins(tmp_path: Path) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    settings = Settings()
    remember_profile(settings, path, ImportProfile(sheet="Blad1", header_row=3, key_column="Kod",
                                                   mapping={"supplier_article_no": "Lev nr"}))
    settings.save()
    info = _inspect(path)
    assert info["key_column"] == "Kod"
    assert info["columns"] == {"key": "Kod", "name": "Benämning", "quantity": "Antal",
                               "supplier_article_no": "Lev nr"}
    assert [row[0] for row in _export_rows(path)][1:] == ["K1", "K2", "K3"]
    assert _inspect(path, "--key", "Lev nr")["key_column"] == "Lev nr"
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nK3,Utred\n")
    result = run("apply", path, "--decisions", decisions)
    assert result.returncode == 0, result.stderr
    assert _export_rows(path)[3][:5] == ["K3", "", "", "", "Utred"]


def test_remembered_choices_that_no_longer_fit_the_file_give_way_to_detection(tmp_path: Path) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    settings = Settings()
    remember_profile(settings, path, ImportProfile(header_row=3, key_column="Artikel (borttagen)"))
    settings.save()
    info = _inspect(path)
    assert (info["header_row"], info["key_column"]) == (3, None)
    assert _inspect(path, "--key", "Kod")["key_column"] == "Kod"


def test_wrong_read_options_exit_2_naming_the_file_or_the_option(tmp_path: Path) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    result = run("export", path, "--key", "Finns ej")
    assert result.returncode == 2 and str(path) in result.stderr and "Finns ej" in result.stderr
    result = run("inspect", path, "--header-row", "40")
    assert result.returncode == 2 and str(path) in result.stderr
    result = run("inspect", path, "--header-row", "0")
    assert result.returncode == 2 and "--header-row" in result.stderr


def test_help_names_the_read_options_of_every_command() -> None:
    for command in ("inspect", "export", "apply"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "--key HEADER" in result.stdout and "--header-row N" in result.stdout
    assert "--header-row" in run("--help").stdout


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_hundred_thousand_unknown_keys_are_counted_and_the_first_twenty_named(tmp_path: Path,
                                                                                lang: str) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    unknown = [f"X{i:06d}" for i in range(100_000)]
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nK1,Behåll\n" + "".join(
        f"{key},Behåll\n" for key in unknown))
    result = run("apply", path, "--decisions", decisions, "--key", "Kod", lang=lang)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines[:5]
    assert str(decisions) in lines[0]
    assert ("100\u00a0000" if lang == "sv" else "100,000") in lines[1]  # digits grouped
    assert ("artikelnummer finns inte i filen" if lang == "sv" else "not found in the file") in lines[1]
    assert all(repr(key) in lines[1] for key in unknown[:20])
    assert repr(unknown[20]) not in lines[1]


def test_a_few_unknown_keys_are_all_named_on_one_line(tmp_path: Path) -> None:
    path = _code_list(tmp_path / "lista.xlsx")
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nK9,Behåll\nK8,Ogiltig\nK1,Behåll\n")
    result = run("apply", path, "--decisions", decisions, "--key", "Kod", lang="en")
    assert result.returncode == 2
    assert "  - 2 article keys not found in the file: 'K9', 'K8'" in result.stderr.splitlines()


@pytest.mark.parametrize("command", [("export",), ("inspect",), ("inspect", "--json")])
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path, command: tuple[str, ...]) -> None:
    """``workbench export FILE | head`` used to end in a BrokenPipeError traceback."""
    path = tmp_path / "stor.csv"
    lines = ["Artikelnummer;Benämning;Beslut"] + [f"A{i:06d};Kopp {i};Behåll" for i in range(40_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if command[0] == "inspect":  # 40,000 duplicate keys make inspect's output long too
        path.write_text("\n".join(lines[:1] + [line.replace("A", "B", 1) for line in lines[1:]] * 2) + "\n",
                        encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen([sys.executable, "-m", "workbench", command[0], str(path), *command[1:]], cwd=ROOT,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as head does after its lines
        stderr = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=120)
    assert first
    assert stderr == ""
    assert code == 0


def test_apply_with_key_while_a_colleague_saves_reads_the_file_again_by_the_same_key(tmp_path: Path) -> None:
    """The re-read under the lock used to detect afresh, finding no key: the chosen one must hold."""
    from workbench.reading.importer import read_table
    from workbench.sharing.lock import WorkbookLock
    from workbench.writing.save import save_review

    path = _code_list(tmp_path / "lista.xlsx")
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nK1,Behåll\n")
    holder = WorkbookLock(path, "Anna Svensson", host="LAPTOP-12").acquire()
    env = {**os.environ, "BEHOVSANALYS_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen([sys.executable, "-m", "workbench", "apply", str(path), "--decisions", str(decisions),
                           "--key", "Kod"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8") as process:
        assert process.stderr is not None
        assert "Anna Svensson (LAPTOP-12) is saving" in process.stderr.readline()
        colleague = read_table(path, key_column="Kod")
        colleague.review.at[colleague.review.index[1], "decision"] = "remove"
        save_review(colleague, [("K2", "decision")])
        holder.release()
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    rows = _export_rows(path, "--key", "Kod")
    assert [row[:5] for row in rows[1:3]] == [["K1", "", "", "", "Behåll"], ["K2", "", "", "", "Ta bort"]]


@pytest.mark.parametrize("command", [("environment", "--json"), ("environment",)])
def test_a_reader_that_stops_early_ends_the_joint_commands_quietly(command: tuple[str, ...]) -> None:
    """``workbench environment JOINT | head`` ended in a BrokenPipeError traceback (the sample's 519 articles)."""
    joint = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen([sys.executable, "-m", "workbench", command[0], str(joint), *command[1:]], cwd=ROOT,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=120)
    assert first
    assert stderr == ""
    assert code == 0
