"""Release builds: parallel and incremental, atomic when killed, reproducible, the same on Dask as
locally, a manifest that `check` holds the files to, a download page and an OPDS feed that link to
files that exist, and a wheel that builds every format from a fresh virtual environment."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree

from bookbuild import release as release_module
from bookbuild.namespaces import ATOM
from bookbuild.release import inputs_digest

from conftest import MANUSCRIPTS

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TOML = 'title = "{title}"\nauthors = ["{author}"]\nlanguage = "en"\nsources = ["raw.txt"]\npubdate = "1921"\n'
TEXT = ("{title}\n\nChapter 1\n\nA first paragraph of {title}, which says something worth keeping.\n\n"
        "Chapter 2\n\nAnother paragraph, to close, with a call here.[1]\n\n[1] And its note.\n")


def library(tmp_path: Path, titles=("A Book", "Another Book")) -> Path:
    """A manuscript/ folder of small books, and the folder to build in."""
    root = tmp_path / "work"
    for title in titles:
        folder = root / "manuscript" / title.lower().replace(" ", "-")
        folder.mkdir(parents=True)
        (folder / "book.toml").write_text(TOML.format(title=title, author=f"{title} Author"))
        (folder / "raw.txt").write_text(TEXT.format(title=title))
    return root


def cli(*args, cwd: Path, check=True, **popen) -> subprocess.CompletedProcess:
    result = subprocess.run([str(BIN / "bookbuild"), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                            timeout=600, env={**os.environ, "COLUMNS": "200"})
    if check:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


def said(result: subprocess.CompletedProcess, start: str) -> list[str]:
    """The lines of the output that begin so ('built ', 'up to date ')."""
    return [line for line in result.stdout.splitlines() if line.startswith(start)]


def files_of(out: Path) -> dict[str, bytes]:
    """Every file of a release (lock files aside), by its path under out."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


def test_two_clean_builds_are_identical_byte_for_byte(tmp_path):
    root = library(tmp_path)
    cli("build", "--out", "one", cwd=root)
    cli("build", "--out", "two", "-j", "1", cwd=root)
    one, two = files_of(root / "one"), files_of(root / "two")
    assert sorted(one) == sorted(two) and len(one) == 4 + 2 * 8  # the manifest, and eight files a book
    assert [name for name in one if one[name] != two[name]] == []


def test_a_second_build_with_nothing_changed_rebuilds_nothing(tmp_path):
    root = library(tmp_path)
    cli("build", "--out", "dist", cwd=root)
    before = {p: p.stat().st_mtime_ns for p in (root / "dist").rglob("*.*")}
    second = cli("build", "--out", "dist", cwd=root)
    assert len(said(second, "up to date ")) == 2 and not said(second, "built ")
    assert {p: p.stat().st_mtime_ns for p in (root / "dist").rglob("*.*") if p.parent.name != "dist"} == \
        {p: t for p, t in before.items() if p.parent.name != "dist"}
    # one book's book.toml changed: that book alone is rebuilt
    toml = root / "manuscript" / "a-book" / "book.toml"
    toml.write_text(toml.read_text().replace('pubdate = "1921"', 'pubdate = "1922"'))
    third = cli("build", "--out", "dist", cwd=root)
    assert "built a-book" in third.stdout and "up to date another-book" in third.stdout
    # an output damaged since: rebuilt, not trusted
    (root / "dist" / "another-book" / "another-book.pdf").write_bytes(b"%PDF-1.7 broken")
    fourth = cli("build", "--out", "dist", cwd=root)
    assert "built another-book" in fourth.stdout and "up to date a-book" in fourth.stdout
    assert len(said(cli("build", "--out", "dist", "--force", cwd=root), "built ")) == 2


def test_the_inputs_digest_covers_the_manuscript_the_code_the_templates_and_the_options(tmp_path, monkeypatch):
    root = library(tmp_path, ("A Book",))
    folder = root / "manuscript" / "a-book"
    # the source tree's layout: templates/ and styles/ at the top, linked into the package
    package = tmp_path / "tree" / "src" / "bookbuild"
    shutil.copytree(release_module.PACKAGE, package, symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "templates", "styles"))
    for linked in ("templates", "styles"):
        shutil.copytree(release_module.PACKAGE / linked, tmp_path / "tree" / linked)
        (package / linked).symlink_to(Path("..") / ".." / linked)
    monkeypatch.setattr(release_module, "PACKAGE", package)
    base = inputs_digest(folder, ("xml",))
    assert inputs_digest(folder, ("xml",)) == base
    assert inputs_digest(folder, ("xml", "pdf")) != base
    changes = [folder / "raw.txt", package / "templates" / "blocks.html.j2", package / "styles" / "print.css",
               package / "normalise" / "headings.py"]
    for path in changes:
        path.write_text(path.read_text() + "\n")
        assert inputs_digest(folder, ("xml",)) != base, path
        base = inputs_digest(folder, ("xml",))
    (folder / "tables").mkdir()
    (folder / "tables" / "1.csv").write_text("a,b\n")
    assert inputs_digest(folder, ("xml",)) != base


@pytest.mark.parametrize("after", [0.3, 1.0, 2.0])
def test_a_build_killed_midway_leaves_dist_exactly_as_it_was(tmp_path, after):
    root = library(tmp_path)
    cli("build", "--out", "dist", cwd=root)
    before = files_of(root / "dist")
    for raw in (root / "manuscript").glob("*/raw.txt"):
        raw.write_text(raw.read_text().replace("worth keeping", "worth keeping, and more"))
    proc = subprocess.Popen([str(BIN / "bookbuild"), "build", "--out", "dist", "-j", "2"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its worker processes
    proc.wait(timeout=60)
    after_kill = files_of(root / "dist")
    # each book is the old release or the new one, whole; never a mix, never a half-written file
    for slug in ("a-book", "another-book"):
        mine = {name: data for name, data in after_kill.items() if name.startswith(slug + "/")}
        old = {name: data for name, data in before.items() if name.startswith(slug + "/")}
        if mine != old:
            record = json.loads(mine[f"{slug}/{slug}.build.json"])
            assert {f"{slug}/{n}" for n in record["files"]} | {f"{slug}/{slug}.build.json"} == set(mine)
            assert all(hashlib.sha256(mine[f"{slug}/{n}"]).hexdigest() == e["sha256"] for n, e in record["files"].items())
    # and the next build repairs whatever the kill left aside
    cli("build", "--out", "dist", cwd=root)
    assert not [p for p in (root / "dist").iterdir() if ".staging-" in p.name or p.name.endswith(".previous")]
    assert cli("check", "dist", cwd=root).returncode == 0


def test_killed_before_anything_was_published_changes_nothing(tmp_path):
    root = library(tmp_path)
    cli("build", "--out", "dist", cwd=root)
    before = files_of(root / "dist")
    (root / "manuscript" / "a-book" / "raw.txt").write_text(TEXT.format(title="A Book") + "\nMore text.\n")
    proc = subprocess.Popen([str(BIN / "bookbuild"), "build", "--out", "dist"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(0.5)  # reading and normalising: a build of a book with its PDF takes seconds
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert files_of(root / "dist") == before


def test_ctrl_c_stops_the_build_and_its_workers_and_leaves_dist_as_it_was(tmp_path):
    root = library(tmp_path)
    cli("build", "--out", "dist", cwd=root)
    before = files_of(root / "dist")
    added = "".join(f"\nParagraph {n} added since, long enough to be worth typesetting at some length.\n"
                    for n in range(2000))  # a build long enough to be interrupted after a second
    for raw in (root / "manuscript").glob("*/raw.txt"):
        raw.write_text(raw.read_text() + added)
    # as in a terminal's foreground: a shell's background job (CI's runner) starts with Ctrl-C ignored
    proc = subprocess.Popen([str(BIN / "bookbuild"), "build", "--out", "dist", "-j", "2"], cwd=root, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole foreground group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and stderr.strip().splitlines()[-1].startswith("error: ")
    assert "interrupted" in stderr and "Traceback" not in stderr
    for _ in range(50):  # no worker left running (an exiting one may take a moment to be reaped)
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("a worker process outlived the interrupted build")
    assert files_of(root / "dist") == before


def test_check_passes_on_a_fresh_build_and_names_a_corrupted_file(tmp_path):
    root = library(tmp_path)
    cli("build", "--out", "dist", cwd=root)
    result = cli("check", "dist", cwd=root)
    assert "checked dist/a-book: ok" in result.stdout and "checked dist/another-book: ok" in result.stdout
    epub = root / "dist" / "another-book" / "another-book.epub"
    data = bytearray(epub.read_bytes())
    data[len(data) // 2] ^= 0xFF
    epub.write_bytes(bytes(data))
    failed = cli("check", "dist", cwd=root, check=False)
    assert failed.returncode == 1
    assert "dist/another-book/another-book.epub: its checksum is not the one it was released with" in failed.stderr
    assert "a-book.epub: its checksum" not in failed.stderr.replace("another-book.epub", "")
    (root / "dist" / "a-book" / "a-book.xml").unlink()
    assert "dist/a-book/a-book.xml: listed in the release but missing" in \
        cli("check", "dist", cwd=root, check=False).stderr


def test_the_download_page_and_the_opds_feed_list_every_book_and_link_to_files_that_exist(tmp_path):
    root = library(tmp_path)
    cli("build", "--out", "dist", cwd=root)
    dist = root / "dist"
    chromium = shutil.which("chromium") or pytest.fail("Chromium is not installed: run scripts/setup.sh --test")
    page = dist / "index.html"
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    dom = etree.fromstring(proc.stdout.encode(), etree.HTMLParser())
    assert [h.text for h in dom.xpath("//article/h2|//article//h2")] == ["A Book", "Another Book"]
    links = dom.xpath("//a/@href") + dom.xpath("//img/@src")
    assert len(dom.xpath("//a[@download]")) == 2 * 3 and len(dom.xpath("//img")) == 2
    for link in links:
        target = Path(unquote(urlsplit(link).path)) if link.startswith("file:") else dist / unquote(link)
        assert target.is_file(), link
    # the feed: Atom, one acquisition entry per book, every link a file of the release with its length
    feed = etree.parse(str(dist / "catalog.xml")).getroot()
    assert feed.tag == f"{{{ATOM}}}feed"
    entries = feed.findall(f"{{{ATOM}}}entry")
    assert [e.findtext(f"{{{ATOM}}}title") for e in entries] == ["A Book", "Another Book"]
    for entry in entries:
        assert entry.findtext(f"{{{ATOM}}}id").startswith("urn:uuid:") and entry.findtext(f"{{{ATOM}}}updated")
        acquisitions = [l for l in entry.findall(f"{{{ATOM}}}link") if l.get("rel") == "http://opds-spec.org/acquisition"]
        assert {l.get("type") for l in acquisitions} >= {"application/epub+zip", "application/pdf"}
        for link in entry.findall(f"{{{ATOM}}}link"):
            assert (dist / link.get("href")).is_file()
        for link in acquisitions:
            assert int(link.get("length")) == (dist / link.get("href")).stat().st_size
    release = json.loads((dist / "release.json").read_text())
    assert [b["book"] for b in release["books"]] == ["a-book", "another-book"]
    sums = (dist / "SHA256SUMS").read_text().splitlines()
    assert len(sums) == 2 * 8 and all(hashlib.sha256((dist / line[66:]).read_bytes()).hexdigest() == line[:64]
                                      for line in sums)


@pytest.mark.slow
def test_a_dask_cluster_builds_what_a_local_build_builds_byte_for_byte(tmp_path):
    distributed = pytest.importorskip("distributed")
    root = library(tmp_path)
    shutil.copytree(MANUSCRIPTS / "back-in-the-ussr", root / "manuscript" / "back-in-the-ussr")
    cli("build", "--out", "local", cwd=root)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = cli("build", "--out", "cluster", "--scheduler", cluster.scheduler_address, cwd=root)
    assert len(said(result, "built ")) == 3
    local, cluster = files_of(root / "local"), files_of(root / "cluster")
    assert sorted(local) == sorted(cluster) and [n for n in local if local[n] != cluster[n]] == []


@pytest.mark.slow
def test_a_wheel_in_a_fresh_virtual_environment_builds_every_format(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *wheels.glob("bookbuild-*.whl")],
                   check=True, capture_output=True, timeout=900)
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import bookbuild; print(bookbuild.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert where.startswith(str(venv))
    root = library(tmp_path, ("A Book",))
    result = subprocess.run([str(venv / "bin" / "bookbuild"), "build", "--out", "dist"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    names = {p.name for p in (root / "dist" / "a-book").iterdir()}
    assert {"a-book.xml", "a-book.epub", "a-book.pdf", "a-book-cover.pdf", "a-book-cover.png"} <= names
    assert subprocess.run([str(venv / "bin" / "bookbuild"), "check", "dist"], cwd=root,
                          capture_output=True, timeout=600).returncode == 0


def test_a_manuscripts_own_template_and_stylesheet_come_first(tmp_path):
    root = library(tmp_path, ("A Book",))
    folder = root / "manuscript" / "a-book"
    (folder / "styles").mkdir()
    (folder / "styles" / "epub.css").write_text("p { color: #123456; }\n")
    (folder / "templates" / "epub").mkdir(parents=True)
    template = (ROOT / "templates" / "epub" / "titlepage.xhtml.j2").read_text()
    (folder / "templates" / "epub" / "titlepage.xhtml.j2").write_text(template.replace('<body epub:type="frontmatter">', '<body epub:type="frontmatter"><p>Our own page.</p>'))
    cli("build", "--out", "dist", "--format", "epub", cwd=root)
    import zipfile
    with zipfile.ZipFile(root / "dist" / "a-book" / "a-book.epub") as epub:
        assert epub.read("EPUB/style/book.css").decode() == "p { color: #123456; }\n"
        assert b"<p>Our own page.</p>" in epub.read("EPUB/text/titlepage.xhtml")
