"""What every command shares: exit statuses, usage errors, finding a code, writing output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfassess.compare.reading import ReadAssessment
    from selfassess.load.codes import CodeLibrary
    from selfassess.model.code import Code


EXIT_CLEAN = 0


EXIT_FINDINGS = 1


EXIT_USAGE = 2


#: The exit status after Ctrl-C or SIGTERM, as a shell reports a program those signals stopped.
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: stop as for Ctrl-C (files being written are removed), with status 143."""


class UsageError(Exception):
    """The command was wrong (a path that does not exist, a bad option value): exit status 2."""


def existing_folders(values: Sequence[str]) -> list[Path]:
    folders = [Path(value) for value in values]
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"--codes {folder}: no such folder")
    return folders


def library_of(arguments: argparse.Namespace) -> CodeLibrary:
    """The codes this command can see: its --codes folders first, then formats.md's search."""
    from selfassess.load.codes import CodeLibrary

    return CodeLibrary(existing_folders(arguments.codes))


def wants_colour(choice: str) -> bool:
    """Colour on a terminal only, never when NO_COLOR is set (no-color.org), unless asked for."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or not sys.stdout.isatty():
        return False
    return os.name != "nt" or "WT_SESSION" in os.environ  # the Windows console of old has no ANSI


def input_file(given: str) -> Path:
    """A file named on the command line to read: it must exist and be an ordinary file (a folder, a
    device or a pipe is refused before anything is read from it)."""
    path = Path(given)
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give the file of one assessment in it")
    if not path.is_file():
        raise UsageError(f"{path} is not a file that can be read (it may be a device or a pipe)")
    return path


def output_path(arguments: argparse.Namespace, default: Path, inputs: list[Path]) -> Path | None:
    """Where to write (None: standard output), refusing to write over a file being read, and, for a
    command with --force (one that writes a file people fill in), over any existing file without it."""
    from selfassess.files import NotAFileToWrite, OverwritesInput, refuse_to_overwrite, refuse_unwritable

    if arguments.output == "-":
        return None
    out = default if arguments.output is None else Path(arguments.output)
    if out.is_dir():
        such = f", such as {out / default.name}" if default != out else ""
        raise UsageError(f"{out} is a folder; give the name of a file to write{such}")
    try:
        refuse_to_overwrite(out, inputs)
        refuse_unwritable(out)
    except (OverwritesInput, NotAFileToWrite) as error:
        raise UsageError(str(error)) from None
    if getattr(arguments, "force", True) is False and out.is_file():  # not a terminal or a pipe
        raise UsageError(f"{out} already exists; choose another name, or add --force to replace it")
    return out


def write_output(out: Path | None, content: bytes) -> str:
    from selfassess.files import write_atomically

    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        return "standard output"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, content)
    return out.as_posix()


def template_dir(arguments: argparse.Namespace) -> Path | None:
    if not arguments.template_dir:
        return None
    folder = Path(arguments.template_dir)
    if not folder.is_dir():
        raise UsageError(f"--template-dir {folder}: no such folder")
    return folder


def find_code(arguments: argparse.Namespace, code_id: str, near: Path) -> Code:
    """The code `code_id` as a file in folder `near` would find it, or a usage error naming those known."""
    library = library_of(arguments)
    found = library.find(code_id, near)
    if found is None or found.code is None:
        known = ", ".join(library.ids(near))
        unreadable = " cannot be read ('selfassess check' says why)" if found is not None else ""
        raise UsageError(f"no readable code '{code_id}'{unreadable} (known: {known})")
    return found.code


def code_finder(library: CodeLibrary, near: Path) -> Callable[[str], Code | None]:
    def find(code_id: str) -> Code | None:
        found = library.find(code_id, near)
        return found.code if found is not None else None

    return find


def read_assessments(
    paths: list[Path], library: CodeLibrary, findings_format: str = "text"
) -> list[ReadAssessment] | None:
    """Each file read whole, or None once any cannot be, its SA001 findings printed as `check` prints
    them in `findings_format` (text, or json: one JSON object, so a tool reading it never meets a
    line of text)."""
    from selfassess.check.findings import CheckResult, in_order
    from selfassess.compare.reading import read_assessment
    from selfassess.load.config import ConfigError
    from selfassess.output import json, text

    try:
        read = [read_assessment(path, library, path.as_posix()) for path in paths]
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for each in read:
        if each.kind == "code":
            raise UsageError(f"{each.shown} is a code, not an assessment")
    if all(each.usable for each in read):
        return read
    if findings_format == "json":
        found = in_order(finding for each in read for finding in each.unreadable)
        sys.stdout.write(json.render(CheckResult([each.shown for each in read], found)))
        return None
    for each in read:
        for finding in each.unreadable:
            sys.stdout.write(text.format_finding(finding) + "\n")
    return None
