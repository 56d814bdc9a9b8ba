"""Configuration: `factcheck.toml` or `[tool.factcheck]` in `pyproject.toml`, found by walking up from the
working directory; command-line options override it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from annotated_types import Ge, Gt

from .errors import InputError

FailLevel = Literal["error", "warning", "info", "never"]


@dataclass(frozen=True)
class Settings:
    """What a configuration file may set. A dataclass that pydantic validates when a file sets anything, so that a
    run without one (a warm run most of all) does not import pydantic for it."""

    __pydantic_config__ = {"extra": "forbid"}
    fail_on: FailLevel = "error"
    format: list[str] = field(default_factory=lambda: ["table"])
    rules: list[str] = field(default_factory=list)
    baseline: str | None = None
    suppressions: str | None = None
    max_bytes: Annotated[int, Gt(0)] = 20 * 1024 * 1024
    cache: str | None = None
    no_cache: bool = False
    jobs: Annotated[int, Ge(1)] | None = None


PATH_SETTINGS = {"rules", "baseline", "suppressions", "cache"}


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration walking up from `start`: its file and its factcheck table."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        own = folder / "factcheck.toml"
        if own.is_file():
            data = _read_toml(own)
            return own, data.get("factcheck", data)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read_toml(project).get("tool", {}).get("factcheck")
            if isinstance(table, dict):
                return project, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        line = None
        text = str(exc)
        if "(at line " in text:
            line = int(text.split("(at line ")[1].split(",")[0])
        raise InputError(f"invalid TOML: {text.split(' (at line')[0]}", str(path), line) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", str(path)) from None


def load_settings(start: Path | None = None) -> tuple[Settings, dict[str, str]]:
    """The configured settings and, for each one set, the file it came from."""
    found = find_config(start)
    if found is None:
        return Settings(), {}
    path, table = found
    table = {k.replace("-", "_"): v for k, v in table.items()}
    if isinstance(table.get("format"), str):
        table["format"] = [table["format"]]
    if isinstance(table.get("rules"), str):
        table["rules"] = [table["rules"]]
    for key in PATH_SETTINGS & table.keys():  # paths are relative to the configuration file
        value = table[key]
        if isinstance(value, list):
            table[key] = [str((path.parent / v).resolve()) for v in value]
        elif isinstance(value, str):
            table[key] = str((path.parent / value).resolve())
    from pydantic import TypeAdapter, ValidationError

    try:
        settings = TypeAdapter(Settings).validate_python(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = ".".join(map(str, err["loc"]))
        if err["type"] == "unexpected_keyword_argument":
            raise InputError(f"unknown setting {name}", str(path)) from None
        raise InputError(f"invalid setting {name}: {err['msg']}", str(path)) from None
    return settings, {k: str(path) for k in table}
