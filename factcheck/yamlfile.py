"""YAML parsed by libyaml when PyYAML was built with it (ten times faster on rule files and front matter), else
by the pure-Python parser; both are safe loaders and report the same marks (line and column) on errors."""

from __future__ import annotations

from typing import Any

import yaml

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """The data of a YAML text (plain types only)."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, for the line of a value."""
    return yaml.compose(text, Loader=LOADER)
