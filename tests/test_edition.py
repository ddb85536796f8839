"""The finished edition: front matter like a real book's, short works set compactly, titles that never
break inside a word, honest tables, and a build that will not silently change the book's face."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bookbuild.config import valid_isbn
from bookbuild.proof.check import pdf_fonts

from conftest import NS, SLUGS

BIN = Path(sys.executable).parent
ARTICLES = [slug for slug in SLUGS if slug in ("back-in-the-ussr", "period-of-stagnation")]


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> list[str]:
    args = ["pdftotext", "-layout"] + (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")


def words(text: str) -> str:
    """Whitespace collapsed; a line broken after a hyphen of the text ('Counter-' / 'Revolution') joined."""
    return " ".join(re.sub(r"(?<=\w)-\s*\n\s*(?=\w)", "-", text).split())


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_the_title_page_holds_no_blurb_and_no_source_note(built_books, slug):
    book = built_books[slug]
    info = book.tree.find("db:info", NS)
    kept_off = [words(" ".join(p.itertext()))[:60] for p in info.xpath("db:abstract/db:para", namespaces=NS)]
    kept_off += [words(s.text) for s in info.findall("db:bibliosource", NS)]
    assert kept_off or slug in ARTICLES  # the three books have a source note at least
    front = words(" ".join(text_of(book.pdf_path, 1, 4)))
    for text in kept_off:
        assert text[:40] not in front
    with zipfile.ZipFile(book.epub_path) as epub:
        title_page = words(" ".join(etree.fromstring(epub.read("EPUB/text/titlepage.xhtml")).itertext()))
        package = epub.read("EPUB/content.opf").decode()
    for text in kept_off:
        assert text[:40] not in title_page
    abstract = info.find("db:abstract", NS)
    if abstract is not None:  # the blurb describes the book in the EPUB's metadata
        assert words(" ".join(abstract.itertext()))[:60] in words(package)


@pytest.mark.slow
@pytest.mark.parametrize("slug", ARTICLES)
def test_an_article_opens_with_its_title_block_and_has_no_contents_page(built_books, slug):
    book = built_books[slug]
    pages = text_of(book.pdf_path)
    title = words(book.tree.findtext("db:info/db:title", namespaces=NS))
    assert words(pages[0]).startswith(title)
    first_para = words("".join(book.tree.xpath("(//db:para[not(ancestor::db:info)])[1]", namespaces=NS)[0].itertext()))
    assert first_para[:30] in words(pages[0])  # the text starts on the first page
    assert not any(words(page).startswith("Contents") for page in pages)


@pytest.mark.slow
def test_a_book_has_half_title_title_page_imprint_and_contents(built_books):
    pages = [words(p) for p in text_of(built_books["russia-revolution-counter-revolution"].pdf_path, 1, 6)]
    title = "Russia: From Revolution to Counter-Revolution"
    assert pages[0] == title
    assert pages[2].startswith("Russia: From Revolution to") and "Ted Grant" in pages[2]
    assert pages[3].startswith(title + ", Ted Grant") and "Set in EB Garamond" in pages[3]  # the verso
    assert pages[4].startswith("Contents")


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_no_heading_title_or_running_head_of_the_five_is_hyphenated(built_books, slug):
    """WeasyPrint marks a word it breaks with U+2010 at the line's end: no running head (a page's first
    line) has one, and every title stands unbroken somewhere in the PDF (where it heads its part)."""
    pages = text_of(built_books[slug].pdf_path)
    heads = [page.strip().splitlines()[0] for page in pages if page.strip()]
    assert not [head for head in heads if "\u2010" in head]
    text = words("\n".join(pages))
    titles = {words("".join(t.itertext())) for t in built_books[slug].tree.xpath(
        "//db:title[not(ancestor::db:table)]", namespaces=NS)}
    unbroken = [t for t in titles if t and t.split()[0] in text]
    assert unbroken and not [t for t in unbroken if t not in text and re.sub(r"\s", "", t) not in text]


def test_titles_break_only_between_words_never_inside_one(tmp_path):
    """A book whose titles are long words: in the PDF, no title line ends with WeasyPrint's hyphen."""
    folder = tmp_path / "long-words"
    folder.mkdir()
    title = "Counterrevolutionary Internationalisation"
    chapters = ["Incomprehensibilities Notwithstanding Overrepresentation",
                "Uncharacteristically Institutionalised Counterproductiveness"]
    (folder / "book.toml").write_text(f'title = "{title}"\nauthors = ["An Author"]\nlanguage = "en"\n'
                                      'sources = ["raw.txt"]\ndivision = "book"\nlayout = "full"\n')
    body = "A plain paragraph of short words that says a thing or two and then stops here."
    (folder / "raw.txt").write_text(title + "\n\n" + "".join(f"Chapter {n}\n\n{name}\n\n{body}\n\n"
                                                           for n, name in enumerate(chapters, start=1)))
    subprocess.run([str(BIN / "bookbuild"), "build", str(folder), "--format", "pdf", "--out", str(tmp_path / "out")],
                   check=True, capture_output=True)
    text = "\n".join(text_of(tmp_path / "out" / "long-words" / "long-words.pdf"))
    title_words = {w.lower() for t in [title, *chapters] for w in t.split()}
    for line in text.splitlines():
        broken = re.search(r"(\w+)\u2010\s*$", line)
        assert not (broken and any(w.startswith(broken.group(1).lower()) for w in title_words)), line
    assert "Incomprehensibilities" in text and "Counterrevolutionary" in text


@pytest.mark.slow
def test_every_table_with_lost_cells_has_its_note_in_the_epub_and_the_pdf(built_books):
    checked = 0
    for slug, book in built_books.items():
        lost = [t for t in book.tree.xpath("//db:table|//db:informaltable", namespaces=NS)
                if t.xpath(".//db:entry[@role='lost']", namespaces=NS)]
        with zipfile.ZipFile(book.epub_path) as epub:
            documents = [etree.fromstring(epub.read(n)) for n in epub.namelist() if n.startswith("EPUB/text/")]
        notes = [n for d in documents for n in d.xpath("//*[@class='table-note']")]
        assert len([n for n in notes if "lost from the source, marked —" in "".join(n.itertext())]) == len(lost)
        pdf = words(" ".join(text_of(book.pdf_path)))
        assert pdf.count("lost from the source, marked —") == len(lost), slug
        checked += len(lost)
    assert checked > 0


def test_a_missing_book_font_stops_the_pdf_with_one_line(tmp_path):
    folder = tmp_path / "a-book"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "T"\nauthors = ["A"]\nlanguage = "en"\nsources = ["raw.txt"]\n')
    (folder / "raw.txt").write_text("A Title\n\nA paragraph.\n")
    config = tmp_path / "fonts.conf"  # a font configuration without EB Garamond
    config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                      f'<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    result = subprocess.run([str(BIN / "bookbuild"), "build", str(folder), "--format", "pdf", "--out",
                             str(tmp_path / "out")], capture_output=True, text=True,
                            env={**os.environ, "FONTCONFIG_FILE": str(config)})
    assert result.returncode != 0 and result.stderr.splitlines()[0] == (
        "error: the print stylesheet's font 'EB Garamond' is not installed; apt-get install fonts-ebgaramond "
        "(fc-list shows the fonts there are), or name another font in styles/print.css")
    assert not (tmp_path / "out" / "a-book").exists()


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_the_pdf_embeds_only_eb_garamond(built_books, slug):
    fonts = pdf_fonts(built_books[slug].pdf_path)
    assert fonts and all(name.startswith("EB-Garamond") and embedded for name, embedded in fonts), fonts


def test_imprint_keys_reach_the_xml_the_epub_and_the_pdf(tmp_path):
    folder = tmp_path / "a-book"
    folder.mkdir()
    (folder / "book.toml").write_text(
        'title = "A Book"\nauthors = ["An Author"]\nlanguage = "en"\nsources = ["raw.txt"]\npubdate = "1921"\n'
        'publisher = "Wellred Books"\nedition = "Second edition"\nisbn_epub = "978-0-306-40615-7"\n'
        'isbn_print = "0-306-40615-2"\ndivision = "book"\nlayout = "full"\ndedication = "To the memory of my father"\n'
        'epigraph = "History is the locomotive."\nepigraph_source = "A Writer"\n')
    (folder / "raw.txt").write_text("A Book\n\nChapter 1\n\nOne\n\nA paragraph.\n\nChapter 2\n\nTwo\n\nAnother.\n")
    subprocess.run([str(BIN / "bookbuild"), "build", str(folder), "--out", str(tmp_path / "out")], check=True,
                   capture_output=True)
    out = tmp_path / "out" / "a-book"
    info = etree.parse(str(out / "a-book.xml")).getroot().find("db:info", NS)
    assert info.findtext("db:publisher/db:publishername", namespaces=NS) == "Wellred Books"
    assert info.findtext("db:edition", namespaces=NS) == "Second edition"
    assert [b.get("role") for b in info.findall("db:biblioid", NS)] == ["epub", "print"]
    with zipfile.ZipFile(out / "a-book.epub") as epub:
        package = epub.read("EPUB/content.opf").decode()
        title_page = epub.read("EPUB/text/titlepage.xhtml").decode()
    assert "urn:isbn:9780306406157" in package and "<dc:publisher>Wellred Books</dc:publisher>" in package
    assert "ISBN 978-0-306-40615-7" in title_page and "Set in" not in title_page
    assert "To the memory of my father" in title_page and "History is the locomotive." in title_page
    imprint = words(text_of(out / "a-book.pdf", 4, 4)[0])
    assert "Published by Wellred Books" in imprint and "Second edition" in imprint
    assert "ISBN 0-306-40615-2" in imprint and "Set in EB Garamond" in imprint
    assert not valid_isbn("978-0-306-40615-8")
    front = [words(page) for page in text_of(out / "a-book.pdf", 1, 8)]
    assert "To the memory of my father" in front[4] and front[6].startswith("History is the locomotive. A Writer")


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_the_print_cover_is_one_spread_as_wide_as_two_covers_the_spine_and_the_bleed(built_books, slug):
    import pypdf

    from bookbuild.config import load_config
    from bookbuild.render.pdf import TRIM_MM

    book = built_books[slug]
    cover = pypdf.PdfReader(book.pdf_path.with_name(f"{slug}-cover.pdf"))
    pages = len(pypdf.PdfReader(book.pdf_path).pages)
    config = load_config(book.folder)
    trim_width, trim_height = TRIM_MM[config.trim]
    spine = pages * config.paper_thickness * 25.4
    box = cover.pages[0].mediabox
    to_mm = 25.4 / 72
    assert len(cover.pages) == 1
    assert abs(float(box.width) * to_mm - (2 * trim_width + spine + 2 * 3.175)) < 0.1
    assert abs(float(box.height) * to_mm - (trim_height + 2 * 3.175)) < 0.1
    text = words(text_of(book.pdf_path.with_name(f"{slug}-cover.pdf"))[0])
    assert words(book.tree.findtext("db:info/db:title", namespaces=NS)) in text
    abstract = book.tree.find("db:info/db:abstract", NS)
    if abstract is not None:  # the blurb is on the back cover
        assert words(" ".join(abstract.itertext()))[:50] in text


AXE = Path(__file__).resolve().parent.parent / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = ('<script src="{axe}"></script><script>axe.run(document).then(function (r) {{'
           ' document.documentElement.setAttribute("data-axe", JSON.stringify(r.violations.map(function (v) {{'
           ' return v.id + " (" + v.impact + "): " + v.nodes.map(function (n) {{ return n.target.join(" "); }})'
           '.slice(0, 3).join(", "); }}))); }});</script>')


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_axe_finds_no_accessibility_violation_in_any_epub_document(built_books, slug, tmp_path):
    """axe-core, the engine Ace runs, with all its rules (WCAG 2 A and AA and best practice), in Chromium
    on every content and navigation document of the EPUB."""
    import json
    import shutil

    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run scripts/setup.sh --test")
    chromium = shutil.which("chromium") or pytest.fail("Chromium is not installed: run scripts/setup.sh --test")
    with zipfile.ZipFile(built_books[slug].epub_path) as epub:
        epub.extractall(tmp_path / "epub")
    documents = sorted((tmp_path / "epub").rglob("*.xhtml"))
    assert len(documents) >= 3
    found = {}
    for document in documents:
        probe = document.with_name("axe-" + document.name)
        probe.write_text(document.read_text().replace("</body>", AXE_RUN.format(axe=AXE.as_uri()) + "</body>"))
        dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--allow-file-access-from-files", "--virtual-time-budget=20000",
                              f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri()],
                             capture_output=True, text=True, timeout=180).stdout
        result = re.search(r'data-axe="([^"]*)"', dom)
        assert result, f"axe did not run on {document.name}"
        violations = json.loads(result.group(1).replace("&quot;", '"').replace("&amp;", "&"))
        if violations:
            found[document.name] = violations
    assert found == {}
