"""SARIF 2.1.0: one result per finding, at the document, line and column of each claim, rules in the driver."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .. import __version__
from ..models import Finding, Location, Report
from .batches import batches

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return path.split("#", 1)[0]


def _locations(f: Finding) -> list[dict[str, object]]:
    locs: list[Location] = f.locations or [Location(document=d, line=1) for d in f.documents]
    out: list[dict[str, object]] = []
    seen = set()
    for loc in locs:
        key = (loc.document, loc.line, loc.column)
        if key in seen:
            continue
        seen.add(key)
        out.append({"physicalLocation": {
            "artifactLocation": {"uri": _uri(loc.document)},
            "region": {"startLine": max(1, loc.line), "startColumn": max(1, loc.column)},
        }})
    return out


def render_sarif(report: Report) -> str:
    """The report as a SARIF 2.1.0 log."""
    return b"".join(sarif_chunks(report)).decode("utf-8")


def sarif_log(report: Report, results: list[dict[str, object]] | None = None) -> dict[str, object]:
    """The SARIF log as a dictionary, with `results` (by default, every finding's)."""
    rules = [{
        "id": r.id, "name": r.name,
        "shortDescription": {"text": r.description.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": r.description},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "help": {"text": f"{r.description} Run `factcheck explain {r.id}` for examples."},
    } for r in report.rules]
    if results is None:
        rule_index = {r.id: i for i, r in enumerate(report.rules)}
        results = [_result(f, rule_index) for f in report.findings]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules,
                                "informationUri": "https://pypi.org/project/factcheck/"}},
            "artifacts": [{"location": {"uri": _uri(d.path)}} for d in report.documents],
            "results": results,
        }],
    }


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": _locations(f),
        "partialFingerprints": {"factcheck/v1": f.fingerprint},
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    if f.status in ("new", "known"):
        result["baselineState"] = "new" if f.status == "new" else "unchanged"
    if f.status == "suppressed":
        result["suppressions"] = [{"kind": "external", "justification": f.suppression or ""}]
    return result


_DEPTH = " " * 6  # the results list's indent: log, runs, the run


def sarif_chunks(report: Report) -> Iterator[bytes]:
    """`json.dumps(sarif_log(report), indent=2)` and a newline, in UTF-8, in pieces: the results a thousand or
    so at a time (`batches`), so a large log is never held whole (as dictionaries, then as text, it took five
    times its size)."""
    text = json.dumps(sarif_log(report, []), indent=2, ensure_ascii=False) + "\n"
    head, empty, tail = text.partition('"results": []')
    assert empty  # the one "results" key (a quote inside a string is escaped)
    yield f'{head}"results": '.encode()
    if not report.findings:
        yield b"[]"
    else:
        rule_index = {r.id: i for i, r in enumerate(report.rules)}
        yield b"["
        for n, batch in enumerate(batches(report.findings)):
            items = [_result(f, rule_index) for f in batch]
            # "[\n  {...},\n  {...}\n]": the items, between the brackets, indented to the list's depth (every
            # newline here is the layout's: one in a string is written as an escape)
            piece = json.dumps(items, indent=2, ensure_ascii=False)[1:-2].replace("\n", "\n" + _DEPTH)
            yield ("," if n else "").encode() + piece.encode()
        yield f"\n{_DEPTH}]".encode()
    yield tail.encode()
