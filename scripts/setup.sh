#!/usr/bin/env bash
# Sets up a fresh machine for bookbuild: Debian packages, a virtual environment, the package.
# Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

# to build and check: jing and the DocBook schema, Java (jing, EPUBCheck), poppler (pdfinfo), the book font,
# HarfBuzz's subsetter (without it WeasyPrint subsets fonts with fontTools, whose output changes from run to run)
debs=(docbook5-xml jing default-jre-headless poppler-utils fonts-ebgaramond libharfbuzz-subset0)
# to test: real readers that open the output
if [ "${1:-}" = "--test" ]; then
  debs+=(pandoc calibre chromium)
  command -v npm >/dev/null || debs+=(npm)  # for axe-core, below
fi
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# to test: axe-core, the accessibility engine Ace runs, checks every EPUB document in Chromium
axe=.cache/node/node_modules/axe-core/axe.min.js
if [ "${1:-}" = "--test" ] && [ ! -f "$axe" ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/node axe-core@4.14.1
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.bookbuild-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[test]'
  touch "$stamp"
fi
