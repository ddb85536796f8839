"""The tree builder gives valid DocBook 5 (jing, official schema) whatever structure the text has."""

import pytest

from bookbuild.model.docbook import serialise
from bookbuild.model.validate import validate_docbook
from conftest import normalise_text

P = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end."
CASES = {
    "no headings": f"A Title\n\n{P}\n\n{P}",
    "sections only": f"A Title\n\n{P}\n\nA Section\n\n{P}\n\nAnother Section\n\n{P}",
    "text before the first chapter": f"A Title\n\n{P}\n\n1. First Chapter\n\n{P}\n\n2. Second Chapter\n\n{P}",
    "heading at the very end": f"A Title\n\n{P}\n\nA Last Heading",
    "table, verse, notes": (f"A Title\n\n{P}[1]\n\n(1.1) Caption\n\nCell one\n\n\nCell two\n\n\n{P}\n\n"
                            f"one line\ntwo line\nthree line\n\n[1] The note."),
}


@pytest.mark.parametrize("division", ["book", "article", None])
@pytest.mark.parametrize("case", sorted(CASES))
def test_always_valid_docbook(tmp_path, case, division):
    tree, _ = normalise_text(CASES[case], kind="web", division=division)
    path = tmp_path / "book.xml"
    path.write_bytes(serialise(tree))
    assert validate_docbook(path) == []
