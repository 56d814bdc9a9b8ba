"""Severities and their order (standard library only: the command line reads them before any heavy import)."""

from __future__ import annotations

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
KNOWN = "known:"  # marks a finding a baseline knows (see `tally`)


def tally(marks: list[str], fail_on: str) -> tuple[dict[str, int], bool]:
    """The findings by severity, and whether they fail a run at `fail_on`, from their marks: the severity of each
    finding that counts (suppressed ones are left out), prefixed with KNOWN when a baseline knows it (it counts,
    but cannot fail the run). What a run kept in the cache needs to end as the run that made it did."""
    counts = {"error": 0, "warning": 0, "info": 0}
    threshold = SEVERITY_RANK.get(fail_on, 99)
    failing = False
    for mark in marks:
        severity = mark.removeprefix(KNOWN)
        counts[severity] += 1
        failing = failing or (severity == mark and SEVERITY_RANK[severity] >= threshold)
    return counts, failing
