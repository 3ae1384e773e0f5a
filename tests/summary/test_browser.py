"""The summary page in headless Chromium: its charts drawn, nothing fetched, WCAG 2.2 AA."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfassess.cli import main
from tests.browser import artifacts, assert_accessible, browser, new_page

pytestmark = pytest.mark.slow

REPO = Path(__file__).parents[2]


def test_summary_page_draws_its_charts_and_is_accessible(tmp_path, capsys, monkeypatch):
    """The bundled assessments, Fenbrook's two years and a file that cannot be read: every section
    of the page is shown."""
    folder = tmp_path / "audit"
    shutil.copytree(REPO / "assessments", folder / "assessments")
    shutil.copytree(REPO / "tests" / "compare" / "fixtures", folder / "fenbrook")
    (folder / "assessments" / "broken.yaml").write_text(
        "code: hos-chc-2024\norganisation: [x\n", encoding="utf-8"
    )
    monkeypatch.chdir(folder)
    assert main(["summary", "--no-config", "assessments", "fenbrook/assessments", "-o", "summary.html"]) == 1
    capsys.readouterr()
    fetched: list[str] = []
    with browser() as launched:
        page = new_page(launched)
        page.on("request", lambda request: fetched.append(request.url))
        page.goto((folder / "summary.html").as_uri())
        assert fetched == [(folder / "summary.html").as_uri()]  # nothing else is fetched
        assert page.locator("script").count() == 0
        charts = page.locator("svg.chart[role=img]")
        assert charts.count() == 10  # seven codes, the findings, the assessments, year on year
        for index in range(charts.count()):
            chart = charts.nth(index)
            box = chart.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 20
            assert chart.locator("rect").count() > 0
            assert chart.get_attribute("aria-labelledby")
            # a table follows each chart, beside it on a wide screen
            table = chart.locator("xpath=ancestor::div[@class='pair']//table")
            assert table.count() == 1
            table_box = table.bounding_box()
            assert table_box is not None and table_box["x"] > box["x"] + box["width"] - 1
        bar = page.locator("#code-1-title").locator("xpath=..").locator("rect").first.bounding_box()
        assert bar is not None and bar["width"] > 50  # a bar drawn, not collapsed to nothing
        years = page.locator("#years-caption").locator("xpath=..")
        assert "fenbrook-standards-2024 to fenbrook-standards-2025" in years.inner_text()
        assert_accessible(page, "the summary")
        shot = artifacts(tmp_path) / "summary.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
