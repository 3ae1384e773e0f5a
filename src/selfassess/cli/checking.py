"""`check`, and what explains it: `rules`, `explain` and `schema`."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    UsageError,
    find_code,
    input_file,
    library_of,
    output_path,
    wants_colour,
    write_output,
)


def run_check(arguments: argparse.Namespace) -> int:
    from selfassess.check.runner import CheckOptions, check_files
    from selfassess.load.config import ConfigError
    from selfassess.load.discover import discover
    from selfassess.output.progress import Progress
    from selfassess.text.terminal import drawing_stream

    discovered = discover([Path(value) for value in arguments.paths] or default_paths(Path(".")))
    if discovered.missing:
        raise UsageError(f"no such file or folder: {', '.join(discovered.missing)}")
    files = discovered.files
    if arguments.format == "xlsx" and arguments.output in (None, "-") and sys.stdout.isatty():
        raise UsageError(
            "a workbook cannot be shown on the screen; give the file to write it to, e.g. -o findings.xlsx"
        )
    out = None
    if arguments.output not in (None, "-"):
        out = output_path(arguments, Path(arguments.output), [path for path, _ in files])
    options = CheckOptions(
        for_publication=arguments.for_publication,
        today=arguments.today,
        select=arguments.select,
        ignore=arguments.ignore,
        use_config=not arguments.no_config,
        log=input_file(arguments.log) if arguments.log else None,
    )
    library = library_of(arguments)
    progress = None
    if Progress.wanted(sys.stderr, len(files)):
        progress = Progress(drawing_stream(sys.stderr))
    try:
        result = check_files(
            files, library, options, jobs=arguments.jobs, progress=progress, unsearched=discovered.unsearched
        )
    except ConfigError as error:
        raise UsageError(str(error)) from None
    finally:
        if progress is not None:
            progress.finish()
    content: str | bytes
    if arguments.format == "json" and out is None:
        from selfassess.output import json

        # Written a finding at a time: the report of a large run is never held whole.
        sys.stdout.writelines(json.pieces(result))
        return EXIT_FINDINGS if result.has_errors else EXIT_CLEAN
    if arguments.format == "text":
        from selfassess.output import text

        content = text.render(result, colour=wants_colour(arguments.colour) and out is None)
    elif arguments.format == "csv":
        from selfassess.output import table

        content = table.render(result)
    elif arguments.format == "xlsx":
        from selfassess.output import workbook

        content = workbook.render(result)
    else:
        content = importlib.import_module(f"selfassess.output.{arguments.format}").render(result)
    if out is None and isinstance(content, str):
        sys.stdout.write(content)
    else:
        written = write_output(out, content.encode("utf-8") if isinstance(content, str) else content)
        if out is not None:
            print(f"Wrote {written}.", file=sys.stderr)
    return EXIT_FINDINGS if result.has_errors else EXIT_CLEAN


def default_paths(here: Path) -> list[Path]:
    """What `check` with no path checks: in a folder laid out as selfassess lays one out (with
    `assessments/` or `codes/`), those folders and the YAML files beside them, so that test fixtures
    and other YAML further down are left alone; anywhere else, the whole folder."""
    kept = [here / name for name in ("assessments", "codes") if (here / name).is_dir()]
    if not kept:
        return [here]
    beside = sorted(
        p
        for p in here.iterdir()
        if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith(".")
    )
    return [*kept, *beside]


def run_schema(arguments: argparse.Namespace) -> int:
    import json

    from selfassess.model.schema import assessment_schema, code_schema

    if arguments.kind == "code":
        if arguments.code:
            raise UsageError("--code applies to 'schema assessment' only")
        schema = code_schema()
    else:
        code = find_code(arguments, arguments.code, Path.cwd()) if arguments.code else None
        schema = assessment_schema(code)
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_CLEAN


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
