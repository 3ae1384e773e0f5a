"""One document in, one assessment's text out, with a sentence for each thing the user should know."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from selfassess.check.findings import CheckResult
from selfassess.check.runner import CheckOptions, check_loaded, settings_for
from selfassess.importing import ImportFailed
from selfassess.importing.assemble import Header, assessment_text
from selfassess.importing.fields import read_answer
from selfassess.importing.layouts import ANSWER, looked_for
from selfassess.importing.match import place_entries
from selfassess.importing.pdf_tables import pdf_tables
from selfassess.importing.rows import read_entries
from selfassess.importing.tables import read_tables
from selfassess.load.codes import CodeLibrary
from selfassess.load.reading import load_text
from selfassess.model.code import Code


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'s' if number != 1 else ''}"


@dataclass
class Imported:
    text: str
    answered: int  # provisions of the code the document answers
    unplaced: int  # rows kept at the end, for the user to place
    actions: int = 0  # an action plan's actions placed under provisions
    with_actions: int = 0  # how many provisions those actions are under
    notes: list[str] = field(default_factory=list)  # one sentence each, for the user
    dated: bool = False  # it says whose it is and the date it speaks for (given, or printed in the file)

    def summary(self, where: str, provisions: int) -> str:
        """What was written, in one sentence: how much of the code it answers, and what is left."""
        if self.actions and not self.answered:
            said = (
                f"Wrote {where}: {_count(self.actions, 'action')} under {self.with_actions} of {provisions} "
                "provisions, whose answers are left for you to fill in"
            )
        else:
            said = f"Wrote {where}: {self.answered} of {provisions} provisions answered"
            if self.actions:
                said += f", and {_count(self.actions, 'action')} placed"
        if self.unplaced:
            said += f"; {_count(self.unplaced, 'row')} kept at the end for you to place"
        return said + "."


def check_imported(
    text: str, path: Path, shown: str, library: CodeLibrary, settings_from: Path | None = None
) -> CheckResult:
    """The check `selfassess check` would run on the imported text saved at `path`, run on the text
    itself (it may be printed rather than written): its code is found from that file's folder, and
    its configuration from the folder of `settings_from` (by default, `path` itself)."""
    options = CheckOptions()
    settings = settings_for(settings_from or path, options)
    loaded = load_text(text.encode("utf-8"), path, library, shown, settings.limits)
    return CheckResult([shown], check_loaded(loaded, options, settings))


#: How many tables the message about an unknown layout describes, before "and 3 more".
_TABLES_NAMED = 5


def _shown_cells(cells: list[str]) -> str:
    shown = [" ".join(cell.split()) for cell in cells if cell.strip()]
    shown = [text if len(text) <= 40 else text[:39] + "…" for text in shown]
    return ", ".join(shown) or "(nothing)"


def import_file(
    path: Path,
    code: Code,
    *,
    organisation: str | None,
    assessed_on: date | None,
    schema: str | None,
    unlinked: str | None = None,
) -> Imported:
    """The assessment the tables in `path` give for `code`. Raises ImportFailed when the file cannot
    be read, or holds no table selfassess knows. `unlinked`: the provision to put an action plan's
    actions under where their link names none."""
    read = pdf_tables if path.suffix.lower() == ".pdf" else read_tables
    grids, facts = read(path, code.publisher)
    reading = read_entries(grids, code)
    if not reading.recognised:
        shown = [
            f"{label}: {_shown_cells(cells)}" if label else _shown_cells(cells)
            for label, cells in reading.headers_seen[:_TABLES_NAMED]
        ]
        more = len(reading.headers_seen) - _TABLES_NAMED
        tables = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
        holds = f"the tables found have: {tables}" if tables else "it holds no tables"
        raise ImportFailed(
            f"No table in {path.name} has the columns selfassess looks for: {looked_for(code)}; {holds}."
        )
    placed, unplaced, checks = place_entries(reading.entries, code, unlinked)
    # What the command line gives wins over what the document prints (last year's form, edited).
    header = Header(
        path.name, organisation or facts.organisation, assessed_on or facts.assessed_on, schema, facts
    )
    leftover = [text for _, text in reading.leftover_headings]
    assembled = assessment_text(code, header, placed, unplaced, leftover, reading.register, reading.waived)
    text = assembled.text
    notes = [
        f"{path.name}: {item.entry.place}: this row was not placed because {item.reason}; "
        "it is kept, commented, at the end of the output for you to place."
        for item in unplaced
        if not item.unlinked
    ]
    unlinked_rows = [item for item in unplaced if item.unlinked]
    if len(unlinked_rows) == 1:
        notes.append(
            f"{path.name}: {unlinked_rows[0].entry.place}: this action links to no provision of {code.id}, "
            "so it is kept, commented, at the end of the output; to put it under a provision, run the "
            "command again with --unlinked and its number."
        )
    elif unlinked_rows:
        notes.append(
            f"{path.name}: {len(unlinked_rows)} actions link to no provision of {code.id} (the first at "
            f"{unlinked_rows[0].entry.place}), so they are kept, commented, at the end of the output; to "
            "put them under one provision, run the command again with --unlinked and its number."
        )
    notes += [f"{path.name}: {check}." for check in checks]
    notes += [
        f"{path.name}: {grid.label} has none of the columns selfassess looks for, so it was left out."
        for grid in reading.ignored
        if grid.label
    ]
    actions = [item for item in placed if item.entry.layout.is_action_plan]
    answered = len(
        {
            item.number
            for item in placed
            if item.provision is not None and not item.entry.layout.is_action_plan
        }
    )
    reworded = [
        item.number
        for item in placed
        if not item.entry.layout.is_action_plan and read_answer(item.entry.text(ANSWER), code).reworded
    ]
    if reworded:
        notes.append(
            f"{path.name}: {_count(len(reworded), 'answer')} written in the table's own words (the first "
            f"at {reworded[0]}) {'is' if len(reworded) == 1 else 'are'} given as {code.id}'s answers "
            f"({code.answers.listed()}), with the table's words kept in a comment above each."
        )
    if assembled.actions_read_at:
        count, first = len(assembled.actions_read_at), assembled.actions_read_at[0]
        notes.append(
            f"{path.name}: the commentary of {_count(count, 'provision')} (the first {first}) "
            "names actions, now given as actions with what, who and when, each marked 'Read from the "
            "commentary'; check them."
        )
    if placed and not any(item.provision is not None for item in placed):
        notes.append(
            f"{path.name}: none of the numbers in its tables is a provision of {code.id}; "
            "check that --code names the code the document answers."
        )
    return Imported(
        text,
        answered,
        len(unplaced),
        actions=len(actions),
        with_actions=len({item.number for item in actions}),
        notes=notes,
        dated=bool(header.organisation and header.assessed_on),
    )
