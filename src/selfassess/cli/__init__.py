"""The command line: parses arguments, wires load → check → output, and sets the exit status.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the command itself was wrong.
Heavy modules are imported inside the command that needs them, so a one-file check starts fast.
Each command is a `run_…` function in the module named for what it does.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from selfassess.cli.arguments import command_line
from selfassess.cli.authoring import run_import, run_migrate, run_new
from selfassess.cli.checking import run_check, run_explain, run_rules, run_schema
from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Terminated,
    UsageError,
)
from selfassess.cli.comparing import run_diff
from selfassess.cli.complaints import run_complaints
from selfassess.cli.publishing import run_render, run_report
from selfassess.cli.serving import run_serve
from selfassess.cli.summarising import run_summary
from selfassess.didyoumean import end_with_hint
from selfassess.text.terminal import AS_GIVEN, VisibleStream

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
    "complaints": run_complaints,
    "summary": run_summary,
    "schema": run_schema,
    "rules": run_rules,
    "explain": run_explain,
}


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Ctrl-C or SIGTERM ends any command at once with one word, 'Stopped.': an
    output being written is removed (files.write_atomically), workers are ended, nothing is
    half-written, and the exit status is the shell's for the signal (130, 143)."""
    stderr = sys.stderr
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # UTF-8 whatever the locale says: under an ASCII locale (LC_ALL=C without Python's UTF-8
            # mode) '…' and a name in Greek would print as '?', and what is saved from the terminal
            # (JSON, YAML printed by `import -o -`) would lose them.
            stream.reconfigure(encoding="utf-8", errors=AS_GIVEN)
    # Standard error carries only messages, some quoting what a file holds: none may steer the terminal.
    sys.stderr = VisibleStream(stderr)
    try:
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:  # not when embedded with its own
            signal.signal(signal.SIGTERM, _terminate)
        return _run(argv)
    except KeyboardInterrupt as stopped:
        print("Stopped.", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(stopped, Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:  # `selfassess check | head` is not a failure
        # Python would complain of the closed pipe once more when it flushes at exit.
        with contextlib.suppress(OSError, ValueError):  # ValueError: stdout is not a real file
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    finally:
        sys.stderr = stderr


def _run(argv: Sequence[str] | None) -> int:
    parser = command_line()
    given = list(sys.argv[1:] if argv is None else argv)
    if given and not given[0].startswith("-") and given[0] not in COMMANDS:
        hint = end_with_hint(given[0], COMMANDS)
        print(f"selfassess: '{given[0]}' is not a command{hint}", file=sys.stderr)
        print("'selfassess --help' lists them.", file=sys.stderr)
        return EXIT_USAGE
    arguments = parser.parse_args(given)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[arguments.command](arguments)
    except UsageError as error:
        print(f"selfassess {arguments.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        raise
    except OSError as error:  # a path on the command line the system refuses: too long, unwritable
        where = f"{error.filename}: " if error.filename else ""
        print(f"selfassess {arguments.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
