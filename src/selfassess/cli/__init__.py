"""The command line: parses arguments, wires load → check → output, and sets the exit status.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the command itself was wrong.
Heavy modules are imported inside the command that needs them, so a one-file check starts fast.
Each command is a `run_…` function in the module named for what it does.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from selfassess.cli.arguments import command_line
from selfassess.cli.authoring import run_import, run_migrate, run_new
from selfassess.cli.checking import run_check, run_explain, run_rules, run_schema
from selfassess.cli.common import EXIT_CLEAN, EXIT_USAGE, UsageError
from selfassess.cli.comparing import run_diff
from selfassess.cli.publishing import run_render, run_report
from selfassess.cli.serving import run_serve

__all__ = ["main"]

COMMANDS = {
    "new": run_new,
    "migrate": run_migrate,
    "diff": run_diff,
    "import": run_import,
    "check": run_check,
    "render": run_render,
    "report": run_report,
    "serve": run_serve,
    "schema": run_schema,
    "rules": run_rules,
    "explain": run_explain,
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a console that cannot show '—' must not crash a check
    parser = command_line()
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
    except OSError as error:  # a path on the command line the system refuses: too long, unwritable
        where = f"{error.filename}: " if error.filename else ""
        print(f"selfassess {arguments.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
