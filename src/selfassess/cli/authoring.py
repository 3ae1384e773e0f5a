"""Commands that write an assessment for people to fill in: `new`, `import` and `migrate`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfassess.author.new import Seed
    from selfassess.model.code import Code

from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    UsageError,
    code_finder,
    find_code,
    input_file,
    library_of,
    output_path,
    read_assessments,
    write_output,
)


def run_new(arguments: argparse.Namespace) -> int:
    from selfassess.author.new import new_assessment
    from selfassess.author.yaml_text import schema_advice, schema_line
    from selfassess.load.reading import by_section

    out = output_path(arguments, Path(arguments.output), [])
    near = Path.cwd() if out is None else (out.parent if str(out.parent) else Path("."))
    code = find_code(arguments, arguments.code, near)
    own_form = code.answered_per
    seed = None
    if arguments.seed:
        seed = _seed(arguments, input_file(arguments.seed), near, code)
        if arguments.per == "section":
            raise UsageError("--from carries answers a provision at a time; leave out --per section")
        code = code.with_sections(code.sections, "provision")
    elif (arguments.per or code.answered_per) == "section":
        code = by_section(code)
    elif arguments.per == "provision":
        code = code.with_sections(code.sections, "provision")
    schema = None if out is None else schema_line(out, code.id)
    made = new_assessment(
        code,
        organisation=arguments.organisation,
        assessed_on=arguments.assessed_on,
        schema=schema,
        seed=seed,
        own_form=own_form,
    )
    where = write_output(out, made.encode("utf-8"))
    units = "sections" if code.answered_per == "section" else "provisions"
    carried = made.count("# Carried from ")
    said = f"; {carried} answers carried from {arguments.seed}" if seed is not None else ""
    print(f"Wrote {where}: {len(code.provisions)} {units} to answer{said}.", file=sys.stderr)
    advice = schema_advice(out, code.id) if out is not None and schema is None else None
    if advice:
        print(advice, file=sys.stderr)
    return EXIT_CLEAN


def _seed(arguments: argparse.Namespace, source: Path, near: Path, code: Code) -> Seed:
    """The assessment `--from` names, read whole, as the new file will refer to it."""
    from selfassess.author.new import Seed

    read = read_assessments([source], library_of(arguments))
    if read is None:
        raise UsageError(f"{source.as_posix()} cannot be read; fix what is listed above first")
    assessment, other = read[0].assessment, read[0].code
    assert assessment is not None and other is not None  # a usable read has both
    if not any(link.code == other.id for p in code.provisions.values() for link in p.corresponds):
        raise UsageError(
            f"{code.id} names no provision of {other.id} as its counterpart, so nothing can be carried from "
            f"{source.as_posix()}"
        )
    try:
        relative = Path(os.path.relpath(source.resolve(), near.resolve())).as_posix()
    except ValueError:  # another drive, on Windows
        relative = source.as_posix()
    return Seed(assessment, other, relative)


def run_import(arguments: argparse.Namespace) -> int:
    from selfassess.author.yaml_text import schema_advice, schema_line
    from selfassess.importing import SUPPORTED, ImportFailed
    from selfassess.importing.document import check_imported, import_file
    from selfassess.load.config import ConfigError
    from selfassess.load.reading import by_section
    from selfassess.output import text

    source = input_file(arguments.file)
    if source.suffix.lower() not in SUPPORTED:
        raise UsageError(
            f"{source.name}: selfassess imports {', '.join(SUPPORTED)} files; save it as one of those first"
        )
    out = output_path(arguments, Path(arguments.output), [source])
    near = Path.cwd() if out is None else (out.parent if str(out.parent) else Path("."))
    code = find_code(arguments, arguments.code, near)
    if code.answered_per == "section":
        code = by_section(code)  # a form answered a section at a time, as the code's own is
    unlinked = arguments.unlinked
    if unlinked is not None:
        unlinked = next((n for n in code.provisions if n.casefold() == unlinked.casefold()), None)
        if unlinked is None:
            raise UsageError(
                f"--unlinked {arguments.unlinked}: {code.id} has no provision numbered {arguments.unlinked}"
            )
    schema = None if out is None else schema_line(out, code.id)
    try:
        made = import_file(
            source,
            code,
            organisation=arguments.organisation,
            assessed_on=arguments.assessed_on,
            schema=schema,
            unlinked=unlinked,
        )
    except ImportFailed as error:
        print(error, file=sys.stderr)
        return EXIT_FINDINGS
    for note in made.notes:
        print(note, file=sys.stderr)
    where = write_output(out, made.text.encode("utf-8"))
    print(made.summary(where, len(code.provisions)), file=sys.stderr)
    advice = schema_advice(out, code.id) if out is not None and schema is None else None
    if advice:
        print(advice, file=sys.stderr)
    # The check `selfassess check OUT` would run, so gaps and unknown answers show at once; printed
    # YAML is checked as if saved here, its findings sent to stderr, under the configuration of the
    # form's own folder: where the current folder is a temporary one, a configuration above it is
    # nobody's (one there once hid every error).
    written = out if out is not None else near / f"{code.id}.import.yaml"
    try:
        result = check_imported(
            made.text,
            written,
            out.as_posix() if out else "standard output",
            library_of(arguments),
            settings_from=written if out is not None else source,
        )
    except ConfigError as error:
        raise UsageError(str(error)) from None
    (sys.stdout if out is not None else sys.stderr).write(text.render(result))
    if not made.dated:
        print(
            "Fill in organisation and assessed_on (or give --organisation and --assessed-on): "
            "until then the check cannot look at the answers.",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if made.unplaced or result.has_errors else EXIT_CLEAN


def run_migrate(arguments: argparse.Namespace) -> int:
    from selfassess.author.migrate import listed, migrate, quoted
    from selfassess.author.yaml_text import schema_advice, schema_line
    from selfassess.files import read_bounded
    from selfassess.load.yaml_source import DEFAULT_LIMITS, load_yaml_bytes
    from selfassess.model.versions import NotSuperseding, chain_to, through

    source = input_file(arguments.assessment)
    out = output_path(arguments, source, [source])
    library = library_of(arguments)
    read = read_assessments([source], library)
    if read is None:
        print(
            f"Not migrated: {source.as_posix()} cannot be read; fix what is listed above first.",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    old = read[0].code
    assert old is not None  # a usable read has its code
    new = find_code(arguments, arguments.to, source.parent)
    if new.id == old.id:
        raise UsageError(f"{source.as_posix()} already answers {new.id}; there is nothing to carry")
    try:
        chain = chain_to(new, old.id, code_finder(library, source.parent))
    except NotSuperseding as error:
        raise UsageError(
            f"cannot carry {source.as_posix()} (an assessment of {old.id}) to {new.id}: {error}; "
            "migrate carries an assessment only to a later version of its own code"
        ) from None
    data = load_yaml_bytes(read_bounded(source, DEFAULT_LIMITS.max_bytes)).data
    schema = None if out is None else schema_line(out, new.id)
    made = migrate(data, old, new, through([*chain[:-1], old]), source.name, schema)
    where = write_output(out, made.text.encode("utf-8"))
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
    advice = schema_advice(out, new.id) if out is not None and schema is None else None
    if advice:
        print(advice, file=sys.stderr)
    return EXIT_CLEAN
