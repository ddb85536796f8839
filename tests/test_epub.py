"""The EPUBs of the five real books: EPUBCheck, two real readers, reproducibility, links, words."""

import hashlib
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from bookbuild.build import build_book
from bookbuild.proof.accounting import book_words, epub_words
from bookbuild.proof.check import run_epubcheck
from conftest import SLUGS

pytestmark = pytest.mark.slow
XHTML = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def documents(path):
    with zipfile.ZipFile(path) as archive:
        return {n: etree.fromstring(archive.read(n)) for n in archive.namelist() if n.endswith(".xhtml")}


def sample_sentences(book, count=5):
    paras = [" ".join(p.itertext()) for p in book.tree.iter("{*}para") if p.getparent().tag.endswith(("chapter", "section", "article", "preface"))]
    long = [p for p in paras if len(p) > 200]
    step = max(1, len(long) // count)
    return [re.sub(r"\s+", " ", p[:120]).strip() for p in long[::step][:count]]


@pytest.mark.parametrize("slug", SLUGS)
def test_epubcheck_reports_nothing(built_books, slug):
    result = run_epubcheck(built_books[slug].epub_path)
    assert (result.fatals, result.errors, result.warnings) == (0, 0, 0), result.messages


@pytest.mark.parametrize("slug", SLUGS)
def test_pandoc_reads_it(built_books, slug, tmp_path):
    pandoc = shutil.which("pandoc") or pytest.fail("pandoc is not installed: run scripts/setup.sh --test")
    proc = subprocess.run([pandoc, "-f", "epub", "-t", "plain", "--wrap=none", str(built_books[slug].epub_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
    text = re.sub(r"\s+", " ", proc.stdout)
    for sentence in sample_sentences(built_books[slug]):
        assert sentence[:80] in text


@pytest.mark.parametrize("slug", SLUGS)
def test_calibre_converts_it(built_books, slug, tmp_path):
    convert = shutil.which("ebook-convert") or pytest.fail("calibre is not installed: run scripts/setup.sh --test")
    out = tmp_path / "book.txt"
    proc = subprocess.run([convert, str(built_books[slug].epub_path), str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    text = re.sub(r"\s+", " ", out.read_text())
    for sentence in sample_sentences(built_books[slug]):
        assert sentence[:80] in text


def test_building_twice_gives_identical_files(built_books, tmp_path):
    for slug in SLUGS:
        build_book(built_books[slug].folder, tmp_path, ("xml", "epub"))
        for suffix in ("xml", "epub"):
            first = hashlib.sha256((built_books[slug].xml_path.parent / f"{slug}.{suffix}").read_bytes()).hexdigest()
            again = hashlib.sha256((tmp_path / slug / f"{slug}.{suffix}").read_bytes()).hexdigest()
            assert first == again, f"{slug}.{suffix}"


def test_zip_has_fixed_dates_and_mimetype_first(built_books):
    with zipfile.ZipFile(built_books["back-in-the-ussr"].epub_path) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert {i.date_time for i in infos} == {(1989, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("slug", ["back-in-the-ussr", "russia-revolution-counter-revolution",
                                  "socialism-and-the-soviet-union"])
def test_footnote_links_resolve_both_ways(built_books, slug):
    total = 0
    for name, root in documents(built_books[slug].epub_path).items():
        ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        for ref in root.xpath("//h:a[@epub:type='noteref']", namespaces=XHTML):
            target = ids[ref.get("href").lstrip("#")]
            assert target.tag == "{http://www.w3.org/1999/xhtml}aside" and target.get(EPUB_TYPE) == "footnote"
            assert "".join(target.itertext()).strip().startswith(ref.text + ".")
            back = target.xpath(".//h:a[@role='doc-backlink']", namespaces=XHTML)[0]
            assert back.get("href") == "#" + (ref.get("id") or back.get("href")[1:])
            total += 1
    notes = len(built_books[slug].tree.xpath("//*[local-name()='footnote']"))
    assert total == notes > 0


def test_chapter_renders_in_a_real_browser_with_working_footnote_links(built_books, tmp_path):
    chromium = shutil.which("chromium") or pytest.fail("Chromium is not installed: run scripts/setup.sh --test")
    with zipfile.ZipFile(built_books["back-in-the-ussr"].epub_path) as archive:
        archive.extractall(tmp_path)
    page = tmp_path / "EPUB" / "text" / "text.xhtml"
    # the page's own script-free DOM after loading, and where the browser lands after following note 4's link
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + "#fn-text-4"],
                          capture_output=True, text=True, timeout=120)
    dom = etree.fromstring(proc.stdout.encode(), etree.HTMLParser())
    note = dom.xpath("//aside[@id='fn-text-4']")[0]
    assert "Estimates of the numbers killed" in "".join(note.itertext())
    call = dom.xpath("//a[@href='#fn-text-4']")[0]
    assert call.get("id") == "ref-fn-text-4" and note.xpath(".//a[@href='#ref-fn-text-4']")


@pytest.mark.parametrize("slug", SLUGS)
def test_every_word_of_the_xml_is_in_the_epub(built_books, slug):
    missing = book_words(built_books[slug].tree) - epub_words(built_books[slug].epub_path.read_bytes())
    assert dict(missing) == {}


def test_navigation_has_the_full_heading_hierarchy_and_landmarks(built_books):
    nav = documents(built_books["revolution-betrayed"].epub_path)["EPUB/nav.xhtml"]
    toc = nav.xpath("//h:nav[@epub:type='toc']", namespaces=XHTML)[0]
    chapters = toc.xpath("./h:ol/h:li", namespaces=XHTML)
    assert len(chapters) == 14
    assert any("Chapter 6" in "".join(c.itertext()) and len(c.xpath(".//h:li", namespaces=XHTML)) == 4 for c in chapters)
    landmarks = nav.xpath("//h:nav[@epub:type='landmarks']//h:a/@epub:type", namespaces=XHTML)
    assert {"cover", "toc", "bodymatter"} <= set(landmarks)


def test_metadata(built_books):
    with zipfile.ZipFile(built_books["russia-revolution-counter-revolution"].epub_path) as archive:
        opf = archive.read("EPUB/content.opf").decode()
        assert archive.read("EPUB/images/cover.png")[:8] == b"\x89PNG\r\n\x1a\n"
        cover = archive.read("EPUB/cover.xhtml").decode()
    assert 'alt="Cover: Russia: From Revolution to Counter-Revolution, by Ted Grant"' in cover
    for needed in ("<dc:title>Russia: From Revolution to Counter-Revolution</dc:title>", "<dc:creator",
                   "<dc:language>en</dc:language>", "urn:uuid:", 'property="dcterms:modified">2017-01-01T00:00:00Z',
                   "schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                   "schema:accessibilityHazard", "schema:accessibilitySummary", "<dc:source>"):
        assert needed in opf


def test_tables_have_captions_header_cells_and_marked_lost_cells(built_books):
    docs = documents(built_books["russia-revolution-counter-revolution"].epub_path)
    tables = [t for root in docs.values() for t in root.iter("{http://www.w3.org/1999/xhtml}table")]
    assert len(tables) == 9
    six_four = [t for t in tables if "6.4" in "".join(t.find("h:caption", XHTML).itertext())][0]
    assert six_four.xpath(".//h:tbody/h:tr[1]/h:th/@scope", namespaces=XHTML) == ["row"]
    lost = six_four.xpath(".//*[@class='lost']", namespaces=XHTML)
    assert len(lost) == 19
    assert all(cell.find("h:abbr", XHTML).get("aria-label") == "missing" for cell in lost)
