"""More fuzzing than CI runs: the hypothesis suite (tests/test_fuzz.py) with N fresh random examples per kind.

Run: .venv/bin/python benchmarks/fuzz.py [N]   (default 1000; CI runs 60, derandomised)
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    examples = sys.argv[1] if len(sys.argv) > 1 else "1000"
    env = {**os.environ, "BOOKBUILD_FUZZ_EXAMPLES": examples}
    sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "--hypothesis-show-statistics",
                              str(ROOT / "tests" / "test_fuzz.py")], env=env, cwd=ROOT))
