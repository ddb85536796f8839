"""The EPUB 3: one XHTML document per part from the shared templates, packaged by ebooklib, with
navigation, landmarks, an NCX, a generated cover, accessibility metadata and fixed zip dates."""

from __future__ import annotations

import io
import zipfile
from typing import Mapping

from ebooklib import epub
from lxml import etree

from ..config import BookConfig
from .cover import book_cover
from ..namespaces import DB, XHTML
from .html import Part, book_parts, environment, first, plain, stylesheet
from .release import book_identifier, release_date

EPUB_TYPES = {"preface": "preface", "chapter": "chapter", "appendix": "appendix", "article": "bodymatter"}
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "none"),
    ("schema:accessibilitySummary", "A text-only book with a navigable table of contents, headings in order, "
                                    "footnotes linked both ways, and tables with header cells and captions. "
                                    "Cells missing from the source are marked as missing."),
)


def render_epub(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str] | None = None) -> bytes:
    env = environment("epub", overrides)
    info = first(tree, "info")
    title = plain(first(info, "title"))
    authors = [plain(a) for a in info.findall(f"{{{DB}}}author")]
    language = config.language
    date = release_date(config)

    book = epub.EpubBook()
    book.set_identifier(book_identifier(config, title))
    book.set_title(title)
    book.set_language(language)
    for n, author in enumerate(authors, start=1):
        book.add_author(author, uid=f"creator-{n}")  # each creator needs its own id
    for source in info.findall(f"{{{DB}}}bibliosource"):
        book.add_metadata("DC", "source", plain(source))
    if config.pubdate:
        book.add_metadata("DC", "date", config.pubdate)
    blurb = first(info, "abstract")
    if blurb is not None:  # the blurb describes the book: no part of its title page
        book.add_metadata("DC", "description", " ".join(plain(p) for p in blurb if isinstance(p.tag, str)))
    if config.publisher:
        book.add_metadata("DC", "publisher", config.publisher)
    if config.isbn_epub:
        book.add_metadata("DC", "identifier", "urn:isbn:" + config.isbn_epub.replace("-", "").replace(" ", ""),
                          {"id": "isbn"})
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})

    css = epub.EpubItem(uid="style", file_name="style/book.css", media_type="text/css",
                        content=stylesheet("epub.css", overrides).encode())
    book.add_item(css)
    book.set_cover("images/cover.png", book_cover(tree),
                   create_page=False)
    cover = epub.EpubHtml(uid="cover", file_name="cover.xhtml", title="Cover", lang=language)
    cover.content = env.get_template("epub/cover.xhtml.j2").render(title=title, authors=authors, language=language)
    book.add_item(cover)

    titlepage = epub.EpubHtml(uid="titlepage", file_name="text/titlepage.xhtml", title=title, lang=language)
    titlepage.content = env.get_template("epub/titlepage.xhtml.j2").render(info=info, title=title, language=language,
                                                                          config=config)
    titlepage.add_link(href="../style/book.css", rel="stylesheet", type="text/css")
    book.add_item(titlepage)

    documents = []
    for part in book_parts(tree):
        document = epub.EpubHtml(uid=part.id, file_name=f"text/{part.file_name}", title=part.title, lang=language)
        document.content = env.get_template("epub/part.xhtml.j2").render(
            part=part, language=language, epub_type=EPUB_TYPES[part.kind])
        document.add_link(href="../style/book.css", rel="stylesheet", type="text/css")
        book.add_item(document)
        documents.append((part, document))

    book.toc = [_toc_entry(part, document) for part, document in documents]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav(file_name="nav.xhtml"))
    book.guide = [
        {"type": "cover", "href": "cover.xhtml", "title": "Cover"},
        {"type": "toc", "href": "nav.xhtml", "title": "Contents"},
        {"type": "text", "href": documents[0][1].file_name, "title": documents[0][0].title},
    ]
    book.spine = [("cover", "no"), titlepage, "nav", *(document for _, document in documents)]

    buffer = io.BytesIO()
    epub.write_epub(buffer, book, {"mtime": date.replace(tzinfo=None), "epub3_landmark": True,
                                   "landmark_title": "Landmarks", "epub2_guide": True})
    return _reproducible_zip(buffer.getvalue(), date.timetuple()[:6])


def _toc_entry(part: Part, document: epub.EpubHtml):
    label = f"{part.heading}: {part.title}" if part.heading else part.title
    if not part.sections:
        return epub.Link(document.file_name, label, part.id)
    return (epub.Section(label, document.file_name), [_section_entry(s, document) for s in part.sections])


def _section_entry(section, document):
    href = f"{document.file_name}#{section.id}"
    if not section.children:
        return epub.Link(href, section.title, section.id)
    return (epub.Section(section.title, href), [_section_entry(s, document) for s in section.children])


def _reproducible_zip(data: bytes, date_time: tuple) -> bytes:
    """Rewrite the zip with fixed timestamps and attributes, mimetype first and stored (and the
    navigation document made accessible: see _accessible_nav)."""
    date_time = max(date_time, (1980, 1, 1, 0, 0, 0))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time)
            info.compress_type = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            content = source.read(item.filename)
            if item.filename.endswith("/nav.xhtml"):
                content = _accessible_nav(content)
            target.writestr(info, content, compresslevel=9)
    return out.getvalue()


def _accessible_nav(content: bytes) -> bytes:
    """ebooklib's navigation document, as a screen reader wants it: its content in a main landmark,
    the contents list's heading a level-one heading, and each nav named by its heading."""
    tree = etree.fromstring(content)
    body = tree.find(f"{{{XHTML}}}body")
    main = etree.SubElement(body, f"{{{XHTML}}}main")
    for child in list(body)[:-1]:
        main.append(child)
    for n, nav in enumerate(main.iter(f"{{{XHTML}}}nav")):
        heading = nav.find(f"{{{XHTML}}}h2")
        if heading is not None:
            if n == 0:
                heading.tag = f"{{{XHTML}}}h1"
            nav.set("aria-label", "".join(heading.itertext()).strip())
    return etree.tostring(tree.getroottree(), xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")
