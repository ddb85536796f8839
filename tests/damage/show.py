"""Look at one damaged book: its text, bookbuild's XML and the score, written under .cache/show/.

    .venv/bin/python -m tests.damage.show SLUG KIND SEED     (from the repository root)
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

from .run import damage, lost_pages, normalise_damaged, removed_lines
from .score import score

OUT = Path(__file__).resolve().parents[2] / ".cache" / "show"


def main() -> None:
    slug, kind, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    damaged = damage(slug, kind, seed)
    tree, state = normalise_damaged(damaged)
    result = score(damaged, tree, removed_lines(state), lost_pages(state))
    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / f"{slug[:20]}-{kind}-{seed}"
    Path(f"{stem}.txt").write_text(damaged.text, encoding="utf-8")
    Path(f"{stem}.xml").write_bytes(etree.tostring(tree, pretty_print=True, encoding="UTF-8"))
    Path(f"{stem}.report").write_text("\n".join(f"{d.line}: {d.code}: {d.text}" for d in state.diagnostics.items))
    print(damaged.settings)
    print({k: round(v, 4) for k, v in result.rates().items()})
    for what, examples in result.examples.items():
        print(f"{what} ({len(examples)}):", *examples[:12], sep="\n    ")
    print(f"written: {stem}.txt .xml .report")


if __name__ == "__main__":
    main()
