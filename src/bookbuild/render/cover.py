"""The covers: the front cover as a PNG (for the EPUB and the download page), and the print cover as
one PDF spread (back cover with the blurb, spine, front cover) with bleed, as print-on-demand
printers ask for it.

The spread is 2 × the trim width + the spine + 2 × the bleed wide and the trim height + 2 × the
bleed high; the spine is the page count × the paper's thickness (book.toml paper_thickness, in
inches a page; 0.002252 by default, 50 lb white paper)."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw, ImageFont

from ..config import BookConfig
from ..namespaces import DB
from .html import first, plain

SIZE = (1600, 2560)
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)
INK, GROUND, RULE = (30, 30, 30), (246, 241, 231), (140, 40, 40)


def _font(size: int) -> ImageFont.ImageFont:
    for path in FONT_CANDIDATES:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def cover_png(title: str, subtitle: str | None, authors: list[str]) -> bytes:
    image = Image.new("RGB", SIZE, GROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0]
    y = 520
    for text, size, wrap in ((title, 130, 18), (subtitle or "", 70, 32)):
        font = _font(size)
        for line in textwrap.wrap(text, wrap):
            box = draw.textbbox((0, 0), line, font=font)
            draw.text(((width - (box[2] - box[0])) / 2, y), line, font=font, fill=INK)
            y += int(size * 1.25)
        y += 60
    draw.rectangle((width / 2 - 200, y, width / 2 + 200, y + 6), fill=RULE)
    font = _font(80)
    y = SIZE[1] - 500
    for author in authors:
        box = draw.textbbox((0, 0), author, font=font)
        draw.text(((width - (box[2] - box[0])) / 2, y), author, font=font, fill=INK)
        y += 110
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def book_cover(tree: etree._Element) -> bytes:
    """The cover of the book the tree holds, from its title page."""
    info = first(tree, "info")
    subtitle = first(info, "subtitle")
    return cover_png(plain(first(info, "title")), plain(subtitle) if subtitle is not None else None,
                     [plain(a) for a in info.findall(f"{{{DB}}}author")])


BLEED_MM = 3.175  # 0.125 in on every side
SPINE_TEXT_MM = 6.35  # a thinner spine (under about 110 pages) carries no text


@dataclass(frozen=True)
class CoverSize:
    trim_width: float  # millimetres
    trim_height: float
    spine: float
    bleed: float = BLEED_MM

    @property
    def width(self) -> float:
        return 2 * self.trim_width + self.spine + 2 * self.bleed

    @property
    def height(self) -> float:
        return self.trim_height + 2 * self.bleed


def cover_size(config: BookConfig, pages: int) -> CoverSize:
    from .pdf import TRIM_MM

    width, height = TRIM_MM[config.trim]
    return CoverSize(width, height, pages * config.paper_thickness * 25.4)


def print_cover(tree: etree._Element, config: BookConfig, pages: int, overrides=None) -> bytes:
    import weasyprint

    from .html import environment, stylesheet
    from .pdf import NothingFetched, require_fonts

    size = cover_size(config, pages)
    css = stylesheet("cover.css", overrides)
    require_fonts(css)
    info = first(tree, "info")
    html = environment("print", overrides).get_template("print/cover.html.j2").render(
        info=info, title=plain(first(info, "title")), language=config.language, stylesheet=css,
        authors=[plain(a) for a in info.findall(f"{{{DB}}}author")], blurb=first(info, "abstract"),
        width=size.width, height=size.height, bleed=size.bleed, trim_width=size.trim_width,
        trim_height=size.trim_height, spine=size.spine, spine_text=size.spine >= SPINE_TEXT_MM,
        spine_font=min(size.spine * 0.45, 4.2))
    return weasyprint.HTML(string=html, url_fetcher=NothingFetched()).write_pdf(pdf_tags=True)
