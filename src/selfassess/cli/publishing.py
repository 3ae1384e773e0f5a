"""`render` (the published form or tracker) and `report` (the board report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    UsageError,
    input_file,
    library_of,
    output_path,
    template_dir,
    write_output,
)

SUFFIX = {"html": ".html", "md": ".md", "docx": ".docx", "pdf": ".pdf"}


def beside(source: Path, name: str) -> Path:
    """Where a published file goes when no -o says: beside its assessment, unless that is inside a
    `codes/` folder (which holds what assessments are checked against, and nothing else), when it
    goes in the current folder."""
    if "codes" in source.resolve().parent.parts:
        return Path(name)
    return source.with_name(name)


def run_render(arguments: argparse.Namespace) -> int:
    from selfassess.load.config import ConfigError
    from selfassess.output import text
    from selfassess.publish.pdf import PdfTooLarge, PdfUnavailable
    from selfassess.publish.render import render

    source = input_file(arguments.assessment)
    out = output_path(arguments, beside(source, source.with_suffix(SUFFIX[arguments.format]).name), [source])
    try:
        rendered = render(
            source,
            arguments.format,
            draft=arguments.draft,
            library=library_of(arguments),
            template_dir=template_dir(arguments),
            shown=source.as_posix(),
            since=arguments.since,
        )
    except (ConfigError, PdfUnavailable) as error:
        raise UsageError(str(error)) from None
    except PdfTooLarge as error:  # the file is the trouble, not the command: as a finding is
        print(f"{source.as_posix()}: {error}", file=sys.stderr)
        return EXIT_FINDINGS
    errors = len(rendered.errors)
    plural = "s" if errors != 1 else ""
    if rendered.content is None:
        for finding in rendered.errors:  # what stops publication; 'selfassess check' lists the rest
            sys.stdout.write(text.format_finding(finding) + "\n")
        if arguments.draft:
            verb = "is" if errors == 1 else "are"
            said = f"Not even a draft can be made until the {errors} error{plural} above {verb} fixed."
        else:
            said = (
                f"Not published: the {errors} error{plural} above must be fixed first "
                "(or render with --draft for a copy marked DRAFT on every page)."
            )
        print(said, file=sys.stderr)
        return EXIT_FINDINGS
    where = write_output(out, rendered.content)
    still = f", with {errors} error{plural} still to fix" if errors else ""
    print(f"Wrote {where}{' (draft)' if arguments.draft else ''}{still}.", file=sys.stderr)
    return EXIT_CLEAN


def run_report(arguments: argparse.Namespace) -> int:
    from selfassess.complaints.measures import Homes
    from selfassess.load.config import ConfigError
    from selfassess.output import text
    from selfassess.publish.pdf import PdfUnavailable
    from selfassess.publish.report.build import NotComparable, report
    from selfassess.publish.report.side_by_side import NotAlongside

    source = input_file(arguments.assessment)
    previous = input_file(arguments.previous) if arguments.previous else None
    alongside = input_file(arguments.alongside) if arguments.alongside else None
    log = input_file(arguments.log) if arguments.log else None
    out = output_path(
        arguments,
        beside(source, f"{source.stem}-board-report{SUFFIX[arguments.format]}"),
        [path for path in (source, previous, alongside) if path is not None],
    )
    try:
        made = report(
            source,
            arguments.format,
            previous=previous,
            library=library_of(arguments),
            template_dir=template_dir(arguments),
            log=log,
            homes=Homes(arguments.homes, arguments.homes_lcra, arguments.homes_lcho),
            force=arguments.compare_anyway,
            alongside=alongside,
        )
    except (ConfigError, NotComparable, NotAlongside, PdfUnavailable) as error:
        raise UsageError(str(error)) from None
    if made.content is None:
        for finding in [*made.findings, *made.previous_findings, *made.alongside_findings]:
            if finding.rule == "SA001":
                sys.stdout.write(text.format_finding(finding) + "\n")
        print("No report: an assessment above cannot be read.", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"Wrote {write_output(out, made.content)}.", file=sys.stderr)
    return EXIT_CLEAN
