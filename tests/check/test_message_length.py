"""Every message is one sentence a complaints manager reads at a glance: at most about 40 words,
with the detail in `selfassess explain`. Measured on every finding the rule fixtures, the shipped
assessments and the codes give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.cli import main

REPO = Path(__file__).resolve().parents[2]
MOST_WORDS = 44
#: SA402 must name a start day where the limit fails and one where it holds (time-limits.md).
MOST_WORDS_BY_RULE = {"SA402": 54}


def test_no_message_is_longer_than_a_glance(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    main(
        [
            "check",
            "tests/check/fixtures",
            "assessments",
            "codes",
            "--codes",
            "tests/check/fixtures/codes",
            "--format",
            "json",
        ]
    )
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len({finding["rule"] for finding in findings}) > 30  # nearly every rule has spoken
    too_long = [
        f"{finding['rule']} ({len(finding['message'].split())} words): {finding['message']}"
        for finding in findings
        if len(finding["message"].split()) > MOST_WORDS_BY_RULE.get(finding["rule"], MOST_WORDS)
    ]
    assert not too_long, "\n".join(too_long)
    assert all("\n" not in finding["message"] for finding in findings)
