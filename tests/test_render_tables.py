"""Tables in the EPUB and the print PDF: supplied data shown and marked, lost cells marked,
a table kept on one page when it fits, its header repeated when it must break."""

import subprocess
import zipfile

from lxml import etree

from bookbuild.build import build_book

P = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end."
TOML = 'title = "Tables"\nauthors = ["A. Writer"]\nlanguage = "en"\nsources = ["raw.txt"]\npubdate = "2000"\n'
XHTML = {"h": "http://www.w3.org/1999/xhtml"}


def make_book(tmp_path, text, data=None):
    folder = tmp_path / "tables-book"
    (folder / "tables").mkdir(parents=True)
    (folder / "book.toml").write_text(TOML)
    (folder / "raw.txt").write_text(text)
    if data:
        (folder / "tables" / "1.2.csv").write_text(data)
    build_book(folder, tmp_path / "out")
    return tmp_path / "out" / "tables-book" / "tables-book"


def pdf_pages(path):
    return subprocess.run(["pdftotext", "-layout", f"{path}.pdf", "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")


def test_supplied_data_in_epub_and_pdf(tmp_path):
    text = "Tables\n\n" + P + "\n\n(1.2) Votes\n\nPeasant Parties\n\nRussian SRs\n\n\nUkrainian SRs\n\n\n" + P
    base = make_book(tmp_path, text, "Peasant Parties,\nRussian SRs,16500000\nUkrainian SRs,\n")
    with zipfile.ZipFile(f"{base}.epub") as archive:
        page = etree.fromstring(archive.read("EPUB/text/text.xhtml"))
    supplied = page.xpath("//h:td[@class='supplied']", namespaces=XHTML)
    assert [c.text for c in supplied] == ["16500000"]
    lost = page.xpath("//h:td[@class='lost']/h:abbr/@aria-label", namespaces=XHTML)
    assert lost == ["missing"]
    assert page.xpath("//h:th[@scope='rowgroup'][@colspan='2']/text()", namespaces=XHTML) == ["Peasant Parties"]
    assert "16500000" in "".join(pdf_pages(base))


def test_print_table_kept_whole_or_header_repeated(tmp_path):
    names = [a + b for a in "abcdefghi" for b in "abcdefghij"][:89]
    rows = "\n\n".join(f"Row label {name}\n" for name in names)
    short = "\n\n".join(f"Short row {name}\n" for name in names[:11])
    filler = "\n\n".join([P * 3] * 9)
    text = (f"Tables\n\n{filler}\n\n(1.1) Short Table\n\nHeading one\n\nHeading two\n\n{short}\n{P}\n\n"
            f"(1.2) Long Table\n\n\n\n{rows}\n{P}")
    base = make_book(tmp_path, text)
    pages = pdf_pages(base)
    short_pages = [i for i, p in enumerate(pages) if "Short row" in p]
    assert len(set(short_pages)) == 1, "a table that fits on a page is not broken"
    long_pages = [i for i, p in enumerate(pages) if "Row label" in p]
    assert len(long_pages) >= 2
    # the long table's header row (two lost cells, shown as dashes) opens each of its pages
    for i in long_pages:
        body = [l.strip() for l in pages[i].splitlines() if l.strip()]
        first_row = next(k for k, l in enumerate(body) if "Row label" in l)
        assert body[first_row - 1].replace(" ", "") == "——", body[:first_row + 1]
