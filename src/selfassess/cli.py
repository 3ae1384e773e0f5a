"""The command line: parses arguments, wires load → check → output, and sets the exit status.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the command itself was wrong.
Heavy modules are imported inside the command that needs them, so a one-file check starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from selfassess import __version__

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

CHECK_FORMATS = ("text", "json")


class UsageError(Exception):
    """The command was wrong (a path that does not exist, a bad option value): exit status 2."""


def _date_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-03-31") from None


def _rule_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="selfassess",
        description="Check, and publish, self-assessments against regulators' codes.",
    )
    parser.add_argument("--version", action="version", version=f"selfassess {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check codes and assessments and report findings",
        description="Check codes and assessments. A folder means every *.yaml and *.yml file below it.",
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the current folder)"
    )
    check.add_argument(
        "--codes", action="append", default=[], metavar="DIR", help="look for codes in DIR first (repeatable)"
    )
    check.add_argument("--format", choices=CHECK_FORMATS, default="text", help="how to print findings")
    check.add_argument(
        "--for-publication", action="store_true", help="also run the checks that publishing runs (SA601)"
    )
    check.add_argument(
        "--today",
        type=_date_argument,
        metavar="DATE",
        help="judge overdue actions on DATE, not on assessed_on",
    )
    check.add_argument(
        "--select",
        type=_rule_list,
        metavar="RULES",
        help="run only these rules, e.g. SA1,SA201 (overrides the configuration)",
    )
    check.add_argument(
        "--ignore", type=_rule_list, default=(), metavar="RULES", help="do not run these rules, e.g. SA202"
    )
    check.add_argument(
        "--no-config",
        action="store_true",
        help="ignore selfassess.toml and [tool.selfassess] in pyproject.toml",
    )

    rules = commands.add_parser("rules", help="list every rule: id, default severity, what it finds")
    rules.add_argument(
        "--markdown", action="store_true", help="print the whole catalogue as Markdown (docs/rules.md)"
    )
    explain = commands.add_parser("explain", help="explain one rule, with examples")
    explain.add_argument("rule", metavar="RULE", help="a rule id, such as SA303")
    return parser


def _existing_folders(values: Sequence[str]) -> list[Path]:
    folders = [Path(value) for value in values]
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"--codes {folder}: no such folder")
    return folders


def run_check(arguments: argparse.Namespace) -> int:
    from selfassess.check.runner import CheckOptions, check_files
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.config import ConfigError
    from selfassess.load.discover import discover

    files, missing = discover([Path(value) for value in arguments.paths or ["."]])
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    options = CheckOptions(
        for_publication=arguments.for_publication,
        today=arguments.today,
        select=arguments.select,
        ignore=arguments.ignore,
        use_config=not arguments.no_config,
    )
    library = CodeLibrary(_existing_folders(arguments.codes))
    try:
        result = check_files(files, library, options)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if arguments.format == "json":
        from selfassess.output import json as formatter
    else:
        from selfassess.output import text as formatter  # type: ignore[no-redef]
    sys.stdout.write(formatter.render(result))
    return EXIT_FINDINGS if result.has_errors else EXIT_CLEAN


def run_rules(arguments: argparse.Namespace) -> int:
    from selfassess.check.catalogue import markdown, rule_table

    sys.stdout.write(markdown() if arguments.markdown else rule_table())
    return EXIT_CLEAN


def run_explain(arguments: argparse.Namespace) -> int:
    from selfassess.check.catalogue import explain

    text = explain(arguments.rule)
    if text is None:
        raise UsageError(f"there is no rule '{arguments.rule}'; 'selfassess rules' lists them")
    sys.stdout.write(text)
    return EXIT_CLEAN


COMMANDS = {"check": run_check, "rules": run_rules, "explain": run_explain}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a console that cannot show '—' must not crash a check
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[arguments.command](arguments)
    except UsageError as error:
        print(f"selfassess {arguments.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `selfassess check | head` is not a failure
        return EXIT_CLEAN
