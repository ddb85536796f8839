"""`bookbuild build --format xml` as a manuscript grows: the largest manuscript repeated 1x to 64x.

Run: .venv/bin/python benchmarks/scale.py [--runs N] [--factors 1 4 16 58 64]   (58x is about 50 MB)

Each size is a manuscript folder of its own (the same book.toml, the text repeated); the command
runs N times per size (default 3), and the time, the time per megabyte and the peak memory are
printed: linear growth keeps the time per megabyte flat.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from timing import BIN, alternate, command, manuscripts, source_bytes

from bookbuild.config import load_config


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16, 58, 64])
    args = parser.parse_args()
    largest = max(manuscripts(), key=source_bytes)
    config = load_config(largest)
    raw = b"\n".join(path.read_bytes() for path in config.sources)
    print(f"bookbuild build --format xml on {largest.name} repeated ({args.runs} runs each)")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            folder = Path(tmp) / f"scaled-{factor}"
            folder.mkdir()
            toml = (largest / "book.toml").read_text()
            names = [p.name for p in config.sources]
            for name in names[1:]:
                toml = toml.replace(f'"{name}", ', "").replace(f', "{name}"', "")
            (folder / names[0]).write_bytes(b"\n".join([raw] * factor))
            (folder / "book.toml").write_text(toml)
            size = (folder / names[0]).stat().st_size
            timings = alternate({"build": command(BIN / "bookbuild", "build", "--force", folder, "--format", "xml",
                                                  "--out", Path(tmp) / "out")}, args.runs)["build"]
            print(f"  x{factor:<3} {size:>11} bytes   min {min(timings.seconds):7.2f} s   median {timings.median:7.2f} s"
                  f"   {timings.median / (size / 1e6):.2f} s/MB   peak {max(timings.peak_mb):.0f} MB")
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
