"""Issue 5: the whole CI story on a temporary git repository, and the machine formats CI systems read."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import SEEDS, run_cli
from hypothesis import given
from hypothesis import strategies as st

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sarif" / "sarif-schema-2.1.0.json"

A = """---
title: Acme raises money
published: 2025-03-01
---
Acme, the robotics startup, said on Monday it was valued at $29 billion after its latest funding round.
The company employs about 1,200 people in three countries.
"""
B = """---
title: Acme hits new valuation
published: 2025-03-02
---
Acme has reached a $25 billion valuation, according to people familiar with the deal.
Its chief executive, Jane Roe, declined to comment.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(A)
    (tmp_path / "articles" / "b.md").write_text(B)
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    git(tmp_path, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "articles")
    return tmp_path


def check(repo: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run_cli("check", "articles", "--baseline", "baseline.json", "--format", "json", *extra, cwd=repo)


def test_the_ci_story(repo: Path) -> None:
    made = run_cli("baseline", "articles", "-o", "baseline.json", cwd=repo)
    assert made.returncode == 0, made.stderr
    entries = json.loads((repo / "baseline.json").read_text())["findings"]
    assert any(e["rule"] == "FC101" and e["subject"] == "Acme" for e in entries)

    first = check(repo)
    assert first.returncode == 0, first.stdout
    assert {f["status"] for f in json.loads(first.stdout)["findings"]} == {"known"}

    # An unrelated edit that moves every line, and a rename that reorders the documents: still green.
    (repo / "articles" / "a.md").write_text(A.replace("---\nAcme,", "---\nMarkets were calm.\n\nAcme,"))
    (repo / "articles" / "b.md").rename(repo / "articles" / "0-b.md")
    moved = check(repo)
    assert moved.returncode == 0, moved.stdout
    assert json.loads(moved.stdout)["fixed"] == []

    # A changed figure: red, with exactly one new finding, and the old one fixed.
    (repo / "articles" / "0-b.md").write_text(B.replace("$25 billion", "$21 billion"))
    changed = check(repo)
    assert changed.returncode == 1
    report = json.loads(changed.stdout)
    new = [f for f in report["findings"] if f["status"] == "new"]
    assert len(new) == 1 and new[0]["rule"] == "FC101" and "$21 billion" in new[0]["message"]
    assert [e["rule"] for e in report["fixed"]] == ["FC101"]

    # A suppression with a reason turns it green; an expired one red again, and says so.
    (repo / "suppressions.yaml").write_text(
        "suppressions:\n  - rule: FC101\n    subject: Acme\n    reason: the $21 billion figure is under review\n")
    assert check(repo, "--suppressions", "suppressions.yaml").returncode == 0
    past = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    (repo / "suppressions.yaml").write_text(
        f"suppressions:\n  - rule: FC101\n    subject: Acme\n    reason: under review\n    expires: {past}\n")
    expired = check(repo, "--suppressions", "suppressions.yaml")
    assert expired.returncode == 1
    assert any("expired suppression" in n for n in json.loads(expired.stdout)["notices"])


def test_unused_suppression_is_reported(repo: Path) -> None:
    (repo / "s.yaml").write_text("- rule: FC999\n  reason: nothing matches this\n")
    result = run_cli("check", "articles", "--suppressions", "s.yaml", "--format", "json", cwd=repo)
    assert any("unused suppression" in n for n in json.loads(result.stdout)["notices"])


def test_suppression_needs_a_reason(repo: Path) -> None:
    (repo / "s.yaml").write_text("suppressions:\n  - rule: FC101\n    subject: Acme\n")
    result = run_cli("check", "articles", "--suppressions", "s.yaml", cwd=repo)
    assert result.returncode == 2 and "s.yaml:2: invalid suppression" in result.stderr and "reason" in result.stderr


def test_bad_baseline_file(repo: Path) -> None:
    (repo / "baseline.json").write_text("{not json")
    result = check(repo)
    assert result.returncode == 2 and "baseline.json:1: invalid baseline JSON" in result.stderr
    missing = run_cli("check", "articles", "--baseline", "nope.json", cwd=repo)
    assert missing.returncode == 2 and "nope.json: baseline file not found" in missing.stderr


def test_new_documents_only(repo: Path) -> None:
    (repo / "incoming").mkdir()
    (repo / "incoming" / "c.md").write_text("---\npublished: 2025-03-03\n---\nAcme was valued at $40 billion.\n")
    result = run_cli("check", "articles", "--new", "incoming", "--format", "json", cwd=repo)
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(any(d.endswith("c.md") for d in f["documents"]) for f in findings)


def test_new_from_git(repo: Path) -> None:
    (repo / "articles" / "c.md").write_text("---\npublished: 2025-03-03\n---\nAcme was valued at $40 billion.\n")
    result = run_cli("check", "articles", "--new-from-git", "HEAD", "--format", "json", cwd=repo)
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(any(d.endswith("c.md") for d in f["documents"]) for f in findings)
    bad = run_cli("check", "articles", "--new-from-git", "no-such-ref", cwd=repo)
    assert bad.returncode == 2 and "git failed" in bad.stderr


def test_configuration_file_and_config_command(repo: Path) -> None:
    (repo / "factcheck.toml").write_text('fail_on = "never"\nformat = "markdown"\n')
    sub = repo / "articles"
    result = run_cli("check", ".", cwd=sub)
    assert result.returncode == 0 and result.stdout.startswith("**factcheck**")
    assert run_cli("check", ".", "--fail-on", "error", cwd=sub).returncode == 1
    shown = run_cli("config", cwd=sub)
    assert "factcheck.toml" in shown.stdout and "never" in shown.stdout and "default" in shown.stdout


def test_pyproject_tool_table(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "never"\n')
    assert run_cli("check", "articles", cwd=repo).returncode == 0
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "sometimes"\n')
    bad = run_cli("check", "articles", cwd=repo)
    assert bad.returncode == 2 and "pyproject.toml: invalid setting fail_on" in bad.stderr
    for setting, message in [("max-bytes = 0", "invalid setting max_bytes"), ("jobs = 0", "invalid setting jobs"),
                             ('colour = "red"', "unknown setting colour")]:
        (repo / "pyproject.toml").write_text(f"[tool.factcheck]\n{setting}\n")
        bad = run_cli("check", "articles", cwd=repo)
        assert bad.returncode == 2 and f"pyproject.toml: {message}" in bad.stderr, bad.stderr


def test_sarif_is_valid_2_1_0(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "r.sarif"
    run_cli("check", str(SEEDS), "--format", "sarif", "-o", str(out))
    log = json.loads(out.read_text())
    if SCHEMA.is_file():
        jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "factcheck"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"FC101", "FC201", "FC301"}
    result = next(r for r in run["results"] if r["ruleId"] == "FC101")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["level"] == "error" and region["startLine"] >= 1 and region["startColumn"] >= 1
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")
    assert result["partialFingerprints"]["factcheck/v1"]


def test_junit_parses_with_counts(tmp_path: Path) -> None:
    out = tmp_path / "r.xml"
    run_cli("check", str(SEEDS), "--format", "junit", "-o", str(out))
    root = ET.parse(out).getroot()
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("tests", "0")) == len(cases) > 5
    assert int(suite.get("failures", "0")) == len(failed) >= 3
    assert any(c.get("classname") == "Scale AI" and c.get("name") == "valuation" for c in failed)


def test_several_formats_at_once_and_github(tmp_path: Path) -> None:
    result = run_cli("check", str(SEEDS), "--format", "markdown", "-o", str(tmp_path / "r.md"),
                     "--format", "github", "-o", str(tmp_path / "r.txt"))
    assert result.returncode == 1
    assert (tmp_path / "r.md").read_text().startswith("**factcheck**")
    annotations = (tmp_path / "r.txt").read_text().splitlines()
    assert any(a.startswith("::error file=") and ",line=" in a and "FC101" in a for a in annotations)
    mismatch = run_cli("check", str(SEEDS), "--format", "json", "--format", "sarif", "-o", str(tmp_path / "x"))
    assert mismatch.returncode == 2 and "-o files" in mismatch.stderr


def test_format_auto(tmp_path: Path) -> None:
    inside = run_cli("check", str(SEEDS), "--format", "auto", env={"GITHUB_ACTIONS": "true"})
    assert inside.stdout.startswith("::")
    outside = run_cli("check", str(SEEDS), "--format", "auto", env={"GITHUB_ACTIONS": ""})
    assert "Scale AI · valuation" in outside.stdout


def test_no_progress_output_when_piped() -> None:
    result = run_cli("check", str(SEEDS), "--format", "json")
    assert result.stderr == ""


@pytest.mark.parametrize("chunk", [1, 2, 1_000])
def test_json_made_in_pieces_is_the_json_report_byte_for_byte(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck
    from factcheck.report import batches, json_format

    monkeypatch.setattr(batches, "BUDGET", chunk)
    report = factcheck.check([str(SEEDS)])
    assert len(report.claims) > 2 * chunk or chunk == 1_000  # pieces meet inside each list
    first = next(c for c in report.claims if c.value.type == "number")
    unbounded = first.model_copy(update={"value": first.value.model_copy(update={"low": -math.inf, "high": math.inf})})
    odd = report.findings[0].model_copy(update={"details": {"ratio": math.nan}})
    for r in (report, report.model_copy(update={"claims": [], "findings": report.findings[:1]}),
              report.model_copy(update={"documents": [], "claims": [], "findings": []}),
              report.model_copy(update={"claims": [unbounded], "findings": [odd]})):  # written as null
        whole = r.model_dump_json(by_alias=True, indent=2) + "\n"  # pydantic given the whole report
        assert b"".join(json_format.json_chunks(r)) == whole.encode("utf-8")
        assert json_format.render_json(r) == whole


def test_a_gated_run_repeated_is_served_from_the_cache_and_ends_as_it_did(repo: Path) -> None:
    cache = str(repo / "c.sqlite")
    assert run_cli("baseline", "articles", "-o", "baseline.json", "--cache", cache, cwd=repo).returncode == 0
    (repo / "articles" / "c.md").write_text("---\ntitle: Acme staff\npublished: 2025-03-03\n---\n"
                                            "Acme employs 3,000 people, a spokesperson said.\n")
    runs = {}
    for fail_on in ("never", "warning", "error"):
        args = ("check", "articles", "--baseline", "baseline.json", "--format", "json", "--cache", cache,
                "--fail-on", fail_on)
        first = run_cli(*args, cwd=repo)
        again = run_cli(*args, cwd=repo, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert (again.returncode, again.stdout) == (first.returncode, first.stdout), fail_on
        imported = {line.rsplit("|", 1)[-1].strip() for line in again.stderr.splitlines() if line.startswith("import")}
        assert "factcheck.kept" in imported and "factcheck.pipeline" not in imported  # the kept text, served
        runs[fail_on] = first
    statuses = {f["status"] for f in json.loads(runs["never"].stdout)["findings"]}
    assert statuses == {"new", "known"}  # both kinds, so the exit codes below test both
    new = {f["severity"] for f in json.loads(runs["never"].stdout)["findings"] if f["status"] == "new"}
    assert [runs[k].returncode for k in ("never", "warning", "error")] == [0, 1, int("error" in new)]
    # the baseline recorded again (every finding known): not served from the run kept for the old one
    assert run_cli("baseline", "articles", "-o", "baseline.json", "--cache", cache, cwd=repo).returncode == 0
    known = run_cli("check", "articles", "--baseline", "baseline.json", "--format", "json", "--cache", cache,
                    "--fail-on", "info", cwd=repo)
    assert known.returncode == 0 and {f["status"] for f in json.loads(known.stdout)["findings"]} == {"known"}


def test_a_kept_run_with_suppressions_is_kept_for_its_day_only(tmp_path: Path) -> None:
    from factcheck.kept import gated_key

    (tmp_path / "s.yaml").write_text("- rule: FC101\n  reason: under review\n  expires: 2030-01-01\n")
    (tmp_path / "b.json").write_text("{}")
    day, next_day = dt.date(2029, 12, 31), dt.date(2030, 1, 1)
    suppressed = str(tmp_path / "s.yaml")
    assert gated_key("k", None, suppressed, day) != gated_key("k", None, suppressed, next_day)
    assert gated_key("k", str(tmp_path / "b.json"), None, day) == gated_key("k", str(tmp_path / "b.json"), None,
                                                                               next_day)
    assert gated_key("k", str(tmp_path / "missing.json"), None) is None  # the run itself says what is wrong


@pytest.mark.parametrize("chunk", [1, 2, 1_000])
def test_sarif_made_in_pieces_is_the_whole_log_byte_for_byte(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck
    from factcheck.report import batches, sarif

    monkeypatch.setattr(batches, "BUDGET", chunk)
    report = factcheck.check([str(SEEDS)])
    assert len(report.findings) > 2 * chunk or chunk == 1_000  # pieces meet inside the results
    quoted = report.findings[0].model_copy(update={"message": 'said "results": [] and\nmore — «ok»'})
    for r in (report, report.model_copy(update={"findings": [quoted]}),
              report.model_copy(update={"documents": [], "claims": [], "findings": []})):
        whole = json.dumps(sarif.sarif_log(r), indent=2, ensure_ascii=False) + "\n"  # the log made whole
        assert b"".join(sarif.sarif_chunks(r)) == whole.encode("utf-8")
        assert sarif.render_sarif(r) == whole


def test_a_piece_of_a_report_holds_about_a_thousand_claims_however_many_places_its_findings_cite() -> None:
    from factcheck.models import Finding, Location
    from factcheck.report.batches import batches

    def finding(places: int) -> Finding:
        where = [Location(document=f"d{i}", line=1) for i in range(places)]
        return Finding(id="F1", rule="FC105", name="n", severity="error", subject="s", attribute="a", message="m",
                       locations=where, claims=[f"C{i}" for i in range(places)], documents=[w.document for w in where])

    heavy, plain = finding(8_000), finding(1)
    items = [plain, heavy, plain, plain, heavy, *[plain] * 2_500]
    pieces = list(batches(items))
    assert [x for p in pieces for x in p] == items  # each once, in order
    assert [len(p) for p in pieces] == [1, 1, 2, 1, 1_000, 1_000, 500]  # a heavy finding alone, plain ones by 1,000
    assert [len(p) for p in batches(list(range(2_500)))] == [1_000, 1_000, 500]
    assert list(batches([])) == []


@given(st.lists(st.integers(0, 40), max_size=60), st.integers(1, 30))
def test_pieces_of_a_report_keep_every_item_in_order_within_their_budget(places: list[int], budget: int) -> None:
    from factcheck.models import Finding, Location
    from factcheck.report.batches import batches, weight

    where = [Location(document="d", line=1)]
    items = [Finding.model_construct(locations=where * n, claims=[], documents=[]) for n in places]
    pieces = list(batches(items, budget))
    assert [x for p in pieces for x in p] == items
    assert all(p for p in pieces)
    for p in pieces:  # within the budget, or a single item too heavy for it
        assert len(p) == 1 or sum(map(weight, p)) <= budget
    for a, b in itertools.pairwise(pieces):  # a piece is cut only when the next item would not fit
        assert sum(map(weight, a)) + weight(b[0]) > budget
