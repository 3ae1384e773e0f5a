"""The command line: parses arguments, wires load → check → output, and sets the exit status.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the command itself was wrong.
Heavy modules are imported inside the command that needs them, so a one-file check starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from selfassess.compare.reading import ReadAssessment
    from selfassess.load.codes import CodeLibrary
    from selfassess.model.code import Code

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

CHECK_FORMATS = ("text", "json", "sarif", "github")
RENDER_FORMATS = ("html", "md", "docx", "pdf")
DIFF_FORMATS = ("text", "json", "md")
_SUFFIX = {"html": ".html", "md": ".md", "docx": ".docx", "pdf": ".pdf"}


class UsageError(Exception):
    """The command was wrong (a path that does not exist, a bad option value): exit status 2."""


def _date_argument(text: str) -> date:
    from selfassess.model.written_date import read_written_date

    written = read_written_date(text)
    if written.value is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' {written.problem}; give a date like 2025-03-31 or 31/03/2025"
        )
    return written.value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number above 0")
    return int(text)


def _rule_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _codes_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--codes", action="append", default=[], metavar="DIR", help="look for codes in DIR first (repeatable)"
    )


def _template_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--template-dir", metavar="DIR", help="use the templates in DIR before the built-in ones"
    )


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
    _codes_option(check)
    check.add_argument("--format", choices=CHECK_FORMATS, default="text", help="how to print findings")
    check.add_argument(
        "--colour",
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )
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
    check.add_argument(
        "--jobs", type=_positive, metavar="N", help="processes to check many files with (default: every core)"
    )

    render = commands.add_parser(
        "render",
        help="publish an assessment as HTML, Markdown, Word or PDF",
        description="Publish an assessment. The publication checks run first: with any error it is "
        "not published (use --draft for a copy marked DRAFT on every page).",
    )
    render.add_argument("assessment", metavar="ASSESSMENT", help="the assessment to publish")
    render.add_argument(
        "--format", choices=RENDER_FORMATS, default="html", help="html (default), md, docx or pdf"
    )
    render.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write (default: beside the assessment, with the format's extension); "
        "- for standard output",
    )
    render.add_argument(
        "--draft", action="store_true", help="render even with errors, marking every page DRAFT"
    )
    render.add_argument(
        "--since",
        type=_date_argument,
        metavar="DATE",
        help="for a tracker: the last edition's date; items completed before it are left out",
    )
    _codes_option(render)
    _template_option(render)

    board = commands.add_parser(
        "report",
        help="a report of an assessment for the governing body",
        description="A five-minute read for the governing body: compliance by section, what the checks "
        "found, overdue and upcoming actions, and (with --previous) what changed since last time.",
    )
    board.add_argument("assessment", metavar="ASSESSMENT", help="the assessment to report on")
    board.add_argument("--previous", metavar="OLD", help="last time's assessment, to show what changed")
    board.add_argument("--format", choices=("html", "docx"), default="html", help="html (default) or docx")
    board.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (default: ASSESSMENT-board-report.html)"
    )
    _codes_option(board)
    _template_option(board)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a code or an assessment, for editors",
        description="Print JSON Schema for a code or an assessment. With --code, the assessment schema "
        "knows that code's answers, provision numbers and time limits.",
    )
    schema.add_argument("kind", choices=("code", "assessment"), help="which kind of file")
    schema.add_argument("--code", metavar="ID", help="the code assessments answer, e.g. hos-chc-2024")
    _codes_option(schema)

    rules = commands.add_parser("rules", help="list every rule: id, default severity, what it finds")
    rules.add_argument(
        "--markdown", action="store_true", help="print the whole catalogue as Markdown (docs/rules.md)"
    )
    explain = commands.add_parser("explain", help="explain one rule, with examples")
    explain.add_argument("rule", metavar="RULE", help="a rule id, such as SA303")

    new = commands.add_parser(
        "new",
        help="start an assessment: every provision of a code listed, every answer empty",
        description="Write a ready-to-fill assessment of CODE: each provision's requirement as a comment "
        "above it, its answer left empty. An existing file is never replaced without --force.",
    )
    new.add_argument("code", metavar="CODE", help="the code's id, e.g. hos-chc-2024")
    new.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write ('-': print it)")
    new.add_argument("--organisation", metavar="NAME", help="the organisation the assessment speaks for")
    new.add_argument("--assessed-on", type=_date_argument, metavar="DATE", help="the date it speaks for")
    new.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _codes_option(new)

    migrate = commands.add_parser(
        "migrate",
        help="carry an assessment's answers to a newer version of its code",
        description="Carry every response of ASSESSMENT to CODE, a later version of the code it answers, "
        "through each provision's 'previously'. Nothing is lost: what CODE has no place for is kept as a "
        "comment. An existing file is never replaced without --force.",
    )
    migrate.add_argument("assessment", metavar="ASSESSMENT", help="the assessment to carry forward")
    migrate.add_argument("--to", required=True, metavar="CODE", help="the newer code's id")
    migrate.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write ('-': print it)"
    )
    migrate.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _codes_option(migrate)

    diff = commands.add_parser(
        "diff",
        help="what changed between two assessments, such as last year's and this year's",
        description="Say what changed from OLD to NEW: answers, gaps, evidence, actions, approval and "
        "period. NEW may answer a later version of OLD's code. Exit status 0 whether or not anything "
        "changed; 1 when a file cannot be read.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier assessment")
    diff.add_argument("new", metavar="NEW", help="the later assessment")
    diff.add_argument("--format", choices=DIFF_FORMATS, default="text", help="text (default), json or md")
    _codes_option(diff)
    imported = commands.add_parser(
        "import",
        help="bring in a self-assessment or tracker kept as a Word or Excel table (or CSV)",
        description="Read the tables of FILE (.docx, .xlsx, .csv or .tsv) into an assessment of CODE, "
        "then check it. Rows that cannot be placed are kept, commented, at the end of OUT.",
    )
    imported.add_argument("file", metavar="FILE", help="the .docx, .xlsx, .csv or .tsv file to read")
    imported.add_argument(
        "--code", required=True, metavar="CODE", help="the code it answers, e.g. hos-chc-2024"
    )
    imported.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write ('-': print it)"
    )
    imported.add_argument("--organisation", metavar="NAME", help="the organisation the assessment speaks for")
    imported.add_argument("--assessed-on", type=_date_argument, metavar="DATE", help="the date it speaks for")
    imported.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _codes_option(imported)
    return parser


def _existing_folders(values: Sequence[str]) -> list[Path]:
    folders = [Path(value) for value in values]
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"--codes {folder}: no such folder")
    return folders


def _wants_colour(choice: str) -> bool:
    """Colour on a terminal only, never when NO_COLOR is set (no-color.org), unless asked for."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or not sys.stdout.isatty():
        return False
    return os.name != "nt" or "WT_SESSION" in os.environ  # the Windows console of old has no ANSI


def run_check(arguments: argparse.Namespace) -> int:
    from selfassess.check.runner import CheckOptions, check_files
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.config import ConfigError
    from selfassess.load.discover import discover
    from selfassess.output.progress import Progress

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
    progress = None
    if Progress.wanted(sys.stderr, len(files)):
        progress = Progress(sys.stderr)
    try:
        result = check_files(files, library, options, jobs=arguments.jobs, progress=progress)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    finally:
        if progress is not None:
            progress.finish()
    if arguments.format == "text":
        from selfassess.output import text

        sys.stdout.write(text.render(result, colour=_wants_colour(arguments.colour)))
    else:
        sys.stdout.write(importlib.import_module(f"selfassess.output.{arguments.format}").render(result))
    return EXIT_FINDINGS if result.has_errors else EXIT_CLEAN


def run_render(arguments: argparse.Namespace) -> int:
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.config import ConfigError
    from selfassess.output import text
    from selfassess.publish.pdf import PdfUnavailable
    from selfassess.publish.render import render

    source = Path(arguments.assessment)
    if not source.is_file():
        raise UsageError(f"no such file: {source}")
    out = _output_path(arguments, source.with_suffix(_SUFFIX[arguments.format]), [source])
    try:
        rendered = render(
            source,
            arguments.format,
            draft=arguments.draft,
            library=CodeLibrary(_existing_folders(arguments.codes)),
            template_dir=_template_dir(arguments),
            shown=source.as_posix(),
            since=arguments.since,
        )
    except (ConfigError, PdfUnavailable) as error:
        raise UsageError(str(error)) from None
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
    where = _write(out, rendered.content)
    still = f", with {errors} error{plural} still to fix" if errors else ""
    print(f"Wrote {where}{' (draft)' if arguments.draft else ''}{still}.", file=sys.stderr)
    return EXIT_CLEAN


def _output_path(arguments: argparse.Namespace, default: Path, inputs: list[Path]) -> Path | None:
    """Where to write (None: standard output), refusing to write over a file being read."""
    from selfassess.files import OverwritesInput, refuse_to_overwrite

    if arguments.output == "-":
        return None
    out = default if arguments.output is None else Path(arguments.output)
    try:
        refuse_to_overwrite(out, inputs)
    except OverwritesInput as error:
        raise UsageError(str(error)) from None
    return out


def _write(out: Path | None, content: bytes) -> str:
    from selfassess.files import write_atomically

    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        return "standard output"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, content)
    return out.as_posix()


def _template_dir(arguments: argparse.Namespace) -> Path | None:
    if not arguments.template_dir:
        return None
    folder = Path(arguments.template_dir)
    if not folder.is_dir():
        raise UsageError(f"--template-dir {folder}: no such folder")
    return folder


def run_report(arguments: argparse.Namespace) -> int:
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.config import ConfigError
    from selfassess.output import text
    from selfassess.publish.report import report

    source = Path(arguments.assessment)
    previous = Path(arguments.previous) if arguments.previous else None
    for given in (source, previous):
        if given is not None and not given.is_file():
            raise UsageError(f"no such file: {given}")
    suffix = ".docx" if arguments.format == "docx" else ".html"
    out = _output_path(
        arguments,
        source.with_name(f"{source.stem}-board-report{suffix}"),
        [source, *[previous] * bool(previous)],
    )
    try:
        made = report(
            source,
            arguments.format,
            previous=previous,
            library=CodeLibrary(_existing_folders(arguments.codes)),
            template_dir=_template_dir(arguments),
        )
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if made.content is None:
        for finding in [*made.findings, *made.previous_findings]:
            if finding.rule == "SA001":
                sys.stdout.write(text.format_finding(finding) + "\n")
        print("No report: an assessment above cannot be read.", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"Wrote {_write(out, made.content)}.", file=sys.stderr)
    return EXIT_CLEAN


def _code(arguments: argparse.Namespace, code_id: str, near: Path) -> Code:
    """The code `code_id` as a file in folder `near` would find it, or a usage error naming those known."""
    from selfassess.load.codes import CodeLibrary

    library = CodeLibrary(_existing_folders(arguments.codes))
    found = library.find(code_id, near)
    if found is None or found.code is None:
        known = ", ".join(library.ids(near))
        unreadable = " cannot be read ('selfassess check' says why)" if found is not None else ""
        raise UsageError(f"no readable code '{code_id}'{unreadable} (known: {known})")
    return found.code


def run_schema(arguments: argparse.Namespace) -> int:
    import json

    from selfassess.model.schema import assessment_schema, code_schema

    if arguments.kind == "code":
        if arguments.code:
            raise UsageError("--code applies to 'schema assessment' only")
        schema = code_schema()
    else:
        code = _code(arguments, arguments.code, Path.cwd()) if arguments.code else None
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


def run_new(arguments: argparse.Namespace) -> int:
    from selfassess.author.new import new_assessment
    from selfassess.author.yaml_text import schema_advice, schema_line

    out = None if arguments.output == "-" else Path(arguments.output)
    if out is not None and out.exists() and not arguments.force:
        raise UsageError(f"{out} already exists; choose another name, or add --force to replace it")
    near = Path.cwd() if out is None else (out.parent if str(out.parent) else Path("."))
    code = _code(arguments, arguments.code, near)
    schema = None if out is None else schema_line(out, code.id)
    made = new_assessment(
        code, organisation=arguments.organisation, assessed_on=arguments.assessed_on, schema=schema
    )
    where = _write(out, made.encode("utf-8"))
    print(f"Wrote {where}: {len(code.provisions)} provisions to answer.", file=sys.stderr)
    if out is not None and schema is None:
        print(schema_advice(code.id), file=sys.stderr)
    return EXIT_CLEAN


def _find_codes(library: CodeLibrary, near: Path) -> Callable[[str], Code | None]:
    def find(code_id: str) -> Code | None:
        found = library.find(code_id, near)
        return found.code if found is not None else None

    return find


def _read_assessments(paths: list[Path], library: CodeLibrary) -> list[ReadAssessment] | None:
    """Each file read whole, or None once any cannot be, its SA001 findings printed as `check` does."""
    from selfassess.compare.reading import read_assessment
    from selfassess.load.config import ConfigError
    from selfassess.output import text

    try:
        read = [read_assessment(path, library, path.as_posix()) for path in paths]
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for each in read:
        if each.kind == "code":
            raise UsageError(f"{each.shown} is a code, not an assessment")
    if all(each.usable for each in read):
        return read
    for each in read:
        for finding in each.unreadable:
            sys.stdout.write(text.format_finding(finding) + "\n")
    return None


def run_migrate(arguments: argparse.Namespace) -> int:
    from selfassess.author.migrate import listed, migrate, quoted
    from selfassess.author.yaml_text import schema_advice, schema_line
    from selfassess.compare.correspondence import NotSuperseding, chain_to, through
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.documents import read_bounded
    from selfassess.load.yaml_source import DEFAULT_LIMITS, load_yaml_bytes

    source = Path(arguments.assessment)
    if not source.is_file():
        raise UsageError(f"no such file: {source}")
    out = _output_path(arguments, source, [source])
    if out is not None and out.exists() and not arguments.force:
        raise UsageError(f"{out} already exists; choose another name, or add --force to replace it")
    library = CodeLibrary(_existing_folders(arguments.codes))
    read = _read_assessments([source], library)
    if read is None:
        print(
            f"Not migrated: {source.as_posix()} cannot be read; fix what is listed above first.",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    old = read[0].code
    assert old is not None  # a usable read has its code
    new = _code(arguments, arguments.to, source.parent)
    if new.id == old.id:
        raise UsageError(f"{source.as_posix()} already answers {new.id}; there is nothing to carry")
    try:
        chain = chain_to(new, old.id, _find_codes(library, source.parent))
    except NotSuperseding as error:
        raise UsageError(
            f"cannot carry {source.as_posix()} (an assessment of {old.id}) to {new.id}: {error}; "
            "migrate carries an assessment only to a later version of its own code"
        ) from None
    data = load_yaml_bytes(read_bounded(source, DEFAULT_LIMITS.max_bytes)).data
    schema = None if out is None else schema_line(out, new.id)
    made = migrate(data, old, new, through([*chain[:-1], old]), source.name, schema)
    where = _write(out, made.text.encode("utf-8"))
    print(f"Wrote {where}.", file=sys.stderr)
    for disagreement in made.disagreements:
        olds = listed([number for number, _ in disagreement.answers])
        given = listed([quoted(answer) for _, answer in disagreement.answers])
        print(
            f"Provision {disagreement.provision} is made from {olds}, which were answered "
            f"differently last time ({given}); its answer is left empty for you to choose.",
            file=sys.stderr,
        )
    print(made.summary(), file=sys.stderr)
    if out is not None and schema is None:
        print(schema_advice(new.id), file=sys.stderr)
    return EXIT_CLEAN


def run_diff(arguments: argparse.Namespace) -> int:
    from selfassess.compare.correspondence import NotSuperseding, chain_to, identity, through
    from selfassess.compare.diff import compare
    from selfassess.load.codes import CodeLibrary

    paths = [Path(arguments.old), Path(arguments.new)]
    for given in paths:
        if not given.is_file():
            raise UsageError(f"no such file: {given}")
    library = CodeLibrary(_existing_folders(arguments.codes))
    read = _read_assessments(paths, library)
    if read is None:
        print("No comparison: an assessment above cannot be read; fix what is listed first.", file=sys.stderr)
        return EXIT_FINDINGS
    old, new = read
    assert old.code is not None and new.code is not None  # a usable read has its code
    if old.code.id == new.code.id:
        link = identity(new.code)
    else:
        try:
            link = through(chain_to(new.code, old.code.id, _find_codes(library, paths[1].parent)))
        except NotSuperseding as error:
            try:
                chain_to(old.code, new.code.id, _find_codes(library, paths[0].parent))
            except NotSuperseding:
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


def run_import(arguments: argparse.Namespace) -> int:
    import tempfile

    from selfassess.author.yaml_text import schema_advice, schema_line
    from selfassess.check.runner import CheckOptions, check_files
    from selfassess.importing import SUPPORTED, ImportFailed
    from selfassess.importing.document import import_file
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.config import ConfigError
    from selfassess.output import text

    source = Path(arguments.file)
    if not source.is_file():
        raise UsageError(f"no such file: {source}")
    if source.suffix.lower() not in SUPPORTED:
        raise UsageError(
            f"{source.name}: selfassess imports {', '.join(SUPPORTED)} files; save it as one of those first"
        )
    out = _output_path(arguments, Path(arguments.output), [source])
    if out is not None and out.exists() and not arguments.force:
        raise UsageError(f"{out} already exists; choose another name, or add --force to replace it")
    near = Path.cwd() if out is None else (out.parent if str(out.parent) else Path("."))
    code = _code(arguments, arguments.code, near)
    schema = None if out is None else schema_line(out, code.id)
    try:
        made = import_file(
            source,
            code,
            organisation=arguments.organisation,
            assessed_on=arguments.assessed_on,
            schema=schema,
        )
    except ImportFailed as error:
        print(error, file=sys.stderr)
        return EXIT_FINDINGS
    for note in made.notes:
        print(note, file=sys.stderr)
    content = made.text.encode("utf-8")
    where = _write(out, content)
    said = f"Wrote {where}: {made.answered} of {len(code.provisions)} provisions answered"
    if made.unplaced:
        said += f"; {made.unplaced} row{'s' if made.unplaced != 1 else ''} kept at the end for you to place"
    print(f"{said}.", file=sys.stderr)
    if out is not None and schema is None:
        print(schema_advice(code.id), file=sys.stderr)
    # The check `selfassess check OUT` would run, so gaps and unknown answers show at once. Printed
    # YAML is checked as a file beside the code it was made with, its findings sent to stderr.
    library = CodeLibrary(_existing_folders(arguments.codes))
    try:
        if out is not None:
            result = check_files([(out, out.as_posix())], library, CheckOptions())
        else:
            found = library.find(code.id, near)
            folders = [*_existing_folders(arguments.codes), *([found.path.parent] if found else [])]
            with tempfile.TemporaryDirectory() as folder:
                written = Path(folder) / f"{code.id}.import.yaml"
                written.write_bytes(content)
                result = check_files([(written, "standard output")], CodeLibrary(folders), CheckOptions())
    except ConfigError as error:
        raise UsageError(str(error)) from None
    (sys.stdout if out is not None else sys.stderr).write(text.render(result))
    if not (arguments.organisation and arguments.assessed_on):
        print(
            "Fill in organisation and assessed_on (or give --organisation and --assessed-on): "
            "until then the check cannot look at the answers.",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if made.unplaced or result.has_errors else EXIT_CLEAN


COMMANDS = {
    "new": run_new,
    "migrate": run_migrate,
    "diff": run_diff,
    "import": run_import,
    "check": run_check,
    "render": run_render,
    "report": run_report,
    "schema": run_schema,
    "rules": run_rules,
    "explain": run_explain,
}


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
    except OSError as error:  # a path on the command line the system refuses: too long, unwritable
        where = f"{error.filename}: " if error.filename else ""
        print(f"selfassess {arguments.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
