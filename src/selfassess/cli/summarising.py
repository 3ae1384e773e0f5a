"""`summary`: every assessment in some folders at once, for auditors and regulators."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    UsageError,
    library_of,
    output_path,
    write_output,
)

#: Where each format goes without -o: a page and a workbook are files to open; JSON is for a pipe.
DEFAULT_OUTPUT = {"html": Path("summary.html"), "xlsx": Path("summary.xlsx")}


def run_summary(arguments: argparse.Namespace) -> int:
    from selfassess.check.runner import CheckOptions
    from selfassess.cli.checking import default_paths
    from selfassess.load.config import ConfigError
    from selfassess.load.discover import discover
    from selfassess.output import text
    from selfassess.output.progress import Progress
    from selfassess.summary.build import summarise
    from selfassess.summary.json import render_summary_json
    from selfassess.summary.pages import render_summary_html
    from selfassess.summary.workbook import render_summary_workbook
    from selfassess.text.terminal import drawing_stream

    discovered = discover([Path(value) for value in arguments.paths] or default_paths(Path(".")))
    if discovered.missing:
        raise UsageError(f"no such file or folder: {', '.join(discovered.missing)}")
    files = discovered.files
    if arguments.format == "xlsx" and arguments.output == "-" and sys.stdout.isatty():
        raise UsageError("a workbook cannot be shown on the screen; give the file to write it to with -o")
    out = None
    if arguments.output is not None or arguments.format in DEFAULT_OUTPUT:
        out = output_path(
            arguments, DEFAULT_OUTPUT.get(arguments.format, Path("summary.json")), [p for p, _ in files]
        )
    options = CheckOptions(today=arguments.today, use_config=not arguments.no_config)
    progress = Progress(drawing_stream(sys.stderr)) if Progress.wanted(sys.stderr, len(files)) else None
    try:
        made = summarise(files, library_of(arguments), options, jobs=arguments.jobs, progress=progress)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    finally:
        if progress is not None:
            progress.finish()
    view = made.view
    if arguments.format == "xlsx":
        content = render_summary_workbook(view)
    elif arguments.format == "json":
        content = render_summary_json(view).encode("utf-8")
    else:
        content = render_summary_html(view).encode("utf-8")
    written = write_output(out, content)
    if made.unreadable:
        # Said where it cannot be missed, as `check` says it, as well as in the summary itself.
        for finding in made.unreadable:
            print(text.format_finding(finding), file=sys.stderr)
        count = len({finding.path for finding in made.unreadable})
        many = "1 file" if count == 1 else f"{count:,} files"
        are = "is" if count == 1 else "are"
        said = f"{many} could not be read and {are} left out of the summary, which lists them."
        print(said, file=sys.stderr)
    if out is not None:
        summarised = "1 assessment" if view.assessments == 1 else f"{view.assessments:,} assessments"
        print(f"Wrote {written}: {summarised} summarised.", file=sys.stderr)
    return EXIT_FINDINGS if made.unreadable else EXIT_CLEAN
