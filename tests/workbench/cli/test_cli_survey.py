"""``workbench survey make | collect | export``, run as a user would (``python -m workbench``): the
DESIGN's JSON keys, the Swedish report, the csv and the exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "survey"))

from _forms import fill, form_keys, sample_joint

from workbench.sharing.lock import WorkbookLock

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str | Path, lang: str = "sv") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEHOVSANALYS_LANG": lang, "PYTHONIOENCODING": "utf-8", "BEHOVSANALYS_USER": "Officer"}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180, check=False)


def test_make_collect_export_round_trip(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    made = run("survey", "make", joint, "-o", tmp_path / "sent", "--json")
    assert made.returncode == 0, made.stderr
    forms = json.loads(made.stdout)["forms"]
    assert [sorted(f) for f in forms] == [["articles", "file", "unit"]] * 8
    from workbench.assortment.joint_reader import read_joint

    botkyrka = {r.article_id for r in read_joint(joint).records if r.municipality == "Botkyrka"}
    assert len(botkyrka) > 300  # the articles Botkyrka buys, as the joint workbook's source rows say
    assert forms[0]["unit"] == "Botkyrka" and forms[0]["articles"] == len(botkyrka)
    assert Path(forms[0]["file"]).exists()

    form = Path(forms[0]["file"])
    keys = form_keys(form)
    filled = fill(form, tmp_path / "home" / form.name, {keys[0]: ("dagligen", "ÖKAR", "bra"),
                                                         keys[1]: ("två ggr i veckan", None, None)})
    junk = tmp_path / "home" / "anteckningar.txt"
    junk.write_text("inte en enkät\n", encoding="utf-8")
    collected = run("survey", "collect", joint, filled, junk, "--json")
    assert collected.returncode == 0, collected.stderr
    result = json.loads(collected.stdout)
    assert {"forms", "answers", "units", "unknown_keys", "not_in_vocabulary", "duplicates", "refused"} <= set(result)
    assert result["answers"] == 2 and result["units"] == ["Botkyrka"]
    assert result["not_in_vocabulary"] == {"två ggr i veckan": 1}
    assert list(result["refused"]) == [str(junk)] and result["duplicates"] == [] and result["unknown_keys"] == []

    report = run("survey", "collect", joint, filled)
    assert report.returncode == 0
    assert report.stdout.startswith("1 enkät inläst i") and "Inget nytt att skriva" in report.stdout

    exported = run("survey", "export", joint)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    assert rows == [["unit", "key", "usage", "future_need", "comment", "file"],
                    ["Botkyrka", keys[0], "Dagligen", "Ökar", "bra", filled.name],
                    ["Botkyrka", keys[1], "två ggr i veckan", "", "", filled.name]]
    out = tmp_path / "svar.csv"
    assert run("survey", "export", joint, "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8") == exported.stdout


def test_bad_input_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    out = tmp_path / "svar.csv"
    export = run("survey", "export", joint, "-o", out)
    assert export.returncode == 2 and str(joint) in export.stderr and "Enkätsvar" in export.stderr
    assert not out.exists()
    by = run("survey", "make", joint, "-o", tmp_path / "sent", "--by", "org_unit")
    assert by.returncode == 2 and "Förvaltning" in by.stderr and "Traceback" not in by.stderr
    junk = tmp_path / "junk.csv"
    junk.write_text("a;b\n1;2\n", encoding="utf-8")
    nothing = run("survey", "collect", joint, junk)
    assert nothing.returncode == 2 and str(joint) in nothing.stderr and str(junk) in nothing.stdout
    not_joint = run("survey", "make", junk, "-o", tmp_path / "sent")
    assert not_joint.returncode == 2 and "Traceback" not in not_joint.stderr


def test_a_colleague_saving_is_exit_3(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    with WorkbookLock(joint, "Anna").acquire():
        busy = run("survey", "make", joint, "-o", tmp_path / "sent", "--wait", "0")
    assert busy.returncode == 3 and "Anna" in busy.stderr


def test_the_report_in_english(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    made = run("survey", "make", joint, "-o", tmp_path / "sent", lang="en")
    assert made.returncode == 0 and made.stdout.startswith("8 questionnaires made from")
