"""csv saves that hold: the reader and the writer split records alike, every row is written to the
header's width, formulas stay text, hostile files give a clear error, and memory stays linear."""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.reading.importer import read_table
from workbench.writing.save import apply_decisions_file

ROOT = Path(__file__).resolve().parents[3]
HEADER = ["Artikelnummer", "Benämning", "Kategori", "Enhet", "Pris", "Antal", "Belopp"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEHOVSANALYS_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


def swedish_csv(path: Path, rows: int = 300) -> Path:
    """A ``;`` csv in Windows-1252 with decimal commas, as Swedish Excel saves it; no review columns."""
    lines = [";".join(HEADER)]
    for i in range(1, rows + 1):
        price = f"{10 + i / 4:.2f}".replace(".", ",")
        lines.append(f"A{i:04d};Kaffe blå {i};Livsmedel;st;{price};{i % 7 + 1};{price}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def decisions_file(path: Path, rows: dict[str, dict[str, str]], *, encoding: str = "utf-8",
                   delimiter: str = ",") -> Path:
    fields = sorted({name for values in rows.values() for name in values})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["key", *fields])
    for key, values in rows.items():
        writer.writerow([key, *(values.get(f, "") for f in fields)])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def raw_rows(path: Path, encoding: str = "cp1252") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_a_save_writes_every_row_to_the_header_width_and_reads_back(tmp_path: Path) -> None:
    source = swedish_csv(tmp_path / "inköp.csv")
    wanted = {f"A{i:04d}": {"decision": "Behåll", "comment": f"=SUMMA(1;2) nr {i}" if i % 2 else f"a; b {i}"}
              for i in range(1, 301, 3)}
    apply_decisions_file(source, decisions_file(tmp_path / "d.csv", wanted))
    rows = raw_rows(source)
    assert {len(r) for r in rows} == {len(rows[0])} and len(rows[0]) > len(HEADER)
    table = read_table(source)
    assert (table.header_row, table.columns["key"], len(table.data)) == (1, "Artikelnummer", 300)
    review = table.review.set_index(table.keys)
    assert review.loc["A0001", "comment"] == "=SUMMA(1;2) nr 1"
    assert review.loc["A0004", "comment"] == "a; b 4"
    assert review.loc["A0004", "decision"] == "keep" and review.loc["A0002", "decision"] is None


def test_the_reader_copes_with_ragged_rows_it_did_not_write(tmp_path: Path) -> None:
    """A header widened to 15 fields over rows of 7 (an older writer's output) keeps its delimiter."""
    path = swedish_csv(tmp_path / "ragged.csv")
    lines = path.read_bytes().decode("cp1252").split("\r\n")
    lines[0] += ";Användning;Framtida behov;Miljöpoäng;Beslut;Ersätts av;Kommentar;Granskad av;Granskad"
    for n in range(1, 301, 3):
        lines[n] += ';;;;Behåll;;"x; y";;'
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    table = read_table(path)
    assert (table.header_row, table.columns["key"], len(table.data)) == (1, "Artikelnummer", 300)
    assert table.csv_dialect is not None and table.csv_dialect.delimiter == ";"
    assert table.review.set_index(table.keys).loc["A0001", "comment"] == "x; y"


def test_an_inch_mark_in_a_plain_field_is_saved(tmp_path: Path) -> None:
    source = tmp_path / "skärmar.csv"
    source.write_bytes('Artikelnummer;Benämning;Pris\r\nS1;Skärm 24" LED;1 990,00\r\nS2;Skärm 27";2 490,00\r\n'
                       'S3;Kabel "HDMI" 2 m;99,00\r\n'.encode("cp1252"))
    assert len(read_table(source).data) == 3
    apply_decisions_file(source, decisions_file(tmp_path / "d.csv", {"S2": {"decision": "Ta bort"},
                                                                     "S3": {"comment": "ok"}}))
    text = source.read_bytes().decode("cp1252")
    assert 'S1;Skärm 24" LED;1 990,00;' in text and 'S3;Kabel "HDMI" 2 m;99,00;' in text
    table = read_table(source)
    assert table.data["Benämning"].tolist() == ['Skärm 24" LED', 'Skärm 27"', 'Kabel "HDMI" 2 m']
    assert table.review["decision"].tolist() == [None, "remove", None]


def test_the_splitter_splits_as_the_csv_module_does() -> None:
    from workbench.reading.csv_records import parse_rows, records

    rng = random.Random(13)
    cases = ['a;"b\r\nc";d\n', '"a""b"x;c\n\n;', 'x;y"z;"q""";\r', *(
        "".join(rng.choice('ab;"\n\r ') for _ in range(rng.randrange(24))) for _ in range(4000))]
    for case in cases:
        expected = list(csv.reader(io.StringIO(case, newline=""), delimiter=";"))
        try:
            assert "".join(r + t for r, t in records(case, ";")) == case
            assert parse_rows(case, ";") == expected, case
        except ValueError:  # an unclosed quote: the csv module reads the rest as one field
            assert expected[-1][-1] or case.rstrip().endswith('"'), case


@pytest.mark.parametrize("kind", ["stray_quote", "long_line", "single_line"])
def test_hostile_csv_files_give_a_clear_error_or_load(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.csv"
    body = "".join(f"A{i};Artikel {i};{i},50\r\n" for i in range(2000))
    if kind == "stray_quote":
        path.write_text('Artikelnummer;Benämning;Pris\r\nA;"Skärm 24 LED;5\r\n' + body, encoding="utf-8")
    elif kind == "long_line":
        path.write_text("Artikelnummer;Benämning;Pris\r\nL1;" + "lång " * 40_000 + ";1,00\r\n" + body,
                        encoding="utf-8")
    else:
        path.write_bytes(b"abc;" * (50 << 18))  # one 50 MB line
    decisions = decisions_file(tmp_path / "d.csv", {"A1": {"decision": "Behåll"}})
    for args in (["inspect", path], ["export", path], ["apply", path, "--decisions", decisions]):
        done = run(*args)
        assert "Traceback" not in done.stderr, done.stderr
        if kind == "long_line":
            assert done.returncode == 0, done.stderr
        else:
            assert done.returncode == 2 and str(path) in done.stderr, done.stderr
    if kind == "stray_quote":
        assert "line 2" in done.stderr and "never closed" in done.stderr
    elif kind == "single_line":
        assert "256 kB" in done.stderr
    else:
        table = read_table(path)
        assert len(table.data) == 2001 and table.review.set_index(table.keys).loc["A1", "decision"] == "keep"


_MEMORY_SCRIPT = """
import resource, sys
from pathlib import Path
from workbench.writing.save import apply_decisions_file
from workbench.reading.importer import read_table
path, decisions = Path(sys.argv[1]), Path(sys.argv[2])
read_table(path)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
apply_decisions_file(path, decisions)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) * 1024)
"""


def test_saving_a_csv_with_a_10_mb_field_takes_memory_linear_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lång.csv"
    field = "Beskrivning " * (10_000_000 // 12)
    path.write_text(f'Artikelnummer;Benämning;Pris\r\nA1;"{field}";1,00\r\nA2;Kort;2,00\r\n', encoding="utf-8")
    size = path.stat().st_size
    decisions = decisions_file(tmp_path / "d.csv", {"A2": {"comment": "kort"}})
    done = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(path), str(decisions)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    extra = int(done.stdout.split()[-1])
    assert extra < 6 * size, f"the save took {extra / 1e6:.0f} MB more for a {size / 1e6:.0f} MB file"
    assert read_table(path).data["Benämning"].iloc[0] == field


FORMULAS = ["=1+1", "+1", "-2", "@SUM(1)", "=cmd|' /C calc'!A0", "'=already quoted", "'plain apostrophe",
            "''=two", "-", "=HYPERLINK(\"http://x\";\"y\")"]


def test_text_that_would_run_as_a_formula_is_guarded_and_reads_back(tmp_path: Path) -> None:
    source = swedish_csv(tmp_path / "formler.csv", rows=len(FORMULAS))
    wanted = {f"A{i:04d}": {"comment": text} for i, text in enumerate(FORMULAS, start=1)}
    apply_decisions_file(source, decisions_file(tmp_path / "d.csv", wanted))
    rows = raw_rows(source)
    comments = [r[rows[0].index("Kommentar")] for r in rows[1:]]
    assert comments[:5] == ["'=1+1", "'+1", "'-2", "'@SUM(1)", "'=cmd|' /C calc'!A0"]
    assert comments[5:8] == ["''=already quoted", "'plain apostrophe", "'''=two"]
    assert '"\'=1+1"' in source.read_bytes().decode("cp1252")  # the guard sits inside a quoted field
    review = read_table(source).review
    assert review["comment"].tolist() == FORMULAS


def test_a_csv_is_not_written_under_a_workbook_name(tmp_path: Path) -> None:
    from workbench.errors import OutputFormatError

    source = swedish_csv(tmp_path / "data.csv", rows=5)
    decisions = decisions_file(tmp_path / "d.csv", {"A0001": {"decision": "Behåll"}})
    with pytest.raises(OutputFormatError):
        apply_decisions_file(source, decisions, output=tmp_path / "out.xlsx")
    done = run("apply", source, "--decisions", decisions, "-o", tmp_path / "out.xlsx")
    assert done.returncode == 2 and "saved as csv" in done.stderr and "out.xlsx" in done.stderr
    assert not (tmp_path / "out.xlsx").exists()
    assert run("apply", source, "--decisions", decisions, "-o", tmp_path / "out.csv").returncode == 0
    assert read_table(tmp_path / "out.csv").review["decision"].tolist()[0] == "keep"


def test_a_decisions_csv_saved_by_swedish_excel_is_accepted(tmp_path: Path) -> None:
    source = swedish_csv(tmp_path / "artiklar.csv", rows=5)
    decisions = tmp_path / "beslut.csv"
    decisions.write_bytes("key;Beslut;Kommentar\r\nA0002;Behåll;Bra pris, blå förpackning\r\n"
                          'A0003;Ta bort;"Används ej; ersätts"\r\n'.encode("cp1252"))
    done = run("apply", source, "--decisions", decisions)
    assert done.returncode == 0, done.stderr
    review = read_table(source).review.set_index(read_table(source).keys)
    assert review.loc["A0002", "comment"] == "Bra pris, blå förpackning"
    assert review.loc["A0003", "comment"] == "Används ej; ersätts"
    assert review.loc["A0003", "decision"] == "remove"


def test_the_splitter_splits_as_pandas_reads_a_large_file() -> None:
    """Files past the sniffing sample are read by pandas' C parser: the writer must split alike."""
    import pandas as pd

    from workbench.reading.csv_records import parse_rows

    text = ('a;Skärm 24" LED;1\r\n"b;c";"d ""e""";2\r\nf;"g\r\nh";3\r\n"i"j;k"l;4\r\n'
            'm;"";5\r\n"n""";o;6\r\n')
    frame = pd.read_csv(io.StringIO(text), sep=";", header=None, dtype=str, keep_default_na=False,
                        engine="c")
    assert parse_rows(text, ";") == frame.to_numpy().tolist()
