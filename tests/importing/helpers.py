"""What the import tests share: running the command, reading its output back, and the proof that
nothing in the tables was lost."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from selfassess.cli import main
from tests.importing.builders import Table

UNPLACED_MARK = "Rows of the document selfassess could not place."

#: Files saved by an office suite, not only by the libraries the tests build with: LibreOffice
#: opens each built file and saves it again as Word or Excel would. `.ci/run` installs it.
SAVED_BY_OFFICE = {
    "docx-saved-by-libreoffice": "docx:MS Word 2007 XML",
    "xlsx-saved-by-libreoffice": "xlsx",
    # A PDF as most landlords publish theirs: saved from the Word form, without tags, and with them
    # (as Word's "Save as PDF" makes by default).
    "pdf-saved-by-libreoffice": "pdf:writer_pdf_Export",
    "tagged-pdf-saved-by-libreoffice": 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}',
}


#: The office-suite cases, marked slow: LibreOffice takes seconds to start for each.
OFFICE_KINDS = [
    pytest.param(kind, marks=pytest.mark.slow)
    for kind in SAVED_BY_OFFICE
    if not kind.endswith("pdf-saved-by-libreoffice")
]


#: What each kind needs of LibreOffice: its program library, and the Debian package that brings it.
_COMPONENT = {
    "docx-saved-by-libreoffice": ("libswlo.so", "LibreOffice Writer", "libreoffice-writer-nogui"),
    "xlsx-saved-by-libreoffice": ("libsclo.so", "LibreOffice Calc", "libreoffice-calc-nogui"),
    "pdf-saved-by-libreoffice": ("libswlo.so", "LibreOffice Writer", "libreoffice-writer-nogui"),
    "tagged-pdf-saved-by-libreoffice": ("libswlo.so", "LibreOffice Writer", "libreoffice-writer-nogui"),
}


def _missing(what: str, package: str) -> None:
    """Skip, or fail where CI says the office tests are required, naming what to install."""
    said = f"{what} is needed for this test but is not installed (Debian package {package})"
    if os.environ.get("SELFASSESS_OFFICE_TESTS") == "required":
        pytest.fail(said)
    pytest.skip(said)


def saved_by_office(built: Path, kind: str) -> Path:
    """`built` opened and saved again by LibreOffice, as `kind` says; skipped where it is missing."""
    office = shutil.which("soffice")
    library, what, package = _COMPONENT[kind]
    if office is None:
        _missing(what, package)
        raise AssertionError("unreachable")  # _missing skips or fails
    if not (Path(office).resolve().parent / library).exists():
        _missing(what, package)
    saved = built.parent / "saved"
    profile = (built.parent / "office-profile").as_uri()  # its own, so tests never share a lock
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         SAVED_BY_OFFICE[kind], "--outdir", str(saved), str(built)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = saved / f"{built.stem}.{SAVED_BY_OFFICE[kind].split(':')[0]}"
    assert result.is_file() and result.read_bytes() != built.read_bytes()
    return result


def run_import(
    capsys: pytest.CaptureFixture[str], source: Path, code: str, *extra: str
) -> tuple[int, str, str]:
    """`selfassess import` in this process: its exit status, standard output and standard error."""
    out = source.with_suffix(".yaml")
    status = main(["import", str(source), "--code", code, "-o", str(out), *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def responses(text: str) -> dict[str, dict[str, Any]]:
    """Each response's answer, evidence titles (register keys looked up), commentary and lead."""
    data = yaml.safe_load(text)
    register = data.get("evidence") or {}
    found = {}
    for number, response in data["responses"].items():
        titles = [
            register[key]["title"] if key in register else key for key in response.get("evidence") or []
        ]
        found[str(number)] = {
            "answer": response.get("answer"),
            "evidence": titles,
            "commentary": response.get("commentary"),
            "lead": response.get("lead"),
        }
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [str(key), *_strings(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [] if value is None else [str(value)]


def _plain(text: str) -> str:
    """Whitespace made single spaces, list bullets and Markdown's emphasis (`*Plan*`) taken away."""
    lines = [re.sub(r"^\s*(?:[-•]\s+)", "", line).replace("*", "") for line in text.splitlines()]
    return " ".join(" ".join(lines).split())


def everything_written(text: str) -> str:
    """All the output says: every value it loads to, every comment, and the rows kept commented."""
    lines = text.splitlines()
    comments = [line.strip()[1:].strip() for line in lines if line.strip().startswith("#")]
    kept = ""
    marks = [i for i, line in enumerate(lines) if UNPLACED_MARK in line]
    if marks:
        block = [line[2:] if line.startswith("# ") else "" for line in lines[marks[0] + 2 :]]
        kept = " ".join(_strings(yaml.safe_load("\n".join(block))))
    return _plain(" ".join([*_strings(yaml.safe_load(text)), *comments, kept]))


def cell_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _found(line: str, written: str) -> bool:
    if _plain(line) in written:
        return True
    if _plain(line.strip().rstrip(".")) in written:
        return True  # "6.3." is provision 6.3
    if ";" in line and all(_found(part, written) for part in line.split(";") if part.strip()):
        return True  # evidence titles a semicolon separates, each a title of its own
    parts = [part for part in line.split(",") if part.strip()]
    if len(parts) > 1 and all(len(part.split()) <= 3 and _found(part, written) for part in parts):
        return True  # short names a comma separates ("ECM, F&R"), each a list entry of its own
    # "1. That the Council…": a tracker's number for a recommendation is the provision's printed
    # number, at the start of the comment above its response; the words follow the meeting's date.
    listed = re.match(r"(\d+)[.)]\s+(.*)", line.strip())
    return bool(listed) and f" {listed[1]} (raised " in f" {written}" and _plain(listed[2]) in written


def assert_nothing_lost(tables: list[Table], output: str) -> None:
    """Every non-empty cell below the header rows, line by line, is in the output somewhere."""
    written = everything_written(output)
    missing = [
        line
        for table in tables
        for cell in table.content()
        for line in cell_text(cell).splitlines()
        if _plain(line) and not _found(line, written)
    ]
    assert not missing, f"not in the output: {missing}"
