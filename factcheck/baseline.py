"""Baselines: the findings a team has accepted, so that only new ones fail a CI run."""

from __future__ import annotations

import json

from pydantic import BaseModel, Field, ValidationError

from .errors import InputError
from .files import read_text
from .models import BaselineEntry, Report
from .output import write_atomic

BASELINE_SCHEMA = "factcheck-baseline/1"


class Baseline(BaseModel):
    """The file `factcheck baseline` writes."""

    schema_: str = Field(BASELINE_SCHEMA, alias="schema")
    findings: list[BaselineEntry]

    model_config = {"populate_by_name": True}


def baseline_of(report: Report) -> Baseline:
    """The report's findings (suppressed ones left out) as a baseline, sorted for stable diffs."""
    entries = {f.fingerprint: BaselineEntry(fingerprint=f.fingerprint, rule=f.rule, subject=f.subject,
                                            attribute=f.attribute, summary=f.summary)
               for f in report.findings if f.status != "suppressed"}
    return Baseline(findings=sorted(entries.values(), key=lambda e: (e.rule, e.subject, e.attribute, e.fingerprint)))


def write_baseline(report: Report, path: str) -> Baseline:
    """Write the report's baseline to `path` atomically."""
    baseline = baseline_of(report)
    write_atomic(path, baseline.model_dump_json(by_alias=True, indent=2) + "\n")
    return baseline


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; a missing, unreadable or malformed one is an input error naming the file."""
    text = read_text(path, "baseline", "make one with `factcheck baseline`")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid baseline JSON: {exc.msg}", path, exc.lineno) from None
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(f"invalid baseline: {'.'.join(map(str, err['loc']))}: {err['msg']}", path) from None
    if baseline.schema_ != BASELINE_SCHEMA:
        raise InputError(f"unsupported baseline schema {baseline.schema_!r} (expected {BASELINE_SCHEMA})", path)
    return baseline


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """Mark each finding new or known, and list the baseline's findings that no longer occur as fixed."""
    known = {e.fingerprint for e in baseline.findings}
    seen = set()
    findings = []
    for f in report.findings:
        if f.status == "suppressed":
            findings.append(f)
            continue
        status = "known" if f.fingerprint in known else "new"
        seen.add(f.fingerprint)
        findings.append(f.model_copy(update={"status": status}))
    fixed = [e for e in baseline.findings if e.fingerprint not in seen]
    return report.model_copy(update={"findings": findings, "fixed": fixed})
