"""The command line's options: one parser, one sub-command each."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from selfassess import __version__

CHECK_FORMATS = ("text", "json", "sarif", "github")
#: Findings as a spreadsheet, for `check` only: one row a finding.
TABLE_FORMATS = ("csv", "xlsx")

SUMMARY_FORMATS = ("html", "xlsx", "json")


RENDER_FORMATS = ("html", "md", "docx", "pdf")


DIFF_FORMATS = ("text", "json", "md")


def _date_argument(text: str) -> date:
    from selfassess.timelimits.written_date import read_written_date

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


def _output_option(command: argparse.ArgumentParser) -> None:
    """-o and --force for a command that writes a file people fill in: never over one without --force."""
    command.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write ('-': print it)"
    )
    command.add_argument("--force", action="store_true", help="replace OUT if it exists")


def _about_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--organisation", metavar="NAME", help="the organisation the assessment speaks for")
    command.add_argument("--assessed-on", type=_date_argument, metavar="DATE", help="the date it speaks for")


def _template_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--template-dir", metavar="DIR", help="use the templates in DIR before the built-in ones"
    )


def _new_command(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help="start an assessment: every provision of a code listed, every answer empty",
        description="Write a ready-to-fill assessment of CODE: each provision's requirement as a comment "
        "above it, its answer left empty. An existing file is never replaced without --force.",
    )
    new.add_argument("code", metavar="CODE", help="the code's id, e.g. hos-chc-2024")
    _output_option(new)
    _about_options(new)
    new.add_argument(
        "--from",
        dest="seed",
        metavar="ASSESSMENT",
        help="start from your assessment against a code this one corresponds to: the answers to the "
        "same requirements are carried, marked as carried, and the others shown as suggestions",
    )
    new.add_argument(
        "--per",
        choices=("provision", "section"),
        help="answer a provision at a time, or a section at a time (default: as the code's own form)",
    )
    _codes_option(new)


def _import_command(commands: Any) -> None:
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
        "--unlinked",
        metavar="NUMBER",
        help="in an action plan, the provision to put actions under when their link names none of the "
        "code's, such as 'other' (without it they are kept at the end for you to place)",
    )
    _output_option(imported)
    _about_options(imported)
    _codes_option(imported)


def _check_command(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="check codes and assessments and report findings",
        description="Check codes and assessments. A folder means every *.yaml and *.yml file below it.",
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the current folder)"
    )
    _codes_option(check)
    check.add_argument(
        "--format",
        choices=(*CHECK_FORMATS, *TABLE_FORMATS),
        default="text",
        help="how to give the findings: text (default), json, sarif, github, or a spreadsheet with one row "
        "a finding: csv or xlsx (xlsx needs -o)",
    )
    check.add_argument(
        "-o", "--output", metavar="OUT", help="write the findings to OUT instead of printing them"
    )
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
    _log_option(check)


def _log_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--log",
        metavar="LOG",
        help="the complaints log (.csv or .xlsx) to check the answers against, instead of complaints_log:",
    )


def _homes_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--homes", type=_positive, metavar="N", help="homes owned, for CH01 per 1,000 homes")
    command.add_argument("--homes-lcra", type=_positive, metavar="N", help="low-cost rental homes (LCRA)")
    command.add_argument(
        "--homes-lcho", type=_positive, metavar="N", help="low-cost home ownership homes (LCHO)"
    )


def _complaints_command(commands: Any) -> None:
    log = commands.add_parser(
        "complaints",
        help="judge a complaints log in working days: CH01, CH02 and the late cases",
        description="Read a complaints log exported from a case management system (.csv or .xlsx), judge "
        "every case in working days against the code's time limits, and report the Regulator's CH01 and "
        "CH02 for a year, per stage, month and quarter, with the late cases. Rows that cannot be judged are "
        "findings, as in 'check'. Exit status 1 when one is an error.",
    )
    log.add_argument("log", metavar="LOG", help="the complaints log, .csv or .xlsx")
    log.add_argument("--code", default="hos-chc-2024", metavar="CODE", help="the code whose limits apply")
    log.add_argument("--from", dest="first", type=_date_argument, metavar="DATE", help="the year's first day")
    log.add_argument("--to", dest="last", type=_date_argument, metavar="DATE", help="the year's last day")
    _homes_options(log)
    log.add_argument(
        "--today",
        type=_date_argument,
        metavar="DATE",
        help="count what is still open on DATE (default: today)",
    )
    log.add_argument(
        "--format",
        choices=(*CHECK_FORMATS, "xlsx"),
        default="text",
        help="text (default), json, sarif, github or xlsx",
    )
    log.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (default: print; for xlsx LOG-measures.xlsx)"
    )
    log.add_argument(
        "--colour", "--color", choices=("auto", "always", "never"), default="auto", help="colour text output"
    )
    log.add_argument("--select", type=_rule_list, metavar="RULES", help="run only these rules")
    log.add_argument("--ignore", type=_rule_list, default=(), metavar="RULES", help="do not run these rules")
    log.add_argument("--no-config", action="store_true", help="ignore selfassess.toml")
    _codes_option(log)


def _render_command(commands: Any) -> None:
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


def _report_command(commands: Any) -> None:
    board = commands.add_parser(
        "report",
        help="a report of an assessment for the governing body",
        description="A five-minute read for the governing body: compliance by section, what the checks "
        "found, overdue and upcoming actions, (with --previous) what changed since last time, and "
        "(with --alongside) the answers to a corresponding code, pair by pair.",
    )
    board.add_argument("assessment", metavar="ASSESSMENT", help="the assessment to report on")
    board.add_argument("--previous", metavar="OLD", help="last time's assessment, to show what changed")
    board.add_argument(
        "--alongside",
        metavar="OTHER",
        help="the organisation's assessment against a code this one corresponds to (a council's "
        "Housing Code assessment beside its LGSCO one), to show both codes' answers side by side",
    )
    board.add_argument(
        "--force",
        dest="compare_anyway",  # not `force`: that would make -o refuse to replace last week's report
        action="store_true",
        help="compare with OLD, or set OTHER beside it, even though it is another organisation's, or "
        "answers another code",
    )
    board.add_argument(
        "--format", choices=("html", "docx", "pdf"), default="html", help="html (default), docx or pdf"
    )
    _log_option(board)
    _homes_options(board)
    board.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (default: ASSESSMENT-board-report.html)"
    )
    _codes_option(board)
    _template_option(board)


def _migrate_command(commands: Any) -> None:
    migrate = commands.add_parser(
        "migrate",
        help="carry an assessment's answers to a newer version of its code",
        description="Carry every response of ASSESSMENT to CODE, a later version of the code it answers, "
        "through each provision's 'previously'. Nothing is lost: what CODE has no place for is kept as a "
        "comment. An existing file is never replaced without --force.",
    )
    migrate.add_argument("assessment", metavar="ASSESSMENT", help="the assessment to carry forward")
    migrate.add_argument("--to", required=True, metavar="CODE", help="the newer code's id")
    _output_option(migrate)
    _codes_option(migrate)


def _diff_command(commands: Any) -> None:
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


def _summary_command(commands: Any) -> None:
    summary = commands.add_parser(
        "summary",
        help="every assessment in a folder at once, for auditors and regulators",
        description="Check every assessment found (as 'check' finds them) and summarise them: for each "
        "provision the share met, partly met, not met and unanswered; the findings seen most often; each "
        "assessment's errors and warnings; and, for an organisation assessed more than once, what changed. "
        "A file that cannot be read is listed with its finding, and the rest still summarised; exit "
        "status 1 then.",
    )
    summary.add_argument(
        "paths", nargs="*", metavar="PATH", help="folders or files (default: as 'check' with none)"
    )
    summary.add_argument(
        "--format",
        choices=SUMMARY_FORMATS,
        default="html",
        help="html (default, a page with charts), xlsx (a workbook, a sheet per view) or json",
    )
    summary.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write (default: summary.html or summary.xlsx here; JSON is printed); - to print",
    )
    summary.add_argument("--today", type=_date_argument, metavar="DATE", help="judge overdue actions on DATE")
    summary.add_argument("--no-config", action="store_true", help="ignore selfassess.toml")
    summary.add_argument(
        "--jobs", type=_positive, metavar="N", help="processes to check many files with (default: every core)"
    )
    _codes_option(summary)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1 to 65535)")
    return int(text)


def _serve_command(commands: Any) -> None:
    serve = commands.add_parser(
        "serve",
        help="fill in, check and publish assessments in your browser",
        description="Start the workspace on FOLDER: a page in your browser listing its assessments and "
        "trackers, where each is filled in with its findings shown as you type, saved, and published. "
        "It listens on this computer only (127.0.0.1) and prints an address carrying a token; "
        "Ctrl-C stops it.",
    )
    serve.add_argument(
        "folder", nargs="?", default=".", metavar="FOLDER", help="the folder (default: this one)"
    )
    serve.add_argument(
        "--port", type=_port, metavar="N", help="the port to listen on (default: 8765, or any free one)"
    )
    serve.add_argument(
        "--host",
        metavar="ADDRESS",
        help="listen on ADDRESS instead of 127.0.0.1, for a shared machine (prints a warning; the token is "
        "still needed)",
    )
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address people open when it runs behind a proxy with your own sign-in, e.g. "
        "https://complaints.example.org",
    )
    serve.add_argument("--no-browser", action="store_true", help="do not open the browser")
    _codes_option(serve)


def _schema_command(commands: Any) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a code or an assessment, for editors",
        description="Print JSON Schema for a code or an assessment. With --code, the assessment schema "
        "knows that code's answers, provision numbers and time limits.",
    )
    schema.add_argument("kind", choices=("code", "assessment"), help="which kind of file")
    schema.add_argument("--code", metavar="ID", help="the code assessments answer, e.g. hos-chc-2024")
    _codes_option(schema)


def _rules_command(commands: Any) -> None:
    rules = commands.add_parser("rules", help="list every rule: id, default severity, what it finds")
    rules.add_argument(
        "--markdown", action="store_true", help="print the whole catalogue as Markdown (docs/rules.md)"
    )


def _explain_command(commands: Any) -> None:
    explain = commands.add_parser("explain", help="explain one rule, with examples")
    explain.add_argument("rule", metavar="RULE", help="a rule id, such as SA303")


def command_line() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="selfassess",
        description="Check, and publish, self-assessments against regulators' codes.",
    )
    parser.add_argument("--version", action="version", version=f"selfassess {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # The workspace first, where most people start; then in the order of a year's work.
    _serve_command(commands)
    _new_command(commands)
    _import_command(commands)
    _check_command(commands)
    _render_command(commands)
    _report_command(commands)
    _complaints_command(commands)
    _migrate_command(commands)
    _diff_command(commands)
    _summary_command(commands)
    _schema_command(commands)
    _rules_command(commands)
    _explain_command(commands)
    return parser
