"""The print edition: one HTML document from the shared templates, laid out by WeasyPrint.

The stylesheet is set in the document (bookbuild's print.css, or the manuscript's own) and fonts
come from the system's font configuration: WeasyPrint loads nothing, and the URL fetcher refuses
every URL, local file or network, that a manuscript might name.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from typing import Mapping

import weasyprint
from lxml import etree

from ..config import BookConfig
from ..errors import BookbuildError
from ..namespaces import DB
from .html import book_parts, environment, first, plain, stylesheet
from .release import release_date

TRIM_MM = {"6x9": (152.4, 228.6), "a5": (148.0, 210.0)}  # width, height
TRIM_SIZES = {trim: f"{w}mm {h}mm" for trim, (w, h) in TRIM_MM.items()}
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit", "initial"}
FONT_PACKAGES = {"EB Garamond": "fonts-ebgaramond"}  # the Debian package of a face bookbuild's own styles name


class NothingFetched(weasyprint.URLFetcher):
    """Refuses every URL: a book's print edition is made from the book alone."""

    def fetch(self, url, headers=None):
        raise ValueError(f"bookbuild does not load {url!r}")


def compact_layout(tree: etree._Element, config: BookConfig) -> bool:
    """A short work (an article, or a book of one part) opens with a title block, not pages of front
    matter; book.toml's layout says otherwise where the publisher wants it."""
    if config.layout is not None:
        return config.layout == "compact"
    return etree.QName(tree).localname == "article" or len(book_parts(tree)) == 1


def print_html(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str] | None = None) -> str:
    info = first(tree, "info")
    return environment("print", overrides).get_template("print/book.html.j2").render(
        stylesheet=stylesheet("print.css", overrides), compact=compact_layout(tree, config), config=config,
        info=info, title=plain(first(info, "title")), language=config.language,
        authors=[plain(a) for a in info.findall(f"{{{DB}}}author")],
        date=release_date(config).strftime("%Y-%m-%dT%H:%M:%SZ"), parts=book_parts(tree))


MAX_PASSES = 4


@dataclass
class PrintResult:
    pdf: bytes
    pages: int
    breaks_forced: list[str]  # footnote ids whose paragraph was moved to a new page to stay with its note
    notes_apart: list[str]  # footnote ids still not on the page of their call


def require_fonts(css: str) -> None:
    """Every font family the stylesheet names is installed: a missing one would be replaced in silence."""
    named = {name.strip().strip("'\"") for declaration in re.findall(r"font(?:-family)?\s*:([^;}]*)", css)
             for name in re.findall(r"\"[^\"]+\"|'[^']+'", declaration)}
    installed = _installed_families()
    for family in sorted(named):
        if family.lower() not in installed and family.lower() not in GENERIC:
            how = f"apt-get install {FONT_PACKAGES[family]}" if family in FONT_PACKAGES else "install it"
            raise BookbuildError(f"the print stylesheet's font '{family}' is not installed; {how} (fc-list shows "
                                 "the fonts there are), or name another font in styles/print.css")


def _installed_families() -> set[str]:
    try:
        listed = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True, text=True,
                                timeout=60).stdout
    except FileNotFoundError:
        raise BookbuildError("fontconfig's fc-list is missing: run scripts/setup.sh (apt-get install fontconfig)") \
            from None
    return {name.strip().lower() for line in listed.splitlines() for name in line.split(",")}


def render_pdf(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str] | None = None) -> PrintResult:
    """Lay the book out; where WeasyPrint sets a note on another page than its call, move the call's
    paragraph to a new page and lay out again (a few passes at most)."""
    require_fonts(stylesheet("print.css", overrides))
    html = print_html(tree, config, overrides)
    page = weasyprint.CSS(string=f"@page {{ size: {TRIM_SIZES[config.trim]}; }}")
    source = weasyprint.HTML(string=html, url_fetcher=NothingFetched())
    forced: list[str] = []
    try:
        for _ in range(MAX_PASSES):
            rules = weasyprint.CSS(string="\n".join(f"#para-{i} {{ break-before: page; }}" for i in forced))
            document = source.render(stylesheets=[page, rules], pdf_tags=True)
            apart = notes_apart_from_calls(document)
            if not apart or set(apart) <= set(forced):
                break
            forced += [i for i in apart if i not in forced]
        out = io.BytesIO()
        document.write_pdf(out, pdf_tags=True)
    except Exception as exc:  # WeasyPrint's own failure is not the user's input: say so on one line
        raise BookbuildError(f"the PDF could not be laid out ({type(exc).__name__}: {exc})") from None
    return PrintResult(out.getvalue(), len(document.pages), forced, apart)


def notes_apart_from_calls(document) -> list[str]:
    """Footnote ids whose note stands on another page than its call, from WeasyPrint's page boxes."""
    call_page: dict[str, int] = {}
    note_page: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for box in _descendants(page._page_box):
            element = getattr(box, "element", None)
            ident = element.get("id") if element is not None else None
            if not ident or not ident.startswith("fn-"):
                continue
            if getattr(box, "footnote", None) is not None:
                call_page.setdefault(ident, number)
            elif type(box).__name__ == "BlockBox":  # the note's body, set as a block in the footnote area
                note_page.setdefault(ident, number)
    return [i for i, n in call_page.items() if note_page.get(i, n) != n]


def _descendants(box):
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", None) or [])
