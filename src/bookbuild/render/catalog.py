"""The release's pages for readers: dist/index.html (a download page) and dist/catalog.xml (an
OPDS 1.2 acquisition feed), from the books' records and the shared templates."""

from __future__ import annotations

import uuid

from .. import __version__
from .html import environment

DOWNLOADS = (  # (file suffix, media type, label), in the order a reader looks for them
    (".epub", "application/epub+zip", "EPUB"),
    (".pdf", "application/pdf", "PDF for print"),
    (".xml", "application/docbook+xml", "DocBook XML"),
)


def index_html(records: list[dict]) -> str:
    return environment("release").get_template("release/index.html.j2").render(
        books=[_view(record) for record in records], version=__version__)


def catalog_xml(records: list[dict]) -> str:
    books = [_view(record) for record in records]
    updated = max((book["released"] for book in books), default="2000-01-01")
    feed_id = uuid.uuid5(uuid.NAMESPACE_URL, "bookbuild:catalog:" + ",".join(b["identifier"] for b in books))
    return environment("release").get_template("release/catalog.xml.j2").render(
        books=books, id=f"urn:uuid:{feed_id}", updated=f"{updated}T00:00:00Z")


def _view(record: dict) -> dict:
    slug, files = record["book"], record["files"]
    cover = f"{slug}-cover.png"
    downloads = [{"href": f"{slug}/{slug}{suffix}", "type": media, "label": label,
                  "bytes": files[slug + suffix]["bytes"], "size": _size(files[slug + suffix]["bytes"])}
                 for suffix, media, label in DOWNLOADS if slug + suffix in files]
    return {**record, "downloads": downloads, "cover": f"{slug}/{cover}" if cover in files else None}


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"
