"""Visual checks: chosen pages of the print edition and one EPUB chapter, rendered (pdftoppm, headless
Chromium) and compared with reviewed reference images in tests/images/, as WeasyPrint tests its own
drawing. A page may differ from its reference by a little (anti-aliasing); a moved line or a changed
face is more. After a deliberate change: pytest --update-images, then look at every changed image."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from conftest import NS

IMAGES = Path(__file__).resolve().parent / "images"
RESOLUTION = 36  # dots per inch: enough to see the layout, small enough to keep in the repository
TOLERANCE = 0.01  # of the pixels may differ by more than a quarter of the grey scale
BOOK = "russia-revolution-counter-revolution"


def page_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def rendered_page(pdf: Path, number: int, out: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-gray", "-png", "-singlefile", "-f", str(number),
                    "-l", str(number), str(pdf), str(out)], check=True)
    return Image.open(f"{out}.png").convert("L")


def compare(name: str, image: Image.Image, update: bool) -> None:
    reference = IMAGES / f"{name}.png"
    if update or not reference.exists():
        if not update:
            pytest.fail(f"no reference image {reference.name}: run pytest --update-images and review it")
        IMAGES.mkdir(exist_ok=True)
        image.save(reference, optimize=True)
        return
    expected = Image.open(reference).convert("L")
    assert image.size == expected.size, f"{name}: {image.size} against {expected.size}"
    histogram = ImageChops.difference(image, expected).histogram()
    changed = sum(histogram[65:]) / (image.size[0] * image.size[1])
    assert changed <= TOLERANCE, f"{name}: {changed:.1%} of the pixels differ (tolerance {TOLERANCE:.0%})"


def chosen_pages(book) -> dict[str, int]:
    """The pages to look at, found by their text: title page, contents, a chapter opening, a page with
    footnotes, a table page."""
    pages = page_text(book.pdf_path)
    note = " ".join("".join(book.tree.xpath("(//db:footnote)[1]", namespaces=NS)[0].itertext()).split())[:25]
    caption = " ".join("".join(book.tree.xpath("(//db:table/db:title)[1]", namespaces=NS)[0].itertext()).split())[:25]

    def first(test) -> int:
        return next(n for n, text in enumerate(pages, start=1) if test(text))

    return {
        "title-page": 3,
        "contents": first(lambda t: t.startswith("Contents")),
        "chapter-opening": first(lambda t: t.startswith("Chapter 1 ")),
        "footnotes": first(lambda t: note in t),
        "table": first(lambda t: caption in t),
    }


@pytest.mark.slow
def test_pages_of_the_print_edition_look_as_reviewed(built_books, tmp_path, update_images):
    book = built_books[BOOK]
    for name, number in chosen_pages(book).items():
        compare(f"{BOOK}-{name}", rendered_page(book.pdf_path, number, tmp_path / name), update_images)
    cover = book.pdf_path.with_name(f"{BOOK}-cover.pdf")
    compare(f"{BOOK}-cover", rendered_page(cover, 1, tmp_path / "cover"), update_images)


@pytest.mark.slow
def test_an_epub_chapter_looks_as_reviewed_in_chromium(built_books, tmp_path, update_images):
    chromium = shutil.which("chromium") or pytest.fail("Chromium is not installed: run scripts/setup.sh --test")
    with zipfile.ZipFile(built_books[BOOK].epub_path) as epub:
        epub.extractall(tmp_path / "epub")
    chapter = next(p for p in sorted((tmp_path / "epub" / "EPUB" / "text").glob("part-*.xhtml"))
                   if ">Chapter 1<" in p.read_text())
    shot = tmp_path / "chapter.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--window-size=480,800", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--screenshot={shot}", chapter.as_uri()], capture_output=True, timeout=120, check=True)
    compare(f"{BOOK}-epub-chapter", Image.open(shot).convert("L"), update_images)
