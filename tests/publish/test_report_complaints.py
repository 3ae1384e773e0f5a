"""The board report's complaints section: the figures, both charts (drawn as SVG with their
figures in a table), and in Word the same figures with a bar for each month."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from selfassess.cli import main

REPO = Path(__file__).parents[2]
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"
LOG = REPO / "assessments" / "evidence" / "fenbrook-complaints-2024-25.csv"


def test_the_report_with_its_log_has_the_section_and_its_charts(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(EXAMPLE), "--log", str(LOG), "--homes", "4200", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<h2 id="complaints">Complaints handled, 1 April 2024 to 31 March 2025</h2>' in page
    assert "430 complaints received, 102.4 per 1,000 homes (CH01)" in page
    assert "358 of 412 responses (86.9%) within 10 working days" in page
    charts = re.findall(r'<svg class="chart" role="img" aria-labelledby="chart-(\d)', page)
    assert charts == ["1", "2"]
    # a bar for each month with responses at each stage (none at stage 2 in April, February, March)
    assert page.count('class="tone-stage1"') == 12 and page.count('class="tone-stage2"') == 9
    assert "September 2024, stage 1: 18 of 25 in time (72%)" in page
    assert "<caption>Complaints each month</caption>" in page
    # the SA406 finding is the report's; the log's rows are not listed in it
    assert "Answered as met, but the complaints log shows the time limit missed." in page
    assert "FH-24" not in page


def test_without_a_log_there_is_no_section(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    assert 'id="complaints"' not in out.read_text(encoding="utf-8")


def test_the_word_report_gives_the_figures_and_a_bar_for_each_month(tmp_path, capsys):
    out = tmp_path / "report.docx"
    assert main(["report", str(EXAMPLE), "--log", str(LOG), "--format", "docx", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as document:
        body = document.read("word/document.xml").decode("utf-8")
    assert "Complaints handled, 1 April 2024 to 31 March 2025" in body
    assert "18 of 25 (72%)" in body and "█" * 14 in body  # September: 72% of 20 blocks


def test_the_word_report_draws_the_complaints_charts_as_pictures(tmp_path, capsys):
    import docx

    out = tmp_path / "report.docx"
    assert main(["report", str(EXAMPLE), "--log", str(LOG), "--format", "docx", "-o", str(out)]) == 0
    pictures = [shape._inline.docPr for shape in docx.Document(str(out)).inline_shapes]
    assert [p.get("title") for p in pictures] == [
        "Compliance by section",
        "Responses within the Code's timescale, each month",
        "Stage 1 responses each month, on time and late",
    ]
    assert (
        pictures[1]
        .get("descr")
        .startswith("For each month, the share of stage 1 responses made within 10 working days")
    )


def test_a_month_with_no_responses_at_a_stage_is_said_to_have_no_bar(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(EXAMPLE), "--log", str(LOG), "--homes", "4200", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    # April, February and March 2025 had no stage 2 responses: no bar, which is not 0% in time
    assert "<p>April, February and March had no stage 2 responses, so no stage 2 bar.</p>" in html
    import docx

    word = tmp_path / "r.docx"
    assert (
        main(
            [
                "report",
                str(EXAMPLE),
                "--log",
                str(LOG),
                "--homes",
                "4200",
                "--format",
                "docx",
                "-o",
                str(word),
            ]
        )
        == 0
    )
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "April, February and March had no stage 2 responses, so no stage 2 bar." in paragraphs
