"""The command line: formats, output files, exit codes, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli


def _one_line_error(result, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: error:") and needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_json_report_schema(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run_cli("check", str(SEEDS), "--format", "json", "-o", str(out))
    assert result.returncode == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "factcheck/1"
    assert {"path", "title", "source", "url", "published"} <= set(data["documents"][0])
    claim = data["claims"][0]
    assert {"id", "document", "line", "column", "subject", "attribute", "text", "value", "as_of", "quote"} <= set(claim)
    finding = data["findings"][0]
    assert {"id", "rule", "severity", "subject", "attribute", "message", "claims", "documents"} <= set(finding)
    numbers = [c["value"] for c in data["claims"] if c["value"]["type"] == "number"]
    assert all({"low", "high", "unit"} <= set(v) for v in numbers)
    assert any(v["high"] is None for v in numbers)  # "over 400" is unbounded above


@pytest.mark.parametrize(("level", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(level: str, code: int) -> None:
    assert run_cli("check", str(SEEDS), "--fail-on", level).returncode == code


def test_clean_set_exits_0(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\npublished: 2025-01-01\n---\nAcme was valued at $29 billion.\n")
    (tmp_path / "b.md").write_text("---\npublished: 2025-01-02\n---\nAcme is valued at $29 billion.\n")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 0 and "No findings." in result.stdout


def test_claims_lists_what_was_read(tmp_path: Path) -> None:
    (tmp_path / "none.txt").write_text("Nothing to see here.\n")
    result = run_cli("claims", str(SEEDS), str(tmp_path))
    assert result.returncode == 0
    assert "valuation" in result.stdout and "no claims in:" in result.stdout and "none.txt" in result.stdout
    data = json.loads(run_cli("claims", str(SEEDS), "--format", "json").stdout)
    assert len(data["claims"]) > 10


def test_rules_and_explain() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0 and "FC101" in listing.stdout and "FC303" in listing.stdout
    explained = run_cli("explain", "FC201")
    assert explained.returncode == 0 and "investment / stake" in explained.stdout and "Fires on" in explained.stdout
    _one_line_error(run_cli("explain", "NOPE1"), "no rule")


def test_missing_path() -> None:
    _one_line_error(run_cli("check", "no/such/file.txt"), "no/such/file.txt: no such file or directory")


@pytest.mark.parametrize(("content", "needle"), [
    (b"", "empty file"), (b"\x00\x01binary", "binary file"), (b"ok\n\xff\xfe\n", "bad.txt:2: not valid UTF-8"),
])
def test_bad_files_one_line(tmp_path: Path, content: bytes, needle: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    _one_line_error(run_cli("check", str(p)), needle)


def test_huge_file(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Acme grew. " * 1000)
    _one_line_error(run_cli("check", str(p), "--max-bytes", "1000"), "too large")


def test_unsupported_file_type(tmp_path: Path) -> None:
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF")
    _one_line_error(run_cli("check", str(p)), "unsupported file type")


def test_unknown_option() -> None:
    _one_line_error(run_cli("check", "--frobnicate", str(SEEDS)), "No such option")
    _one_line_error(run_cli("check", str(SEEDS), "--format", "pdf"), "pdf")


def test_broken_rule_yaml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "FC900-broken.yaml").write_text("id: FC900\nname: broken\nseverity: [error\n")
    result = run_cli("check", str(SEEDS), "--rules", str(tmp_path))
    _one_line_error(result, "FC900-broken.yaml:")
    assert "invalid YAML" in result.stderr


def test_invalid_rule_names_the_field_and_line(tmp_path: Path) -> None:
    (tmp_path / "FC900.yaml").write_text(
        "id: FC900\nname: my-rule\nseverity: fatal\ncheck: disagreement\ndescription: A rule with a bad severity.\n")
    _one_line_error(run_cli("check", str(SEEDS), "--rules", str(tmp_path)), "FC900.yaml:3: invalid rule: severity")
    (tmp_path / "FC900.yaml").write_text(
        "id: FC900\nname: my-rule\nseverity: error\ncheck: derived\ndescription: A derived rule, badly written.\n"
        "options:\n  inputs: {a: revenue}\n  formula: a / (b\n  target: valuation\n")
    _one_line_error(run_cli("check", str(SEEDS), "--rules", str(tmp_path)), "FC900.yaml:")


def test_rule_pack_replaces_by_id(tmp_path: Path) -> None:
    (tmp_path / "FC303.yaml").write_text(
        "id: FC303\nname: undated-document\nseverity: error\ncheck: undated\ndescription: Undated is an error here.\n")
    result = run_cli("check", str(SEEDS), "--rules", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "FC303"} == {"error"}


def test_output_is_atomic_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous report")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run_cli("check", str(SEEDS), str(bad), "--format", "json", "-o", str(out))
    assert result.returncode == 2
    assert out.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_output_folder_missing(tmp_path: Path) -> None:
    _one_line_error(run_cli("check", str(SEEDS), "-o", str(tmp_path / "nope" / "r.json")), "output folder")


def test_python_dash_m_and_version() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "factcheck" in result.stdout


def test_default_rules_found_outside_the_checkout(tmp_path: Path) -> None:
    result = run_cli("rules", cwd=tmp_path)
    assert result.returncode == 0 and "FC201" in result.stdout
