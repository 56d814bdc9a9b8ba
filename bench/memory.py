"""Peak memory of `factcheck check` on two kinds of corpus of the same size (issue 6: 100,000 documents under 1 GB).

- copies: the throughput benchmark's corpus, copies of some 50 stories with other figures and names, whose
  sentences repeat across documents (so do its shingles, quotes and words next to figures);
- distinct: the same copies with one word in four swapped for another word of the base texts, so that nearly
  every sentence and shingle is the document's own, as in a corpus of many different articles.

Each is checked once as a whole process (`--no-cache --format json`, `--jobs` as given), and the largest process
of the run (its resident set at its peak) and the sum of every process's proportional set size (sampled every
0.1 s) are printed with the wall time. Run: `python bench/memory.py --docs 12000` from a checkout.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import PEAK, base_texts, vary, write_document  # noqa: E402

_WORD = re.compile(r"\b[a-z]{3,}\b")


def build(folder: Path, docs: int, distinct: bool, seed: int = 7) -> int:
    """Write `docs` documents into `folder`; return their words."""
    rng = random.Random(seed)
    texts = base_texts()
    pool = sorted({w for t in texts for w in _WORD.findall(t)})
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(docs):
        text = vary(texts[i % len(texts)], rng)
        if distinct:
            text = _WORD.sub(lambda m: rng.choice(pool) if rng.random() < 0.25 else m.group(), text)
        words += write_document(folder, i, text)
    return words


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return sum(int(line.split()[1]) for line in f if line.startswith("Pss:"))
    except OSError:
        return 0


def _tree(pid: int) -> list[int]:
    out = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    out += _tree(int(child))
    except OSError:
        pass
    return out


def measure(corpus: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    """Wall seconds, the largest process's peak resident set (KB) and the peak of all processes' PSS summed."""
    cmd = [sys.executable, "-c", PEAK, "factcheck", "check", str(corpus), "--no-cache", "--jobs", str(jobs),
           "--format", "json", "-o", str(out), "--fail-on", "never"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    pss = 0
    while proc.poll() is None:
        pss = max(pss, sum(_pss_kb(p) for p in _tree(proc.pid)[1:]))  # the factcheck process and its workers
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return elapsed, int(re.findall(r"PEAK_KB (\d+)", err)[-1]), pss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=3_000, help="documents in each corpus")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-memory-", ignore_cleanup_errors=True) as scratch:
        tmp = Path(scratch)
        figures = []
        print(f"{'corpus':10} {'documents':>10} {'words':>12} {'seconds':>8} {'largest MB':>11} {'all MB':>8}")
        for kind in ("copies", "distinct"):
            corpus = tmp / kind
            words = build(corpus, args.docs, kind == "distinct")
            elapsed, largest, pss = measure(corpus, tmp / "out.json", args.jobs)
            print(f"{kind:10} {args.docs:10,} {words:12,} {elapsed:8.1f} {largest / 1024:11.0f} {pss / 1024:8.0f}")
            figures.append(f"{kind}_largest_mb={largest / 1024:.0f} {kind}_all_mb={pss / 1024:.0f}")
            shutil.rmtree(corpus)
        print("\nFIGURES " + " ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
