"""Severities and their order (standard library only: the command line reads them before any heavy import)."""

from __future__ import annotations

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
