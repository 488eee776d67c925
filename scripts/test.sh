#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what it needs, lints, checks the architecture, tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh --with-libreoffice

echo "== lint (ruff)"
.venv/bin/ruff check .
echo "== architecture contracts (import-linter): no Qt in the core, layers, no cycles, private modules stay private"
.venv/bin/lint-imports
echo "== types (mypy --strict on the core)"
.venv/bin/mypy
echo "== translations are complete and up to date"
.venv/bin/python tools/translations.py check

echo "== core tests, in a process where PySide6 cannot be imported"
PYTHONPATH="$ROOT/tests/no_qt" .venv/bin/python -m pytest -p no:pytest-qt -n 2 tests/workbench "$@"
echo "== app and contract tests (Qt offscreen)"
.venv/bin/python -m pytest -n 2 --ignore=tests/workbench tests "$@"
