"""Suppressions: findings a team chose to silence, each with a reason and, if it wants, an expiry date."""

from __future__ import annotations

from datetime import date

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import yamlfile
from .errors import InputError
from .files import read_text
from .models import Finding, Report


class Suppression(BaseModel):
    """Silences the findings it matches (every field given must match), for a reason, until it expires."""

    model_config = ConfigDict(extra="forbid")
    rule: str | None = None
    subject: str | None = None
    attribute: str | None = None
    fingerprint: str | None = None
    reason: str = Field(min_length=3)
    expires: date | None = None

    @model_validator(mode="after")
    def _targets_something(self) -> Suppression:
        if not (self.rule or self.fingerprint):
            raise ValueError("a suppression needs a rule or a fingerprint")
        return self

    def matches(self, f: Finding) -> bool:
        return all(want is None or want == have for want, have in (
            (self.rule, f.rule), (self.subject, f.subject), (self.attribute, f.attribute),
            (self.fingerprint, f.fingerprint)))

    def label(self) -> str:
        what = " ".join(x for x in (self.rule, self.subject, self.attribute, self.fingerprint) if x)
        return f"{what} ({self.reason})"


class SuppressionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    suppressions: list[Suppression] = Field(default_factory=list)


def load_suppressions(path: str) -> list[Suppression]:
    """Read a suppressions file (YAML); errors name the file and line."""
    from .engine.rules import _node_line

    text = read_text(path, "suppressions")
    try:
        node = yamlfile.compose(text)
        data = yamlfile.load(text) or {}
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(f"invalid YAML: {exc.problem}", path, line) from None
    if isinstance(data, list):
        data = {"suppressions": data}
    try:
        return SuppressionFile.model_validate(data).suppressions
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line = _node_line(node, loc) if node is not None else None
        raise InputError(f"invalid suppression: {'.'.join(map(str, loc))}: {err['msg']}", path, line) from None


def apply_suppressions(report: Report, suppressions: list[Suppression], today: date | None = None) -> Report:
    """Silence what active suppressions match; say which suppressions expired and which matched nothing."""
    today = today or date.today()
    used: set[int] = set()
    notices = list(report.notices)
    findings = []
    for f in report.findings:
        status, why = f.status, f.suppression
        for i, s in enumerate(suppressions):
            if not s.matches(f):
                continue
            used.add(i)
            if s.expires is not None and s.expires < today:
                notices.append(f"expired suppression no longer applies (expired {s.expires}): {s.label()}")
                continue
            status, why = "suppressed", s.reason
            break
        findings.append(f.model_copy(update={"status": status, "suppression": why}))
    for i, s in enumerate(suppressions):
        if i not in used:
            notices.append(f"unused suppression (it matches no finding): {s.label()}")
    return report.model_copy(update={"findings": findings, "notices": notices})
