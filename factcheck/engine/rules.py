"""Rules as data: YAML files in `rules/`, validated on load, each naming the check it configures."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import yamlfile
from ..errors import InputError
from ..files import read_text
from ..models import Severity
from ..versions import default_rules_dir

CheckKind = Literal["disagreement", "aligned-figure", "role-conflict", "derived", "parts-sum", "change", "placeholder",
                    "shared-passage", "undated"]
NOT_RULES = {"vocabulary.yaml"}


class RuleExample(BaseModel):
    """Short passages that show the rule firing (`fail`) and staying silent (`pass`)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    fail: list[list[str]] = Field(default_factory=list)
    pass_: list[list[str]] = Field(default_factory=list, alias="pass")


class Rule(BaseModel):
    """One rule: a stable id, a name, a severity, what it checks and how, and why it matters."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    severity: Severity
    check: CheckKind
    description: str = Field(min_length=10)
    attributes: list[str] = Field(default_factory=list)
    options: dict[str, Any] = Field(default_factory=dict)
    examples: RuleExample = Field(default_factory=RuleExample)
    enabled: bool = True
    path: str = Field("", exclude=True)


def _node_line(node: yaml.Node, loc: tuple[Any, ...]) -> int:
    """The line of the YAML node at `loc` (a pydantic error location), or of its nearest parent."""
    line = node.start_mark.line + 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def load_rule_file(path: Path) -> Rule:
    """Read and validate one rule file; errors name the file and line."""
    name = path.as_posix()
    text = read_text(path, "rule")
    try:
        node = yamlfile.compose(text)
        data = yamlfile.load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(f"invalid YAML: {exc.problem}", name, line) from None
    if not isinstance(data, dict) or node is None:
        raise InputError("a rule file must be a mapping with id, name, severity, check and description", name, 1)
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        where = ".".join(str(x) for x in loc) or "rule"
        raise InputError(f"invalid rule: {where}: {err['msg']}", name, _node_line(node, loc)) from None
    rule.path = name
    from .checks import validate_options

    try:
        validate_options(rule)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ("options", *err["loc"])
        where = ".".join(map(str, loc))
        raise InputError(f"invalid rule: {where}: {err['msg']}", name, _node_line(node, loc)) from None
    except ValueError as exc:
        raise InputError(f"invalid rule: {exc}", name, _node_line(node, ("options",))) from None
    return rule


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a folder, sorted."""
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.name not in NOT_RULES)


def load_rules(extra_dirs: list[str] | None = None, include_default: bool = True) -> list[Rule]:
    """The default rules, then each extra folder's rules; a later rule with the same id replaces an earlier one."""
    folders: list[Path] = [default_rules_dir()] if include_default else []
    for d in extra_dirs or []:
        p = Path(d)
        if not p.is_dir():
            raise InputError("rules folder not found" if not p.exists() else "not a folder", d)
        folders.append(p)
    by_id: dict[str, Rule] = {}
    for folder in folders:
        files = rule_files(folder)
        if folder is not folders[0] and not files:
            raise InputError("no rule files (*.yaml) in this folder", folder.as_posix())
        for f in files:
            rule = load_rule_file(f)
            by_id[rule.id] = rule
    return sorted((r for r in by_id.values() if r.enabled), key=lambda r: r.id)
