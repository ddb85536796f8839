"""A generated cover: the title and author set in the book face on a plain ground, as a PNG."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw, ImageFont

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
