"""Every HTML page selfassess publishes, for every bundled example, in a real browser with axe-core:
no WCAG 2.2 A or AA violation. The published form (or, for a tracker's code, the tracker) and the
board report of each assessment in assessments/, and the report with a complaints log, with last
year's assessment, and with the council's assessment against a corresponding code, the sections
only those add."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfassess.cli import main
from tests.browser import assert_accessible, browser, new_page
from tests.publish.both_codes import HOUSING, seed_council

pytestmark = pytest.mark.slow

REPO = Path(__file__).parents[2]
EXAMPLES = sorted(path.stem for path in (REPO / "assessments").glob("*.yaml"))


@pytest.fixture(scope="module")
def chromium():
    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Every example's form (or tracker) and board report, written once for the module."""
    folder = tmp_path_factory.mktemp("published")
    shutil.copytree(REPO / "assessments", folder / "assessments")
    made: dict[str, Path] = {}
    for stem in EXAMPLES:
        source = str(folder / "assessments" / f"{stem}.yaml")
        made[f"{stem} published"] = folder / f"{stem}.html"
        assert main(["render", source, "--draft", "-o", str(made[f"{stem} published"])]) == 0
        made[f"{stem} board report"] = folder / f"{stem}-board-report.html"
        assert main(["report", source, "-o", str(made[f"{stem} board report"])]) == 0
    example = folder / "assessments" / "example-homes-2025.yaml"
    log = folder / "assessments" / "evidence" / "fenbrook-complaints-2024-25.csv"
    made["board report with a complaints log"] = folder / "with-log.html"
    assert (
        main(
            [
                "report",
                str(example),
                "--log",
                str(log),
                "--homes",
                "4200",
                "-o",
                str(made["board report with a complaints log"]),
            ]
        )
        == 0
    )
    last_year = folder / "last-year.yaml"
    text = example.read_text(encoding="utf-8").replace(
        "assessed_on: 2025-05-20", "assessed_on: 2024-05-20", 1
    )
    last_year.write_text(
        text.replace('  "6.3":\n    answer: "Partial"', '  "6.3":\n    answer: "Yes"', 1), encoding="utf-8"
    )
    made["board report with last year"] = folder / "with-last-year.html"
    assert (
        main(
            [
                "report",
                str(example),
                "--previous",
                str(last_year),
                "-o",
                str(made["board report with last year"]),
            ]
        )
        == 0
    )
    council = seed_council(folder)
    made["board report with both codes side by side"] = folder / "both-codes.html"
    alongside = str(made["board report with both codes side by side"])
    assert main(["report", str(council), "--alongside", str(folder / HOUSING), "-o", alongside]) == 0
    return made


PAGES = [f"{stem} {kind}" for stem in EXAMPLES for kind in ("published", "board report")] + [
    "board report with a complaints log",
    "board report with last year",
    "board report with both codes side by side",
]


@pytest.mark.parametrize("what", PAGES)
def test_every_published_page_passes_axe(chromium, published, what):
    page = new_page(chromium)
    page.goto(published[what].resolve().as_uri())
    assert_accessible(page, what)
    # a board member opens a folded list of findings: what it holds must pass too
    folded = page.locator("details > summary").all()
    for summary in folded:
        summary.click()
    if folded:
        assert_accessible(page, f"{what}, every list unfolded")
    page.emulate_media(media="print")  # as it is printed from the browser
    assert_accessible(page, f"{what}, printed")
    page.context.close()
