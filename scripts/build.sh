#!/usr/bin/env bash
# Set everything up (scripts/setup.sh), then build every manuscript under manuscript/ into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/bookbuild build "$@"
