"""The whole pipeline never fails on news text however garbled: words swapped at random put figures next to words
no rule expects (a count of "presidents", a "founder quarter"), as real text sometimes does."""

from __future__ import annotations

import random
import re

import pytest
from conftest import SEEDS, make_docs

from factcheck.engine.rules import load_rules
from factcheck.pipeline import check_documents
from factcheck.report import FORMATTERS, render

_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _scrambled(seed: int) -> list[dict[str, str]]:
    """The seed articles with one word in four swapped for another of theirs, and sentences moved between them."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pool = sorted({w for t in texts for w in _WORD.findall(t)})
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t)]
    out = []
    for i, text in enumerate(texts):
        text = _WORD.sub(lambda m: rng.choice(pool) if rng.random() < 0.25 else m.group(), text)
        text += " " + " ".join(rng.sample(sentences, 5))
        out.append({"path": f"s{i}.txt", "published": f"2025-0{1 + i}-15", "text": text})
    return out


@pytest.mark.parametrize("seed", range(40))
def test_garbled_news_is_checked_and_reported_in_every_format(seed: int) -> None:
    report = check_documents(make_docs(_scrambled(seed)), load_rules())
    assert report.claims
    for fmt in ["table", *FORMATTERS]:
        assert render(report, fmt)
