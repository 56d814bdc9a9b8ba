"""Throughput of `factcheck check` against quantulum3 on the same texts, in one run (issue 6).

Builds a corpus of realistic size from real text (the seed articles and the documents in ../shared/eval/),
varied so that figures and names differ between copies, then times, as whole processes, each several times
(median):
  (a) `factcheck check` end to end (--no-cache; --jobs 2, the default on this two-core machine, and --jobs 1),
      and quantulum3 parsing the same texts (each text whole, as the issue measured it; and line by line);
  (b) a cold cache, a warm cache, --jobs 2, and ten times the corpus (linear cost);
--jobs 1 and --jobs 2 are run in turn, five times at least, so that drift of the machine weighs on both alike;
and reports words per second, ratios and peak memory. factcheck's modules are compiled to bytecode first, as
`pip install .` does (an editable install on a machine with PYTHONDONTWRITEBYTECODE set would otherwise compile
them anew in every run, about 0.2 s). Run: `python bench/throughput.py` (after
`pip install ".[bench]"`); `--words N` sets the corpus size.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent", "Wonka", "Stark", "Wayne"]
PEOPLE = ["Jane Roe", "John Doe", "Ada Park", "Ravi Shah", "Mia Chen", "Omar Haddad", "Lena Berg", "Tom Okoro"]

# Runs a command (a module, or a .py script) as its own process and prints the peak memory of it and its
# workers (the largest of them) as the last line of stderr.
PEAK = ("import resource, subprocess, sys\n"
        "cmd = sys.argv[1:] if sys.argv[1].endswith('.py') else ['-m', *sys.argv[1:]]\n"
        "code = subprocess.run([sys.executable, *cmd]).returncode\n"
        "c = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(f'\\nPEAK_KB {c}\\n')\n"
        "sys.exit(code)")

# quantulum3 reads each text whole, as a user would hand it an article (about 3,500 words a second here, the
# figure the issue quotes); fed line by line it is about three times faster, so that is timed and shown too.
QUANTULUM = """
import sys, warnings, pathlib
warnings.simplefilter("ignore")
from quantulum3 import parser
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    text = p.read_text(encoding="utf-8")
    if sys.argv[2] == "whole":
        n += len(parser.parse(text))
    else:
        n += sum(len(parser.parse(line)) for line in text.split("\\n") if line.strip())
print(n)
"""


def base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").iterdir())]
    for name in ("summedits_news.json", "summedits_ectsum.json"):
        path = EVAL / "summedits" / name
        if path.is_file():
            texts += list(dict.fromkeys(c["doc"] for c in json.loads(path.read_text(encoding="utf-8"))))
    return [t for t in texts if len(t.split()) > 50]


def vary(text: str, rng: random.Random) -> str:
    """A copy with other figures and names: each number scaled, company and person names swapped."""
    def number(m: re.Match[str]) -> str:
        digits = m.group()
        if len(digits.replace(",", "").split(".")[0]) == 4 and digits.startswith(("19", "20")):
            return digits  # keep years
        value = float(digits.replace(",", "")) * rng.choice([0.8, 0.9, 1.1, 1.25, 1.5])
        return f"{value:,.{len(digits.split('.')[1]) if '.' in digits else 0}f}"

    text = re.sub(r"\d[\d,]*(?:\.\d+)?", number, text)
    for old in ("Scale AI", "Meta", "Google", "Moderna", "Capital One", "Intel"):
        text = text.replace(old, rng.choice(NAMES))
    for old in ("Alexandr Wang", "Jason Droege"):
        text = text.replace(old, rng.choice(PEOPLE))
    return text


def build(folder: Path, words: int, seed: int = 7) -> int:
    """Write a corpus of about `words` words into `folder`; return the exact word count."""
    rng = random.Random(seed)
    texts = base_texts()
    total = i = 0
    folder.mkdir(parents=True, exist_ok=True)
    while total < words:
        total += write_document(folder, i, vary(texts[i % len(texts)], rng))
        i += 1
    return total


def write_document(folder: Path, i: int, text: str) -> int:
    """Write the corpus's document number `i` (dated by its number); return its words."""
    (folder / f"doc{i:06d}.txt").write_text(f"---\npublished: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n{text}",
                                             encoding="utf-8")
    return len(text.split())


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak memory (KB) of one whole process (which must write its -o file anew)."""
    out = Path(cmd[cmd.index("-o") + 1]) if "-o" in cmd else None
    if out is not None and out.exists():
        out.unlink()
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1) or (out is not None and not out.exists()):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    peak = int(re.findall(r"PEAK_KB (\d+)", proc.stderr)[-1])
    return elapsed, peak


def median_run(cmd: list[str], runs: int, before: object = None) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        if callable(before):
            before()
        t, p = run(cmd)
        times.append(t)
        peaks.append(p)
    return statistics.median(times), max(peaks)


def paired_runs(a: list[str], b: list[str], runs: int) -> tuple[tuple[float, int], tuple[float, int]]:
    """Two commands run in turn (a, b, a, b, ...), so that a machine that slows down or speeds up meanwhile
    weighs on both alike; each one's median time and peak memory."""
    times: tuple[list[float], list[float]] = ([], [])
    peaks: tuple[list[int], list[int]] = ([], [])
    for _ in range(runs):
        for k, cmd in enumerate((a, b)):
            t, p = run(cmd)
            times[k].append(t)
            peaks[k].append(p)
    return ((statistics.median(times[0]), max(peaks[0])), (statistics.median(times[1]), max(peaks[1])))


def compile_factcheck() -> None:
    """Compile the factcheck being measured to bytecode, as an install from a wheel or `pip install .` has it.

    Found by a process started as the timed ones are (the working directory first on its path), so that it is the
    copy they import: from a checkout with a non-editable install, that is the checkout's, not site-packages'."""
    code = ("import compileall, pathlib, factcheck\n"
            "compileall.compile_dir(pathlib.Path(factcheck.__file__).parent, quiet=1)")
    subprocess.run([sys.executable, "-c", code], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=150_000, help="corpus size in words")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is kept)")
    ap.add_argument("--skip-linear", action="store_true", help="skip the ten-times corpus")
    args = ap.parse_args()
    compile_factcheck()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-", ignore_cleanup_errors=True) as scratch:
        tmp = Path(scratch)
        corpus = tmp / "corpus"
        words = build(corpus, args.words)
        docs = len(list(corpus.iterdir()))
        fc = ["factcheck", "check", str(corpus), "--format", "json", "-o", str(tmp / "out.json"), "--fail-on",
              "never"]
        print(f"corpus: {docs} documents, {words:,} words ({tmp})")
        (t1, m1), (t2, m2) = paired_runs([*fc, "--no-cache", "--jobs", "1"], [*fc, "--no-cache", "--jobs", "2"],
                                         max(args.runs, 5))
        cache = tmp / "claims.sqlite"

        def drop_cache() -> None:
            for f in tmp.glob("claims.sqlite*"):
                f.unlink()

        cold, mc = median_run([*fc, "--cache", str(cache), "--jobs", "1"], args.runs, drop_cache)
        run([*fc, "--cache", str(cache), "--jobs", "1"])
        warm, mw = median_run([*fc, "--cache", str(cache), "--jobs", "1"], args.runs)
        rows = [("factcheck --jobs 1 --no-cache", t1, m1), ("factcheck --jobs 2 --no-cache", t2, m2),
                ("factcheck cold cache (--jobs 1)", cold, mc), ("factcheck warm cache (--jobs 1)", warm, mw)]
        q = q_lines = None
        try:
            import quantulum3  # noqa: F401

            script = tmp / "q.py"
            script.write_text(QUANTULUM)
            q, mq = median_run([str(script), str(corpus), "whole"], max(1, args.runs - 2))
            rows.append(("quantulum3 (same texts, each text whole)", q, mq))
            q_lines, ml = median_run([str(script), str(corpus), "lines"], max(1, args.runs - 2))
            rows.append(("quantulum3 (same texts, line by line)", q_lines, ml))
        except ImportError:
            print("quantulum3 is not installed: pip install '.[bench]'")
        linear = None
        if not args.skip_linear:
            big = tmp / "big"
            big_words = build(big, words * 10, seed=11)
            tb, mb = median_run(["factcheck", "check", str(big), "--format", "json", "-o", str(tmp / "big.json"),
                                 "--fail-on", "never", "--no-cache", "--jobs", "1"], 1)
            rows.append((f"factcheck, ten times the corpus ({big_words:,} words)", tb, mb))
            linear = (tb / t1, big_words / words)
        print(f"\n{'run':55} {'seconds':>8} {'words/s':>10} {'peak MB':>8}")
        for name, t, m in rows:
            w = words * 10 if "ten times" in name else words
            print(f"{name:55} {t:8.2f} {w / t:10,.0f} {m / 1024:8.0f}")
        figures = [f"fc_wps={words / t2:.0f}", f"fc_wps_jobs1={words / t1:.0f}", f"jobs2_speedup={t1 / t2:.2f}",
                   f"warm_speedup={cold / warm:.1f}"]
        if q and q_lines:
            # The ratio is taken for a run with the defaults (--jobs = the number of cores: 2 here) and for --jobs 1.
            figures[2:2] = [f"quantulum_wps={words / q:.0f}", f"ratio={q / t2:.1f}", f"ratio_jobs1={q / t1:.1f}",
                            f"ratio_vs_lines={q_lines / t2:.1f}"]
        if linear:
            figures.append(f"ten_times_cost={linear[0]:.1f}x_for_{linear[1]:.1f}x_words")
        print("\nFIGURES " + " ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
