"""The acceptance of issue 2 on seeds/: what must be found, and what must not be an error."""

from __future__ import annotations

from conftest import SEEDS, run_cli

from factcheck.models import Report

VAL_000 = "000_c0b4b51fff3368c8.txt"
LAYOFFS_001 = "001_c7599064596d53a5.txt"
VAL_004 = "004_f5872e7ba1cb4c5e.txt"


def _claim(report: Report, cid: str):  # type: ignore[no-untyped-def]
    return next(c for c in report.claims if c.id == cid)


def test_check_seeds_exits_1() -> None:
    result = run_cli("check", str(SEEDS))
    assert result.returncode == 1, result.stderr
    assert "Scale AI · valuation" in result.stdout
    assert result.stderr == ""


def test_valuation_disagreement(seeds_report: Report) -> None:
    f = next(f for f in seeds_report.findings if f.rule == "FC101" and f.attribute == "valuation")
    assert f.severity == "error" and f.subject == "Scale AI"
    places = {(_claim(seeds_report, c).document.rsplit("/", 1)[-1], _claim(seeds_report, c).line) for c in f.claims}
    assert (VAL_000, 5) in places and (VAL_004, 2) in places
    assert '"$29 billion"' in f.message and '"$25 billion"' in f.message


def test_ceo_conflict_notes_former(seeds_report: Report) -> None:
    f = next(f for f in seeds_report.findings if f.rule == "FC102")
    assert f.subject == "Scale AI" and f.attribute == "ceo"
    assert "Jason Droege" in f.message and "Alexandr Wang" in f.message
    assert f"{LAYOFFS_001}:8 calls Alexandr Wang the former CEO" in f.message


def test_implied_valuation_agrees_with_29_not_25(seeds_report: Report) -> None:
    f = next(f for f in seeds_report.findings if f.rule == "FC201")
    assert "$28.79–29.59 billion" in f.message
    agrees = {_claim(seeds_report, c).text for c in f.details["agrees"]}  # type: ignore[union-attr]
    disagrees = {_claim(seeds_report, c).text for c in f.details["disagrees"]}  # type: ignore[union-attr]
    assert agrees == {"$29 billion"}
    assert "$25 billion" in disagrees


def test_placeholders_found_with_lines(seeds_report: Report) -> None:
    f = next(f for f in seeds_report.findings if f.rule == "FC301")
    assert [(loc.line, loc.quote) for loc in f.locations] == [(11, "{{user}}"), (11, "{{datetime}}"), (12, "{{text}}")]


def test_what_agrees_is_no_error(seeds_report: Report) -> None:
    errors = [f for f in seeds_report.findings if f.severity == "error"]
    assert {f.rule for f in errors} == {"FC101", "FC201"}
    assert all(f.attribute == "valuation" for f in errors)
    # 200 full-time + 500 contractors is the 700 job cuts; $13.8bn to $25bn is the "roughly 81%".
    assert not [f for f in seeds_report.findings if f.rule in ("FC203", "FC204")]
    # "49 percent" and "49%" are one stake.
    stakes = [c for c in seeds_report.claims if c.attribute == "stake"]
    assert {c.subject for c in stakes} == {"Scale AI"} and {c.qualifiers.party for c in stakes} == {"Meta"}
    assert not [f for f in seeds_report.findings if f.attribute == "stake"]


def test_undated_documents_are_said_to_be_undated(seeds_report: Report) -> None:
    undated = [f for f in seeds_report.findings if f.rule == "FC303"]
    assert len(undated) == 3 and all(f.severity == "info" for f in undated)
