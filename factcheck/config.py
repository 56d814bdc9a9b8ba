"""Configuration: `factcheck.toml` or `[tool.factcheck]` in `pyproject.toml`, found by walking up from the
working directory; command-line options override it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError

FailLevel = Literal["error", "warning", "info", "never"]


class Settings(BaseModel):
    """What a configuration file may set."""

    model_config = ConfigDict(extra="forbid")
    fail_on: FailLevel = "error"
    format: list[str] = Field(default_factory=lambda: ["table"])
    rules: list[str] = Field(default_factory=list)
    baseline: str | None = None
    suppressions: str | None = None
    max_bytes: int = Field(20 * 1024 * 1024, gt=0)
    cache: str | None = None
    no_cache: bool = False
    jobs: int | None = Field(None, ge=1)


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
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(f"invalid setting {'.'.join(map(str, err['loc']))}: {err['msg']}", str(path)) from None
    return settings, {k: str(path) for k in table}
