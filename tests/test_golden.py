"""Golden files: the book XML of each real manuscript, compared canonically with the reviewed copy in
tests/golden/. A change to the normaliser shows here as a readable diff; when the change is meant,
rerun with --update-golden and review the new golden files in git like any other change."""

import difflib

import pytest
from lxml import etree

from conftest import ROOT, SLUGS

GOLDEN = ROOT / "tests" / "golden"
pytestmark = pytest.mark.slow


def canonical(xml: bytes) -> list[str]:
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, method="c14n2").decode().replace("><", ">\n<").splitlines()


@pytest.mark.parametrize("slug", SLUGS)
def test_book_xml_matches_the_reviewed_golden_copy(built_books, update_golden, slug):
    built = built_books[slug].xml_path.read_bytes()
    golden = GOLDEN / f"{slug}.xml"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(built)
    assert golden.is_file(), f"no golden file for {slug}: run pytest --update-golden and review it"
    diff = list(difflib.unified_diff(canonical(golden.read_bytes()), canonical(built), "golden", "built",
                                     lineterm="", n=1))
    assert not diff, "the book XML changed:\n" + "\n".join(diff[:60])
