"""A log holds residents' names, addresses and what they wrote: none of it ever reaches an output,
in any format of `complaints`, `check` or the board report, even where a name has been typed into
a date column or the reference column holds names."""

from __future__ import annotations

import json
import zipfile

import pytest

from selfassess.cli import main

from .helpers import EXAMPLE_LOG, REPO, write_log

NAMES = [
    "Marjorie Threlfall",
    "Flat 9, 14 Quayside Walk",
    "NE1 3XY",
    "my son's asthma is worse",
    "07700 900123",
]
HEADINGS = ["Complaint Ref", "Resident", "Address", "Postcode", "Date Received", "Date Acknowledged",
            "Stage 1 Response Date", "Notes", "Phone"]  # fmt: skip
ROWS = [
    ["C-2024-0001", NAMES[0], NAMES[1], NAMES[2], "02/04/2024", "04/04/2024", "26/04/2024", NAMES[3], NAMES[4]],
    # a name typed into the acknowledgement column, an address into the response column
    ["C-2024-0002", NAMES[0], NAMES[1], NAMES[2], "03/04/2024", NAMES[0], NAMES[1], NAMES[3], NAMES[4]],
    # a name where the reference belongs: the case is listed, its reference is not
    [NAMES[0], NAMES[0], NAMES[1], NAMES[2], "03/04/2024", "04/04/2024", "30/04/2024", NAMES[3], NAMES[4]],
]  # fmt: skip


def _texts(tmp_path, capsys, log):
    outputs = []
    for chosen in ("text", "json", "sarif", "github"):
        main(["complaints", str(log), "--homes", "4200", "--format", chosen, "--today", "2025-05-20"])
        outputs.append(capsys.readouterr().out)
    main(
        [
            "complaints",
            str(log),
            "--format",
            "xlsx",
            "-o",
            str(tmp_path / "figures.xlsx"),
            "--today",
            "2025-05-20",
        ]
    )
    with zipfile.ZipFile(tmp_path / "figures.xlsx") as book:
        outputs += [book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml")]
    assessment = (REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")
    (tmp_path / "assessment.yaml").write_text(assessment, encoding="utf-8")
    main(["check", str(tmp_path / "assessment.yaml"), "--log", str(log), "--format", "json", "--no-config"])
    outputs.append(capsys.readouterr().out)
    for chosen in ("html", "docx"):
        out = tmp_path / f"report.{chosen}"
        main(
            [
                "report",
                str(tmp_path / "assessment.yaml"),
                "--log",
                str(log),
                "--format",
                chosen,
                "-o",
                str(out),
            ]
        )
        if chosen == "html":
            outputs.append(out.read_text(encoding="utf-8"))
        else:
            with zipfile.ZipFile(out) as document:
                outputs.append(document.read("word/document.xml").decode("utf-8"))
    capsys.readouterr()
    return outputs


def test_no_output_holds_a_name_an_address_or_what_a_resident_wrote(tmp_path, capsys):
    log = write_log(tmp_path / "complaints.csv", HEADINGS, ROWS)
    outputs = _texts(tmp_path, capsys, log)
    assert len(outputs) > 8
    for output in outputs:
        for personal in [*NAMES, "Threlfall", "Quayside", "asthma"]:
            assert personal not in output
    # ... while what the figures need is there: the cases, their rows and the bad cells.
    findings = json.loads(outputs[1])["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(3, 6), (3, 7)]
    assert "C-2024-0001" in outputs[0] and "(reference not shown)" in outputs[0]


@pytest.mark.parametrize("chosen", ["text", "json"])
def test_the_shipped_example_log_names_no_resident_in_any_output(chosen, capsys):
    main(["complaints", str(EXAMPLE_LOG), "--homes", "4200", "--format", chosen, "--today", "2025-05-20"])
    out = capsys.readouterr().out
    header = EXAMPLE_LOG.read_text(encoding="utf-8").splitlines()[1].split(",")
    assert header[1] and header[1] not in out  # the first resident's name
    assert "Mill Lane" not in out and "Station Street" not in out and "mould" not in out
