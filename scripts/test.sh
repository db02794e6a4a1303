#!/usr/bin/env bash
# Run marsad's checks from a fresh clone: install what the tests need, then lint, type-check and test.
# Usage: ./scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

# System packages the tests use (browser tests: Debian's chromium; PostgreSQL backend tests: postgresql).
# Installed when we may (root with apt-get); tests that need them skip with a reason otherwise.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "${MARSAD_SKIP_APT:-0}" != 1 ]; then
    need=()
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
    ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
    fc-list 2>/dev/null | grep -qi "noto naskh\|amiri\|kacst" || need+=(fonts-noto-core)
    if [ ${#need[@]} -gt 0 ]; then
        echo "installing Debian packages: ${need[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e ".[server,postgres,scale,dev]"

echo "== ruff"; ruff check marsad tests benchmarks scripts
echo "== ruff format"; ruff format --check -q marsad tests benchmarks scripts
echo "== mypy"; mypy
echo "== pytest"
python -m pytest -q -p no:cacheprovider "$@"
