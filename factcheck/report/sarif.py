"""SARIF 2.1.0: one result per finding, at the document, line and column of each claim, rules in the driver."""

from __future__ import annotations

import json

from .. import __version__
from ..models import Finding, Location, Report

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
    rule_index = {r.id: i for i, r in enumerate(report.rules)}
    rules = [{
        "id": r.id, "name": r.name,
        "shortDescription": {"text": r.description.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": r.description},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "help": {"text": f"{r.description} Run `factcheck explain {r.id}` for examples."},
    } for r in report.rules]
    results = []
    for f in report.findings:
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
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules,
                                "informationUri": "https://pypi.org/project/factcheck/"}},
            "artifacts": [{"location": {"uri": _uri(d.path)}} for d in report.documents],
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
