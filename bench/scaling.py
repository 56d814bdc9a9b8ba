"""Whether one document's cost grows with its length, not its square: each shape is checked at two sizes in
this process, and the ratio of times is printed next to the ratio of sizes.

Shapes: a news text repeated (one long article), the same with its sentence ends stripped (one 100,000-word
"sentence"), and runs that regex engines re-read from each of their characters when a pattern lets them (letters
with no "@", dots, digits, dollar signs, hedged figures, ...). A ratio near the size ratio is linear; near its
square, quadratic. Run: `python bench/scaling.py` from a checkout (`--size N`: the smaller size in characters).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.claims.builder import extract  # noqa: E402
from factcheck.models import Document  # noqa: E402
from factcheck.vocabulary import load_vocabulary  # noqa: E402

RUNS = {"letters": "A", "address characters": "ab1.", "hyphenated": "a-", "dots": ".", "dashes": "-",
        "dollars": "$", "digits and spaces": "1 ", "digits and commas": "1,", "percentages": "5% ", "money": "$5 ",
        "hedged figures": "over 5 ", "ranges": "5 to ", "capitalised words": "Acme ", "roles": "CEO John Smith, ",
        "years": "2024 ", "months": "May ", "quotes": "'\"", "spaces": " ", "line breaks": "\n"}


def _news() -> str:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return "\n".join(p.read_text(encoding="utf-8") for p in seeds)


def _seconds(text: str) -> float:
    vocab = load_vocabulary()
    start = time.perf_counter()
    extract(Document(path="scaling.txt", text=text, line_map=[]), vocab)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=100_000, help="the smaller size, in characters")
    ap.add_argument("--factor", type=int, default=4, help="how many times larger the second size is")
    args = ap.parse_args(argv)
    news = _news()
    head = "Acme raised $5 million. "
    shapes = {"news text": ("", news),
              "news text, no sentence ends": ("", re.sub(r"[.!?]\s", " ", news).replace("\n", " "))}
    shapes.update({f"run of {name}": (head, unit) for name, unit in RUNS.items()})
    _seconds(news)  # compile the patterns before timing
    print(f"{'shape':40s} {'small s':>8s} {'large s':>8s} {'ratio':>6s}  (sizes x{args.factor})")
    worst = 0.0
    for name, (start, unit) in shapes.items():
        times = []
        for size in (args.size, args.size * args.factor):
            times.append(_seconds(start + (unit * (size // len(unit) + 1))[:size] + " end."))
        ratio = times[1] / max(times[0], 1e-4)
        worst = max(worst, ratio if times[1] > 0.05 else 0.0)
        print(f"{name:40s} {times[0]:8.3f} {times[1]:8.3f} {ratio:6.1f}")
    print(f"\nFIGURES worst_ratio={worst:.1f} size_ratio={args.factor}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
