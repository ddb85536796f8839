"""The print PDFs of the five real books, checked with poppler's tools and pypdf."""

import copy
import re
import subprocess
from functools import lru_cache

import pypdf
import pytest

from bookbuild.proof.accounting import book_words, source_words
from bookbuild.render.html import book_parts
from bookbuild.config import load_config
from bookbuild.render.pdf import NothingFetched, compact_layout, print_html
from bookbuild.render.html import STYLES
from conftest import NS, SLUGS, make_config, normalise_text

pytestmark = pytest.mark.slow


def tool(*args) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@lru_cache(maxsize=None)
def pages(path) -> list[str]:
    return tool("pdftotext", "-layout", str(path), "-").split("\f")[:-1]


def unhyphenate(text: str) -> str:
    """Undo line-end hyphenation (WeasyPrint breaks words with U+2010)."""
    return re.sub(r"[-\u2010\u00ad]\n\s*", "", text)


def stream(text: str) -> str:
    """Letters and digits only, with line-end hyphenation undone: for finding text across line breaks."""
    return re.sub(r"[\W_]+", "", unhyphenate(text)).lower()


def contents(path) -> dict[str, int]:
    """Entries of the contents page: title -> page number."""
    page = next(p for p in pages(path) if p.strip().startswith("Contents"))
    found, pending = {}, ""
    for line in page.splitlines()[1:]:
        pending = f"{pending} {line.strip()}".strip()
        if match := re.match(r"^(.+?)\s*(?:\.\s*){3,}(\d+)$", pending):
            found[match.group(1)] = int(match.group(2))
            pending = ""
    return found


@pytest.mark.parametrize("slug", SLUGS)
def test_every_font_is_embedded(built_books, slug):
    rows = tool("pdffonts", str(built_books[slug].pdf_path)).splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows


@pytest.mark.parametrize("slug", SLUGS)
def test_page_size_title_author_dates_and_tags(built_books, slug):
    info = tool("pdfinfo", str(built_books[slug].pdf_path))
    assert re.search(r"Page size:\s+432 x 648 pts", info)
    assert "Tagged:          yes" in info
    title = built_books[slug].tree.findtext("{*}info/{*}title")
    assert re.search(rf"Title:\s+{re.escape(title)}", info)
    assert re.search(r"Author:\s+\S", info)
    assert re.search(r"CreationDate:\s+\w+ \w+\s+1 00:00:00 \d{4} UTC", info)


@pytest.mark.parametrize("slug", SLUGS)
def test_contents_page_gives_the_page_each_part_starts_on(built_books, slug):
    book = built_books[slug]
    if compact_layout(book.tree, load_config(book.folder)):  # a short work: a title block, no contents page
        assert not any(p.strip().startswith("Contents") for p in pages(book.pdf_path))
        return
    entries = contents(book.pdf_path)
    parts = book_parts(book.tree)
    assert len(entries) == len(parts)
    for part in parts:
        label = f"{part.heading} {part.title}" if part.heading else part.title
        page_number = next(n for title, n in entries.items() if stream(title) == stream(label))
        opening = pages(book.pdf_path)[page_number - 1]
        assert stream(part.title) in stream("\n".join(opening.splitlines()[:12])), part.title
        assert page_number % 2 == 1, "parts start on a right-hand page"


@pytest.mark.parametrize("slug", ["back-in-the-ussr", "russia-revolution-counter-revolution",
                                  "socialism-and-the-soviet-union"])
def test_every_footnote_is_on_the_page_of_its_call(built_books, slug):
    book = built_books[slug]
    page_streams = [stream(p) for p in pages(book.pdf_path)]
    checked = 0
    for note in book.tree.xpath("//db:footnote", namespaces=NS):
        note_start = stream(note.get("label") + "".join(note.itertext()))[:40]
        before = note.getprevious().tail if note.getprevious() is not None else note.getparent().text
        call_context = stream(" ".join((before or "").split()[-4:])) + note.get("label")
        on = [i for i, s in enumerate(page_streams) if note_start in s]
        assert on, f"note {note.get('label')} not found"
        assert call_context in page_streams[on[0]], f"note {note.get('label')} is not on the page of its call"
        checked += 1
    assert checked == len(book.tree.xpath("//db:footnote", namespaces=NS)) > 0


@pytest.mark.parametrize("slug", ["russia-revolution-counter-revolution", "revolution-betrayed"])
def test_bookmarks_follow_the_heading_hierarchy(built_books, slug):
    book = built_books[slug]
    outline = pypdf.PdfReader(str(book.pdf_path)).outline
    top = [o.title for o in outline if not isinstance(o, list)]
    assert [stream(t) for t in top] == [stream(p.title) for p in book_parts(book.tree)]
    nested = [o for o in outline if isinstance(o, list)]
    sections = sum(len(p.sections) for p in book_parts(book.tree))
    assert sum(len([x for x in n if not isinstance(x, list)]) for n in nested) == sections


@pytest.mark.parametrize("slug", ["russia-revolution-counter-revolution", "revolution-betrayed"])
def test_running_heads(built_books, slug):
    book = built_books[slug]
    title = book.tree.findtext("{*}info/{*}title")
    starts = sorted((n, stream(p.title)) for p, n in zip(book_parts(book.tree), contents(book.pdf_path).values()))
    checked = 0
    for number, text in enumerate(pages(book.pdf_path), start=1):
        current = [t for n, t in starts if n <= number]
        lines = [l for l in text.splitlines() if l.strip()]
        if not current or not lines or number in [n for n, _ in starts]:
            continue  # front matter, blank pages, chapter openings: no running head
        head = lines[0].strip()
        if number % 2 == 0:
            assert stream(head) == stream(title), (number, head)
        else:
            assert stream(head) == current[-1], (number, head)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("slug", SLUGS)
def test_every_word_of_the_xml_is_in_the_pdf(built_books, slug):
    raw = "\n".join(pages(built_books[slug].pdf_path))
    printed = copy.deepcopy(built_books[slug].tree)  # but the blurb and the source note: the cover's, the report's
    for element in printed.xpath("db:info/db:abstract|db:info/db:bibliosource", namespaces=NS):
        element.getparent().remove(element)
    missing = book_words(printed) - source_words(unhyphenate(raw))
    # a word hyphenated at the foot of a page continues on the next, after the folio, head or footnotes:
    # it counts when its two halves stand at a line end (with the hyphen) and at a line start
    heads = [re.sub(r"[-\u2010]", "", m).lower() for m in re.findall(r"([\w\u2010-]+)[-\u2010]\s*\n", raw)]
    tails = [m.lower() for m in re.findall(r"\n\s*(\w+)", raw)]
    for word in list(missing):
        if any(word[:i] in heads and word[i:] in tails for i in range(1, len(word))):
            del missing[word]
    assert dict(missing) == {}


def test_a5_trim_from_book_toml(tmp_path):
    from bookbuild.render.pdf import render_pdf
    tree, _ = normalise_text("A Title\n\nA paragraph of text that reads as one, to fill a page a little.",
                             kind="web")
    path = tmp_path / "a5.pdf"
    path.write_bytes(render_pdf(tree, make_config(trim="a5")).pdf)
    assert re.search(r"Page size:\s+419\.5\d+ x 595\.2\d+ pts", tool("pdfinfo", str(path)))


def test_weasyprint_loads_nothing_and_the_stylesheet_is_in_the_document():
    fetcher = NothingFetched()
    for url in ("file:///etc/passwd", "http://example.com/x.css", "https://example.com/", "data:text/css,p{}",
                (STYLES / "print.css").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    tree, _ = normalise_text("A Title\n\nA paragraph of text.", kind="web")
    html = print_html(tree, make_config())
    assert (STYLES / "print.css").read_text() in html and "<link" not in html


def test_manuscript_text_cannot_inject_markup():
    tree, _ = normalise_text('A Title\n\nHere is <link rel="stylesheet" href="file:///etc/passwd"> and <img src="http://x/">.',
                             kind="web")
    html = print_html(tree, make_config())
    assert "&lt;link" in html and '<link rel="stylesheet" href="file:///etc/passwd">' not in html


def test_pdf_language_and_reproducible_bytes(built_books, tmp_path):
    import hashlib

    from bookbuild.build import build_book

    book = built_books["back-in-the-ussr"]
    assert pypdf.PdfReader(str(book.pdf_path)).trailer["/Root"]["/Lang"] == "en"
    build_book(book.folder, tmp_path, ("pdf",))
    again = tmp_path / book.slug / f"{book.slug}.pdf"
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(book.pdf_path.read_bytes()).digest()
