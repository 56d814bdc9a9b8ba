"""One generic test for every rule: its own examples, and the YAML cases in tests/rules/ (sqlfluff style)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_docs

from factcheck.engine.rules import load_rules

CASES_DIR = Path(__file__).parent / "rules"
RULES = load_rules()


def _yaml_cases() -> list[tuple[str, str, dict[str, object]]]:
    out = []
    for f in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["rule"], case["name"], case))
    return out


def _example_cases() -> list[tuple[str, str, dict[str, object]]]:
    out = []
    for r in RULES:
        for i, docs in enumerate(r.examples.fail):
            out.append((r.id, f"example fail {i}", {"documents": docs, "expect": "fire", "severity": r.severity}))
        for i, docs in enumerate(r.examples.pass_):
            # Silent at the rule's severity: a change over time may still be reported as info.
            out.append((r.id, f"example pass {i}", {"documents": docs, "expect": "silent", "severity": r.severity}))
    return out


@pytest.mark.parametrize(("rule", "name", "case"), _yaml_cases() + _example_cases(),
                         ids=lambda x: x if isinstance(x, str) else "")
def test_rule_case(rule: str, name: str, case: dict[str, object]) -> None:
    report = run_docs(case["documents"], only=[rule])  # type: ignore[arg-type]
    hits = [f for f in report.findings if f.rule == rule]
    if "severity" in case:
        hits = [f for f in hits if f.severity == case["severity"]]
    if case["expect"] == "fire":
        read = [(c.subject, c.attribute, c.text) for c in report.claims]
        assert hits, f"{rule} should fire on {name}; claims: {read}"
        if "count" in case:
            assert len(hits) == case["count"], [h.message for h in hits]
        for needle in case.get("message_contains", []):  # type: ignore[attr-defined]
            assert any(needle in h.message for h in hits), (needle, [h.message for h in hits])
        for needle in case.get("not_contains", []):  # type: ignore[attr-defined]
            assert not any(needle in h.message for h in hits), (needle, [h.message for h in hits])
        if "internal" in case:
            assert all(h.internal == case["internal"] for h in hits)
    else:
        assert not hits, f"{rule} should stay silent on {name}: {[h.message for h in hits]}"


def test_every_rule_has_cases() -> None:
    covered = {rule for rule, _, _ in _yaml_cases()}
    for r in RULES:
        assert r.examples.fail or r.id in covered, f"{r.id} has no case that fires"
        assert r.id in covered, f"{r.id} has no YAML cases under tests/rules/"
