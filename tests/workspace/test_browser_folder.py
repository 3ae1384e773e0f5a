"""The pages that start one assessment from another, compare two, and summarise the folder, in a
real browser (Debian's Chromium, driven by Playwright, against `selfassess serve` running as a
process), used with the keyboard alone; each passes axe-core's WCAG 2.2 A and AA checks."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from selfassess.load.yaml_source import load_yaml_text
from tests.browser import artifacts, assert_accessible

pytestmark = pytest.mark.slow

EXAMPLE = "assessments/example-homes-2025.yaml"
WESTMINSTER = "assessments/westminster-2024.yaml"


def tab_to(page, name: str, most: int = 80) -> None:
    """Press Tab until the element named `name` has the focus, as a person without a mouse does."""
    for _ in range(most):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; return (e.getAttribute('aria-label') || e.labels?.[0]?.innerText"
            " || e.innerText || '').trim(); }"
        )
        if focused == name:
            return
    raise AssertionError(f"{name!r} cannot be reached with Tab")


def test_next_year_s_and_the_councils_code_started_from_the_start_page_by_keyboard(page, folder, tmp_path):
    shots = artifacts(tmp_path)
    assert_accessible(page, "the start page with its new links")
    page.screenshot(path=shots / "workspace-start-carry.png", full_page=True)
    tab_to(page, f"Start next year's assessment from {EXAMPLE}")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=f"Start next year's assessment from {EXAMPLE}").wait_for()
    assert_accessible(page, "next year's form")
    page.screenshot(path=shots / "workspace-next-year.png", full_page=True)
    tab_to(page, "Save as")
    page.keyboard.press("Control+A")
    page.keyboard.type("assessments/westminster-2024.yaml")  # a file that exists
    page.keyboard.press("Enter")
    page.get_by_role("alert").get_by_text("already exists; choose another name").wait_for()
    assert_accessible(page, "next year's form refusing a name")
    page.get_by_label("Save as").fill("assessments/fenbrook-2026.yaml")
    page.get_by_label("Save as").press("Enter")
    page.get_by_role("heading", name=f"Started from {EXAMPLE}").wait_for()
    assert "Last time's approval (Board, 2025-06-12) is not carried" in page.inner_text(".started")
    assert_accessible(page, "the editor saying what was carried")
    page.screenshot(path=shots / "workspace-started-next.png", full_page=True)
    data = load_yaml_text((folder / "assessments/fenbrook-2026.yaml").read_text(encoding="utf-8")).data
    assert "approved" not in data and data["responses"]["6.3"]["answer"] == "Partial"

    page.get_by_role("link", name="All assessments").click()
    page.get_by_role(
        "link",
        name="Start the Complaint Handling Code (Local Government and Social Care Ombudsman, February 2024) "
        f"assessment from {WESTMINSTER}",
    ).click()
    assert_accessible(page, "the councils' code's form")
    page.get_by_role("button", name="Start").click()
    started = page.locator(".started")
    started.wait_for()
    assert "provisions left to answer" in started.inner_text()
    assert_accessible(page, "the editor saying what is left to answer")
    page.screenshot(path=shots / "workspace-started-counterpart.png", full_page=True)
    first = started.locator(".left-to-answer a").first
    number = first.inner_text()
    first.click()
    page.locator(f"[id='p-{number}']").wait_for()
    assert page.url.endswith(f"#p-{number}")


def test_comparing_two_assessments_by_keyboard(page, tmp_path):
    shots = artifacts(tmp_path)
    tab_to(page, "Compare two assessments")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Compare two assessments").wait_for()
    assert_accessible(page, "the compare page")
    page.get_by_label("Earlier assessment").select_option(WESTMINSTER)
    page.get_by_label("Later assessment").select_option(EXAMPLE)
    tab_to(page, "Compare")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="What changed").wait_for()
    said = page.inner_text(".compared")
    assert "These are assessments of two different organisations" in said
    assert "In all:" in said
    assert_accessible(page, "a comparison")
    page.screenshot(path=shots / "workspace-compare.png", full_page=True)
    change = page.locator(".changes li.worse a").first
    target = change.get_attribute("href")
    change.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.split("#")[0])))
    page.get_by_label("Earlier assessment").wait_for(state="detached")  # in the editor now
    page.go_back()
    page.get_by_label("Later assessment").select_option(WESTMINSTER)
    page.get_by_role("button", name="Compare").click()
    page.get_by_role("alert").get_by_text("Choose two different assessments").wait_for()
    assert_accessible(page, "a comparison refused")


def test_the_folder_summarised_and_its_workbook(page, tmp_path):
    shots = artifacts(tmp_path)
    page.get_by_role("link", name="See the whole folder summarised").click()
    page.get_by_role("heading", name="The folder summarised", level=1).wait_for()
    assert_accessible(page, "the folder's summary")
    page.screenshot(path=shots / "workspace-summary.png", full_page=False)
    colour = page.eval_on_selector(".chart rect.tone-met", "e => getComputedStyle(e).fill")
    assert colour == "rgb(29, 107, 54)"  # the summary's own style sheet reached the page
    tab_to(page, "Download the summary as an Excel workbook")
    with page.expect_download() as waiting:
        page.keyboard.press("Enter")
    download = waiting.value
    assert download.suggested_filename == "team-summary.xlsx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert "Assessments" in load_workbook(saved).sheetnames
