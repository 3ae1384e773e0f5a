"""`selfassess import` on real input: the councils' trackers as text taken from their published
documents (tab-separated, columns as extraction left them), kept in tests/trackers/reference.
Imported as they are, they give back the transcriptions in `assessments/`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.importing.builders import REPO
from tests.importing.helpers import responses, run_import

REFERENCE = REPO / "tests" / "trackers" / "reference"


def _imported(name: str, code: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    source = folder / f"{name}.tsv"
    shutil.copyfile(REFERENCE / f"{name}.txt", source)
    status, out, err = run_import(capsys, source, code, "--organisation", "X", "--assessed-on", "2024-10-22")
    return status, source.with_suffix(".yaml").read_text(encoding="utf-8"), out + err


def test_westminsters_policy_scrutiny_tracker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, written, said = _imported(
        "westminster-policy-scrutiny-tracker-2023", "wcc-policy-scrutiny-2023", tmp_path, capsys
    )
    assert status == 0, said
    got = responses(written)
    expected = responses((REPO / "assessments" / "wcc-policy-scrutiny-2023.yaml").read_text(encoding="utf-8"))
    assert list(got) == list(expected)
    for number, response in expected.items():
        assert got[number]["answer"] == response["answer"], number
        assert got[number]["lead"] == response["lead"], number
        # The source prints "7 <sup>th</sup>" where extraction kept the superscript's markup; the
        # import keeps the text as written, the transcription wrote "7th".
        assert got[number]["commentary"] == response["commentary"].replace("7th", "7 <sup>th</sup>"), number


def test_oxfordshires_scrutiny_tracker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, written, said = _imported(
        "oxfordshire-pcs-scrutiny-tracker-2024", "oxfordshire-pcs-scrutiny-2024", tmp_path, capsys
    )
    got = responses(written)
    expected = responses(
        (REPO / "assessments" / "oxfordshire-pcs-scrutiny-2024.yaml").read_text(encoding="utf-8")
    )
    assert list(got) == list(expected)
    assert {number: got[number]["answer"] for number in got} == {
        number: response["answer"] for number, response in expected.items()
    }
    # Update rows that speak of no recommendation by its words are kept, named, for the user to place.
    assert status == 1 and said.count("it is kept, commented, at the end of the output for you to place") == 6
