"""The print edition: one HTML document from the shared templates, laid out by WeasyPrint.

WeasyPrint may load only the project's own stylesheets (fonts come from the system's font
configuration): the URL fetcher refuses every other URL, local file or network.
"""

from __future__ import annotations

import io

import weasyprint
from lxml import etree

from ..config import BookConfig
from ..errors import BookbuildError
from .html import STYLES, book_parts, environment, first, plain
from .release import release_date

TRIM_SIZES = {"6x9": "6in 9in", "a5": "A5"}


class OwnStylesOnly(weasyprint.URLFetcher):
    """Fetches only files in styles/; everything else (other files, http, data) is refused."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        if not url.startswith(STYLES.as_uri() + "/") or "/../" in url:
            raise ValueError(f"bookbuild does not load {url!r}: only its own styles may be loaded")
        return super().fetch(url, headers)


def print_html(tree: etree._Element, config: BookConfig) -> str:
    info = first(tree, "info")
    return environment("print").get_template("print/book.html.j2").render(
        info=info, title=plain(first(info, "title")), language=config.language,
        authors=[plain(a) for a in info.findall("{http://docbook.org/ns/docbook}author")],
        date=release_date(config).strftime("%Y-%m-%dT%H:%M:%SZ"), parts=book_parts(tree))


def render_pdf(tree: etree._Element, config: BookConfig) -> bytes:
    html = print_html(tree, config)
    page = weasyprint.CSS(string=f"@page {{ size: {TRIM_SIZES[config.trim]}; }}")
    fetcher = OwnStylesOnly()
    document = weasyprint.HTML(string=html, base_url=STYLES.as_uri() + "/", url_fetcher=fetcher)
    out = io.BytesIO()
    try:
        document.write_pdf(out, stylesheets=[page], pdf_tags=True)
    except Exception as exc:  # WeasyPrint's own failure is not the user's input: say so on one line
        raise BookbuildError(f"the PDF could not be laid out ({type(exc).__name__}: {exc})") from None
    return out.getvalue()
