"""The command line: a thin click layer over the Python API (heavy imports happen inside the commands)."""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
FAIL_LEVELS = ["error", "warning", "info", "never"]
FORMATS = ["table", "json"]

paths_arg = click.argument("paths", nargs=-1, required=True, metavar="PATHS...")
format_opt = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                          help="Output format.")
output_opt = click.option("-o", "--output", metavar="FILE",
                          help="Write the report to FILE (atomically) instead of stdout.")
rules_opt = click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
                         help="A folder of rule files to add (a rule with an existing id replaces it). Repeatable.")
max_bytes_opt = click.option("--max-bytes", type=click.IntRange(1), default=20 * 1024 * 1024, show_default=True,
                             help="Refuse input files larger than this.")


def _emit(text: str, output: str | None) -> None:
    if output:
        from .output import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Find where news reports about one story contradict each other."""


@cli.command()
@paths_arg
@format_opt
@output_opt
@rules_opt
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@max_bytes_opt
def check(paths: tuple[str, ...], fmt: str, output: str | None, rules_dirs: tuple[str, ...], fail_on: str,
          max_bytes: int) -> None:
    """Check the articles in PATHS (files or folders) and report contradictions."""
    from .models import SEVERITY_RANK
    from .pipeline import check as run_check
    from .report import FORMATTERS

    report = run_check(list(paths), list(rules_dirs), max_bytes)
    _emit(FORMATTERS[fmt](report), output)
    if output:
        c = report.counts()
        click.echo(f"wrote {output}: {c['error']} errors, {c['warning']} warnings, {c['info']} info", err=True)
    threshold = SEVERITY_RANK.get(fail_on, 99)
    if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
        sys.exit(EXIT_FINDINGS)


@cli.command()
@paths_arg
@format_opt
@output_opt
@max_bytes_opt
def claims(paths: tuple[str, ...], fmt: str, output: str | None, max_bytes: int) -> None:
    """List every claim read from PATHS, so you can see what was extracted."""
    from .claims.listing import render_claims
    from .documents import load_documents
    from .pipeline import extract_all

    docs = load_documents(list(paths), max_bytes)
    _emit(render_claims(docs, extract_all(docs), fmt), output)


@cli.command(name="rules")
@rules_opt
@format_opt
def list_rules(rules_dirs: tuple[str, ...], fmt: str) -> None:
    """List the rules in force."""
    import json

    from .engine.rules import load_rules
    from .report.table import table

    rules = load_rules(list(rules_dirs))
    if fmt == "json":
        click.echo(json.dumps([r.model_dump(by_alias=True) for r in rules], indent=2, default=str))
        return
    rows = [[r.id, r.name, r.severity, r.check, r.description.split(". ")[0].strip().rstrip(".") + "."] for r in rules]
    click.echo(table(rows, ["id", "name", "severity", "check", "what it finds"], [None, None, None, None, 70]))


@cli.command()
@click.argument("rule")
@rules_opt
def explain(rule: str, rules_dirs: tuple[str, ...]) -> None:
    """Print a rule's description, settings and examples (RULE is an id or a name)."""
    import textwrap

    from .engine.rules import load_rules

    rules = load_rules(list(rules_dirs))
    match = next((r for r in rules if rule.lower() in (r.id.lower(), r.name)), None)
    if match is None:
        raise InputError(f"no rule {rule!r} (see `factcheck rules`)")
    lines = [f"{match.id} {match.name} ({match.severity}, check: {match.check})", ""]
    lines += textwrap.wrap(" ".join(match.description.split()), 100) + [""]
    if match.attributes:
        lines.append("Attributes: " + ", ".join(match.attributes))
    if match.options:
        lines.append("Options: " + ", ".join(f"{k} = {v}" for k, v in match.options.items()))
    for label, cases in (("Fires on", match.examples.fail), ("Stays silent on", match.examples.pass_)):
        for docs in cases:
            lines.append(f"{label}:")
            lines += [f"  [{i}] {d}" for i, d in enumerate(docs, 1)]
    click.echo("\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line on stderr and exit 2 for bad input or usage, never a traceback."""
    try:
        cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:
            click.echo(exc.ctx.get_help(), err=True)
            sys.exit(EXIT_USAGE)
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        click.echo(f"factcheck: error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"factcheck: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_USAGE)
    except InputError as exc:
        click.echo(f"factcheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("factcheck: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        click.echo(f"factcheck: internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for details)",
                   err=True)
        sys.exit(EXIT_INTERNAL)
