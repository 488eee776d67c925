"""Smoke-test the frozen bundle (``make dist-check``; also run by tests/test_dist_smoke.py).

``python tools/dist_check.py [--bundle dist/behovsanalys] [--keep]`` runs, on a copy of the bundled sample
workbook and with the app's own files redirected to a temporary folder (``BEHOVSANALYS_HOME``):

1. the frozen ``workbench`` CLI: ``inspect --json``, ``export``, ``apply`` a decisions csv for a few rows
   (with the helper process that reads large sheets back forced on), and ``export`` again to see the
   decisions in the workbook; and each executable started as that helper (``--check-worker``) answers;
2. the frozen ``behovsanalys`` app, offscreen (``QT_QPA_PLATFORM=offscreen``): it loads the copy, saves a
   screenshot of the main window and exits 0;
3. the compiled string matching: each executable started with ``--check-bundle`` (packaging/bundle_probe.py)
   scores article names with rapidfuzz's ``fuzz`` and ``process.cdist`` / ``extract``; the scores must be
   the expected ones and come from the C++ extensions, not rapidfuzz's pure-Python fallback;
4. no network: on Linux with ``strace`` on PATH, every run above is traced (``-f -e trace=socket,connect``)
   and any AF_INET/AF_INET6 socket or connect fails the check (AF_UNIX, e.g. for D-Bus, is allowed);
5. the size budgets (Linux, where they are set): the folder under 230 MB and, when ``make dist`` left it
   beside the folder, the tar.gz under 90 MB (MB = 10^6 bytes; packaging/budgets.py; benchmarks/bench_bundle.py
   reports them too).

Standard library only, so any Python 3.11+ can run it against a bundle built elsewhere. Exit code 0 when all
checks pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import pickle
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "behovsanalys"
SAMPLE_NAME = "sodertorn_sortiment.xlsx"
EXE = ".exe" if sys.platform == "win32" else ""
# Decisions as vocabulary codes: the core accepts codes and labels of either language.
DECISIONS = ("keep", "remove", "investigate")
_INET = re.compile(r"\b(AF_INET6?|PF_INET6?)\b")
TIMEOUT_S = 180
sys.path.insert(0, str(ROOT / "packaging"))
from budgets import ARCHIVE_MB, BUNDLE_MB  # noqa: E402 (needs the path above)

# What packaging/bundle_probe.py computes (rapidfuzz 3.x); tests/test_bundle_rapidfuzz.py checks these
# against rapidfuzz from source, so they change only with rapidfuzz's scoring.
PROBE_SCORES = {
    "default_process": "handske nitril stl m blå  puderfri",
    "ratio": 90.32,
    "token_sort_ratio": 68.85,
    "token_set_ratio": 72.13,
    "cdist": [[72.13, 96.43, 31.11, 19.51], [29.79, 28.57, 100.0, 29.63]],
    "extract": [["Nitrilhandske puderfri blå L", 96.43, 1], ["Handske nitril stl M blå, puderfri", 68.85, 0]],
}
# The compiled implementations (fuzz_cpp_avx2 is left out of the bundle: packaging/rapidfuzz_parts.py).
PROBE_IMPLEMENTATIONS = {
    "fuzz": {"rapidfuzz.fuzz_cpp", "rapidfuzz.fuzz_cpp_avx2"},
    "process": {"rapidfuzz.process_cpp"},
    "utils": {"rapidfuzz.utils_cpp"},
}


class CheckFailed(AssertionError):
    """One smoke check did not hold; the message says which and shows the program's output."""


@dataclass
class Bundle:
    """A built one-folder bundle and a scratch folder to run it in."""

    root: Path
    work: Path
    trace: bool = field(default_factory=lambda: sys.platform.startswith("linux") and bool(shutil.which("strace")))
    traces: list[Path] = field(default_factory=list)

    def exe(self, name: str) -> Path:
        return self.root / f"{name}{EXE}"

    def internal(self) -> Path:
        """PyInstaller's contents folder (``_MEIPASS`` of a one-folder build)."""
        inner = self.root / "_internal"
        return inner if inner.is_dir() else self.root

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ, **(extra or {}))
        env["BEHOVSANALYS_HOME"] = str(self.work / "home")
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("PYTHONPATH", None)  # the bundle must not see the checkout or a venv
        env.pop("PYTHONHOME", None)
        return env

    def run(self, name: str, *args: str, expect: int = 0,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run one of the bundle's executables (under strace when available); fail on another exit code."""
        command = [str(self.exe(name)), *args]
        if self.trace:
            trace = self.work / f"strace-{len(self.traces) + 1}-{name}.txt"
            self.traces.append(trace)
            command = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *command]
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                                env=self.env(env), cwd=self.work, timeout=TIMEOUT_S, check=False)
        if result.returncode != expect:
            raise CheckFailed(f"{name} {' '.join(args)} exited {result.returncode} (expected {expect})\n"
                              f"stdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}")
        return result


def copy_sample(bundle: Bundle) -> Path:
    """A copy of the sample workbook that the bundle carries (never the bundle's own file)."""
    source = bundle.internal() / "resources" / "sample" / SAMPLE_NAME
    if not source.is_file():
        raise CheckFailed(f"the bundle has no sample workbook at {source}")
    target = bundle.work / SAMPLE_NAME
    shutil.copyfile(source, target)
    return target


def check_resources(bundle: Bundle) -> None:
    """The resources the app loads at run time are in the bundle (compiled translation included)."""
    resources = bundle.internal() / "resources"
    for part in ("vocabularies.json", "synonyms.json", "icons/behovsanalys.svg", "translations/behovsanalys_sv.qm"):
        if not (resources / part).is_file():
            raise CheckFailed(f"missing from the bundle: resources/{part}")
    for name in ("behovsanalys", "workbench"):
        if not bundle.exe(name).is_file():
            raise CheckFailed(f"missing executable {bundle.exe(name)}")
    cli = bundle.exe("workbench")
    # On Linux the CLI is a symlink to the app's executable (build.spec): it must stay inside the folder
    # and relative, or moving the folder or unpacking the tarball elsewhere would break it.
    if cli.is_symlink():
        target = cli.readlink()
        if target.is_absolute() or cli.resolve().parent != bundle.root.resolve():
            raise CheckFailed(f"{cli} must be a relative symlink within the bundle, not -> {target}")


def _export(bundle: Bundle, workbook: Path) -> list[dict[str, str]]:
    result = bundle.run("workbench", "export", str(workbook))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    if not rows or "key" not in rows[0] or "decision" not in rows[0]:
        raise CheckFailed(f"export printed no review csv:\n{result.stdout[:500]}")
    return rows


def check_cli(bundle: Bundle, workbook: Path) -> dict[str, object]:
    """inspect, export, apply a few decisions, export again: the decisions are in the workbook."""
    info = json.loads(bundle.run("workbench", "inspect", str(workbook), "--json").stdout)
    if not isinstance(info.get("rows"), int) or info["rows"] < 1 or not info.get("key_column"):
        raise CheckFailed(f"inspect found no article rows: {info}")
    rows = _export(bundle, workbook)
    if len(rows) != info["rows"]:
        raise CheckFailed(f"export wrote {len(rows)} rows, inspect counted {info['rows']}")
    keys = [row["key"] for row in rows if row["key"]][: len(DECISIONS)]
    decisions = bundle.work / "decisions.csv"
    with open(decisions, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "decision"])
        writer.writerows(zip(keys, DECISIONS, strict=True))
    # the sample's sheet is small: a threshold of 0 bytes makes the frozen writer use its helper process
    bundle.run("workbench", "apply", str(workbook), "--decisions", str(decisions),
               env={"BEHOVSANALYS_CHECK_WORKER_FROM": "0"})
    after = {row["key"]: row["decision"] for row in _export(bundle, workbook)}
    empty = [key for key in keys if not after.get(key)]
    if empty:
        raise CheckFailed(f"after apply these keys still have no decision: {empty}")
    return {"rows": info["rows"], "applied": dict(zip(keys, (after[k] for k in keys), strict=True))}


def check_helper(bundle: Bundle) -> dict[str, int]:
    """Each executable started with ``--check-worker`` reads a sheet sent the writer's way and answers
    with its CRC-32 (the protocol of workbench/xlsx/check_worker.py: length-prefixed pickles and blocks)."""
    sheet = b'<worksheet><sheetData><row r="1"><c r="A1"><v>4</v></c></row></sheetData></worksheet>'
    length = struct.Struct("<Q")
    # expected cells packed per column: column 0 holds row 1 (uint32, little-endian) = 4
    header = pickle.dumps({"part": "sheet.xml", "columns": {0: (struct.pack("<I", 1), [4])}, "date1904": False})
    message = length.pack(len(header)) + header + length.pack(len(sheet)) + sheet + length.pack(0)
    answers = {}
    for name in ("behovsanalys", "workbench"):
        result = subprocess.run([str(bundle.exe(name)), "--check-worker"], input=message, capture_output=True,
                                env=bundle.env(), cwd=bundle.work, timeout=TIMEOUT_S, check=False)
        try:
            answer = pickle.loads(result.stdout)
        except Exception as error:
            raise CheckFailed(f"{name} --check-worker gave no answer (exit {result.returncode}): {error}\n"
                              f"{result.stderr[-2000:]!r}") from error
        if answer != {"crc": zlib.crc32(sheet), "size": len(sheet), "problems": []}:
            raise CheckFailed(f"{name} --check-worker answered {answer!r}")
        answers[name] = answer["crc"]
    return answers


def probe_problems(answer: dict[str, object]) -> list[str]:
    """What is wrong with packaging/bundle_probe.py's answer (nothing when it is the expected one)."""
    problems = []
    found = answer.get("implementation")
    for part, allowed in PROBE_IMPLEMENTATIONS.items():
        module = found.get(part) if isinstance(found, dict) else None
        if module not in allowed:
            problems.append(f"rapidfuzz.{part} came from {module!r}, not from {' or '.join(sorted(allowed))}")
    for key, expected in PROBE_SCORES.items():
        if answer.get(key) != expected:
            problems.append(f"{key}: {answer.get(key)!r}, expected {expected!r}")
    return problems


def check_matching(bundle: Bundle) -> dict[str, str]:
    """Each executable started with ``--check-bundle`` scores names with rapidfuzz's compiled extensions."""
    found = {}
    for name in ("behovsanalys", "workbench"):
        result = bundle.run(name, "--check-bundle")
        try:
            answer = json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise CheckFailed(f"{name} --check-bundle printed no JSON: {error}\n{result.stdout[-2000:]}\n"
                              f"{result.stderr[-2000:]}") from error
        problems = probe_problems(answer)
        if problems:
            raise CheckFailed(f"{name} --check-bundle: " + "; ".join(problems))
        found[name] = answer["implementation"]["fuzz"]
    return found


def folder_mb(folder: Path) -> float:
    """The sum of the files' sizes in MB (10^6 bytes), symlinks not followed (as bench_bundle counts)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def check_sizes(bundle: Bundle) -> dict[str, str]:
    """The folder and (when it is there) the tar.gz beside it are within their budgets."""
    sizes = {bundle.root.name: (folder_mb(bundle.root), BUNDLE_MB)}
    for archive in sorted(bundle.root.parent.glob(f"{bundle.root.name}-*.tar.gz"))[-1:]:
        sizes[archive.name] = (archive.stat().st_size / 1e6, ARCHIVE_MB)
    over = [f"{name} is {mb:.1f} MB, over its {limit} MB budget" for name, (mb, limit) in sizes.items() if mb >= limit]
    if over:
        raise CheckFailed("; ".join(over))
    return {name: f"{mb:.1f} MB (< {limit}, {limit - mb:.1f} MB left)" for name, (mb, limit) in sizes.items()}


def check_gui(bundle: Bundle, workbook: Path) -> Path:
    """The app starts offscreen, loads the workbook, saves a screenshot of its main window, exits 0."""
    shot = bundle.work / "screenshot.png"
    bundle.run("behovsanalys", str(workbook), "--screenshot", str(shot))
    if not shot.is_file() or shot.stat().st_size < 1000:
        raise CheckFailed(f"the app exited 0 but saved no screenshot at {shot}")
    return shot


def inet_calls(trace: Path) -> list[str]:
    """Lines of an strace log that open or connect an internet (IPv4/IPv6) socket."""
    if not trace.is_file():
        return []
    return [line.strip() for line in trace.read_text(errors="replace").splitlines() if _INET.search(line)]


def check_no_network(bundle: Bundle) -> int:
    """No traced run opened an AF_INET/AF_INET6 socket; returns how many runs were traced."""
    found = [f"{trace.name}: {line}" for trace in bundle.traces for line in inet_calls(trace)]
    if found:
        raise CheckFailed("the bundle opened internet sockets:\n" + "\n".join(found[:20]))
    return len(bundle.traces)


def check_cycle(bundle: Bundle, workbook: Path) -> dict[str, object]:
    """The later steps of the cycle run frozen, with their libraries (reportlab, xlsxwriter, duckdb): a joint
    workbook merged from the sample as two municipalities, its summary as PDF and workbook, the tender list,
    and a follow-up of a few purchase lines (cp1252, decimal commas) against it."""
    joint = bundle.work / "gemensam.xlsx"
    bundle.run("workbench", "merge", "-o", str(joint), f"{workbook}=Botkyrka", f"{workbook}=Salem", "--json")
    pdf, book = bundle.work / "sammanfattning.pdf", bundle.work / "sammanfattning.xlsx"
    tender = bundle.work / "anbud.xlsx"
    summary = json.loads(bundle.run("workbench", "summary", str(joint), "-o", str(pdf), "--json").stdout)
    bundle.run("workbench", "summary", str(joint), "-o", str(book))
    if not pdf.read_bytes().startswith(b"%PDF-") or b"DejaVuSans" not in pdf.read_bytes():
        raise CheckFailed(f"{pdf} is not a PDF with its fonts embedded")
    if not zipfile.is_zipfile(book) or "xl/charts/chart1.xml" not in zipfile.ZipFile(book).namelist():
        raise CheckFailed(f"{book} is not a workbook with charts")
    listed = json.loads(bundle.run("workbench", "tender", str(joint), "-o", str(tender), "--json").stdout)
    article = json.loads(bundle.run("workbench", "inspect", str(joint), "--json").stdout)
    key = _export(bundle, joint)[0]["key"]
    purchases = bundle.work / "inkop_Botkyrka.csv"
    purchases.write_bytes(("Orderdatum;Artikelnummer;Benämning;Antal;Belopp\n"
                           f"2026-03-14;{key};Inköp;2;10,50\n2026-03-15;X-1;Något annat;1;5,00\n").encode("cp1252"))
    followed = json.loads(bundle.run("workbench", "followup", str(joint), f"{purchases}=Botkyrka", "--json",
                                     "--no-snapshot").stdout)
    if followed.get("lines") != 2 or followed.get("unmatched_lines") != 1:
        raise CheckFailed(f"followup matched the wrong lines: {followed}")
    return {"joint_articles": article["rows"], "summary_articles": summary["articles_before"],
            "tender_articles": listed["articles"], "followup_compliance": followed["compliance"]}


def run_all(bundle_root: Path, work: Path) -> list[str]:
    """Run every check; returns the failures (empty when the bundle is fine) and prints progress."""
    bundle = Bundle(bundle_root.resolve(), work)  # absolute: the runs' working folder is `work`
    failures: list[str] = []
    try:
        check_resources(bundle)
        print("resources: ok")
        workbook = copy_sample(bundle)
    except CheckFailed as error:
        return [str(error)]
    checks = (("cli", check_cli), ("helper", lambda b, _w: check_helper(b)),
              ("matching", lambda b, _w: check_matching(b)), ("cycle", check_cycle), ("gui", check_gui))
    for name, check in checks:
        try:
            print(f"{name}: ok {check(bundle, workbook)}")
        except (CheckFailed, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
            failures.append(f"{name}: {error}")
            print(f"{name}: FAILED")
    if bundle.trace:
        try:
            print(f"network: ok (no AF_INET/AF_INET6 socket or connect in {check_no_network(bundle)} traced runs)")
        except CheckFailed as error:
            failures.append(f"network: {error}")
    else:
        print("network: not checked (strace is not available here)")
    if sys.platform.startswith("linux"):
        try:
            print(f"sizes: ok {check_sizes(bundle)}")
        except CheckFailed as error:
            failures.append(f"sizes: {error}")
            print("sizes: FAILED")
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the one-folder bundle")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and print its path")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}: run `make dist` first", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="behovsanalys-dist-check-"))
    try:
        failures = run_all(args.bundle, work)
    finally:
        if args.keep:
            print(f"scratch folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"\nFAILED {failure}", file=sys.stderr)
    print("dist check: " + ("FAILED" if failures else "all checks passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
