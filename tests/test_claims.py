"""What single sentences' figures are read as (tests/cases/claims.yaml): attribute, subject and scope."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_docs

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "claims.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:60] for c in CASES])
def test_figure_is_read_as_written(case: dict[str, object]) -> None:
    report = run_docs([{"text": case["text"], "published": "2025-02-06"}], only=["FC105"])
    claims = [c for c in report.claims if c.text == case["figure"] and c.attribute != "figure"]
    read = [(c.subject, c.attribute, c.text, c.qualifiers.scope) for c in report.claims]
    if case["attribute"] is None:
        assert not claims, f"no claim expected for {case['figure']!r}; read {read}"
        return
    assert claims, f"no claim for {case['figure']!r}; read {read}"
    c = claims[0]
    assert c.attribute == case["attribute"], read
    if "subject" in case:
        assert c.subject == case["subject"], read
    if "scope" in case:
        assert c.qualifiers.scope == case["scope"], read
    if "segment" in case:
        assert c.qualifiers.segment == case["segment"], (c.qualifiers.segment, read)
    if "year" in case:  # the year the figure speaks of
        assert c.qualifiers.as_of is not None and c.qualifiers.as_of.start is not None, read
        assert c.qualifiers.as_of.start.year == case["year"], (c.qualifiers.as_of, read)
    if "until" in case:  # the last day the figure speaks of
        assert c.qualifiers.as_of is not None and str(c.qualifiers.as_of.end) == str(case["until"]), read
    if "since" in case:  # the first day the figure speaks of
        assert c.qualifiers.as_of is not None and str(c.qualifiers.as_of.start) == str(case["since"]), read


LINES = yaml.safe_load((Path(__file__).parent / "cases" / "lines.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", LINES, ids=[c["text"][:60] for c in LINES])
def test_revenue_line_is_read_as_written(case: dict[str, object]) -> None:
    report = run_docs([{"text": case["text"], "published": "2024-10-31"}], only=["FC101"])
    claims = [c for c in report.claims if c.text == case["figure"] and c.attribute == "revenue"]
    read = [(c.subject, c.attribute, c.text, c.qualifiers.segment) for c in report.claims]
    assert claims, f"no revenue claim for {case['figure']!r}; read {read}"
    assert claims[0].qualifiers.segment == case["line"], read
    if "subject" in case:
        assert claims[0].subject == case["subject"], read
