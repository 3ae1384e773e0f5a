"""`diff`: what changed between two assessments."""

from __future__ import annotations

import argparse
import sys

from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    UsageError,
    code_finder,
    input_file,
    library_of,
    read_assessments,
)


def run_diff(arguments: argparse.Namespace) -> int:
    from selfassess.compare.diff import compare
    from selfassess.compare.matching import NotComparable, correspondence

    paths = [input_file(arguments.old), input_file(arguments.new)]
    library = library_of(arguments)
    read = read_assessments(paths, library, arguments.format)
    if read is None:
        print("No comparison: an assessment above cannot be read; fix what is listed first.", file=sys.stderr)
        return EXIT_FINDINGS
    old, new = read
    assert old.code is not None and new.code is not None  # a usable read has its code
    try:
        link = correspondence(
            old.code,
            new.code,
            code_finder(library, paths[0].parent),
            code_finder(library, paths[1].parent),
        )
    except NotComparable as error:
        if not error.reversed:
            raise UsageError(
                f"{old.shown} answers {old.code.id} and {new.shown} answers {new.code.id}: {error}; "
                "diff compares assessments of one code, or of its versions"
            ) from None
        raise UsageError(
            f"{old.shown} answers {old.code.id}, a later version than {new.code.id}, which {new.shown} "
            "answers; give the earlier assessment first"
        ) from None
    changes = compare(old, new, link)
    if arguments.format == "json":
        from selfassess.compare.diff_output import as_json as format_diff
    elif arguments.format == "md":
        from selfassess.compare.diff_output import as_markdown as format_diff
    else:
        from selfassess.compare.diff_output import as_text as format_diff
    sys.stdout.write(format_diff(changes))
    return EXIT_CLEAN
