"""`complaints`: a complaints log judged in working days and summed up as CH01 and CH02."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from datetime import date
from pathlib import Path

from selfassess.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    UsageError,
    find_code,
    input_file,
    output_path,
    wants_colour,
    write_output,
)


def run_complaints(arguments: argparse.Namespace) -> int:
    from selfassess.check.runner import CheckOptions, SettingsFinder
    from selfassess.complaints.measures import Homes, Period
    from selfassess.load.config import ConfigError
    from selfassess.output import text
    from selfassess.output.json import FORMAT_VERSION
    from selfassess.publish.complaints.build import complaints_report
    from selfassess.publish.complaints.json import measures_json
    from selfassess.publish.complaints.text import render_measures
    from selfassess.publish.complaints.workbook import render_workbook

    log = input_file(arguments.log)
    if (arguments.first is None) != (arguments.last is None):
        raise UsageError(
            "give both --from and --to, or neither (for the financial year of the log's latest complaint)"
        )
    period = Period(arguments.first, arguments.last) if arguments.first else None
    if period is not None and period.last < period.first:
        raise UsageError("--to is before --from")
    code = find_code(arguments, arguments.code, log.parent)
    options = CheckOptions(
        select=arguments.select, ignore=arguments.ignore, use_config=not arguments.no_config
    )
    try:
        settings = SettingsFinder(options).for_folder(log.parent)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    homes = Homes(arguments.homes, arguments.homes_lcra, arguments.homes_lcho)
    today = arguments.today or date.today()
    made = complaints_report(log, log.as_posix(), code, settings, period, homes, today)
    result, measures = made.result, made.measures
    chosen = arguments.format
    if chosen == "xlsx":
        if measures is None:
            sys.stdout.write(text.render(result))
            print("No workbook: the log above cannot be read.", file=sys.stderr)
            return EXIT_FINDINGS
        default = Path(f"{log.stem}-measures.xlsx")
        out = output_path(arguments, default, [log])
        print(f"Wrote {write_output(out, render_workbook(measures, result.findings))}.", file=sys.stderr)
    else:
        if chosen == "text":
            content = render_measures(measures) + "\n" if measures is not None else ""
            content += text.render(result, colour=wants_colour(arguments.colour) and arguments.output is None)
        elif chosen == "json":
            shown = {
                "version": FORMAT_VERSION,
                "checked": result.checked,
                "findings": [finding.as_json() for finding in result.findings],
                "complaints": measures_json(measures) if measures is not None else None,
            }
            content = json.dumps(shown, ensure_ascii=False, indent=2) + "\n"
        else:
            content = importlib.import_module(f"selfassess.output.{chosen}").render(result)
        if arguments.output is None:
            sys.stdout.write(content)
        else:
            out = output_path(arguments, Path(arguments.output), [log])
            print(f"Wrote {write_output(out, content.encode('utf-8'))}.", file=sys.stderr)
    return EXIT_FINDINGS if result.has_errors else EXIT_CLEAN
