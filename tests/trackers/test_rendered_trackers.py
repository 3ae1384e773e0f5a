"""Every transcribed row of every tracker appears in the tracker the committee receives."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from selfassess.load.codes import CodeLibrary
from selfassess.publish.render import render
from selfassess.text.markdown import plain

REPO = Path(__file__).parents[2]
TRACKERS = (
    "wcc-policy-scrutiny-2023",
    "future-of-westminster-2023",
    "oxfordshire-pcs-scrutiny-2024",
    "norwich-housing-improvement-2009",
)


@pytest.mark.parametrize("name", TRACKERS)
def test_every_row_and_every_action_is_in_the_rendered_tracker(name):
    path = REPO / "assessments" / f"{name}.yaml"
    rendered = render(path, "html", draft=True)  # Norwich's impossible dates block it otherwise
    assert rendered.content is not None
    html = rendered.content.decode("utf-8")
    code = CodeLibrary().find(name, REPO).code
    assert code.is_tracker
    rows = re.findall(r'<tr id="item-([^"]+)">', html)
    assert rows == [p.shown_number for p in code.provisions.values()]
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    for provision in code.provisions.values():
        first_words = " ".join(plain(provision.text).split()[:8])
        assert first_words in text, (name, provision.number)
    from selfassess.load.documents import read_document

    assessment = read_document(path).assessment
    refs = [a.ref for r in assessment.responses.values() for a in r.actions if a.ref]
    plan = html.split('id="action-plan"', 1)[-1] if refs else ""
    for ref in refs:
        assert f'<th scope="row">{ref}</th>' in plan, (name, ref)


def test_the_improvement_plan_is_refused_until_its_impossible_dates_are_corrected():
    rendered = render(REPO / "assessments" / "norwich-housing-improvement-2009.yaml", "html")
    assert rendered.content is None
    assert {f.rule for f in rendered.errors} == {"SA503"}
