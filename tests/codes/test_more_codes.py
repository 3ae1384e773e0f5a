"""The LGSCO's Complaint Handling Code and the Housing Ombudsman's 2022 Code as shipped, and what
they make possible: a real 2022 form carried to 2024, a council's housing assessment seeding its
LGSCO one, and a form answered a section at a time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from selfassess.load.documents import read_document
from selfassess.resources import packaged_dir
from tests.importing import builders

REPO = Path(__file__).parents[2]
CODES = packaged_dir("codes")

LGSCO_PROVISIONS = (
    [f"1.{n}" for n in range(1, 9)]
    + [f"2.{n}" for n in range(1, 6)]
    + [f"3.{n}" for n in range(1, 9)]
    + ["4.1"]
    + [f"5.{n}" for n in range(1, 8)]
    + [f"6.{n}" for n in range(1, 8)]
    + ["6.21"]  # 6.8 to 6.20 are missing from the transcription
    + [f"7.{n}" for n in range(1, 6)]
    + [f"8.{n}" for n in range(1, 4)]
    + [f"9.{n}" for n in range(1, 8)]
)


def selfassess(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *arguments],
        capture_output=True, text=True, check=False, cwd=cwd, env=environment,
    )  # fmt: skip


def findings(folder: Path, name: str) -> list[dict]:
    done = selfassess("check", "--format", "json", name, cwd=folder)
    return json.loads(done.stdout)["findings"]


def test_the_lgsco_code_as_transcribed():
    document = read_document(CODES / "lgsco-chc.yaml")
    assert document.problems == []
    code = document.code
    assert code.id == "lgsco-chc" and code.publisher == "Local Government and Social Care Ombudsman"
    assert list(code.provisions) == LGSCO_PROVISIONS
    assert all(provision.text.strip() for provision in code.provisions.values())
    assert [section.number for section in code.sections] == [str(n) for n in range(1, 10)]
    # "should" as the Code words it, "must" for the duties the law already imposes
    assert code.provisions["6.3"].obligation == "should"
    assert {n for n, p in code.provisions.items() if p.obligation == "must"} == {"3.1", "5.6"}
    assert code.provisions["6.3"].time_limits == ["stage1-response"]
    assert code.term("resident") == "individual" and code.term("landlord") == "organisation"
    assert code.answered_per == "section"
    links = {
        (p.number, link.provision, link.relation) for p in code.provisions.values() for link in p.corresponds
    }
    assert ("6.3", "6.3", "equal") in links
    assert ("6.2", "6.2", "subset") in links  # the Housing Code also asks that it be defined


def test_the_2022_code_and_its_links_to_2024():
    older = read_document(CODES / "hos-chc-2022.yaml").code
    newer = read_document(CODES / "hos-chc-2024.yaml").code
    assert newer.supersedes == "hos-chc-2022"
    assert older.provisions["5.1"].time_limits == ["stage1-response", "stage1-extension"]
    links = {number: provision.previously for number, provision in newer.provisions.items()}
    assert links["1.2"] == ["1.2"] and links["1.5"] == ["1.6"]
    assert all(old in older.provisions for olds in links.values() for old in olds)
    done = selfassess("check", "--format", "json", str(CODES), cwd=REPO)
    assert json.loads(done.stdout)["findings"] == []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def test_a_real_2022_form_imports_migrates_to_2024_and_checks(folder):
    """Slough Borough Council's 2022 self-assessment, as its published pages give it."""
    builders.write_docx(builders.slough_2022_form(), folder / "slough-2022.docx")
    about = ("--organisation", "Slough Borough Council", "--assessed-on", "2022-09-30")
    done = selfassess(
        "import", "slough-2022.docx", "--code", "hos-chc-2022", "-o", "slough-2022.yaml", *about, cwd=folder
    )
    assert "Traceback" not in done.stderr
    imported = yaml.safe_load((folder / "slough-2022.yaml").read_text(encoding="utf-8"))["responses"]
    assert imported["1.2"]["answer"] == "Yes"
    assert (
        imported["1.2"]["evidence"] == []
    )  # "Evidence, commentary and any explanations": a sentence is commentary
    assert imported["1.2"]["commentary"].startswith("The above definiition of a complaint")
    done = selfassess(
        "migrate", "slough-2022.yaml", "--to", "hos-chc-2024", "-o", "slough-2024.yaml", cwd=folder
    )
    assert done.returncode == 0, done.stderr
    # 2.2 is a number of each code, for another provision: each list says which code's numbers it gives
    assert (
        "3 provisions of hos-chc-2022 no longer exist in hos-chc-2024 and are kept as a comment at the "
        "end: 2.2, 5.11, 6.6" in done.stderr
    )
    # Only what the form answered is carried; the rows it did not have are left to answer, and said so.
    assert (
        "Carried 15 responses from hos-chc-2022 to hos-chc-2024; 44 provisions are new in hos-chc-2024"
        in (done.stderr)
    )
    assert (
        "13 provisions of hos-chc-2024 had no answer last time and still need an answer: 2.2, 2.4, 3.1, 3.4,"
        in done.stderr
    )
    carried = yaml.safe_load((folder / "slough-2024.yaml").read_text(encoding="utf-8"))["responses"]
    assert carried["1.2"]["answer"] == "Yes"  # the same requirement, reworded
    assert carried["1.5"]["commentary"] == imported["1.6"]["commentary"]  # 2022's 1.6 is 2024's 1.5
    assert carried["1.4"]["answer"] is None  # its 2022 text is missing: nothing guessed
    assert not [f for f in findings(folder, "slough-2024.yaml") if f["rule"] == "SA001"]


def test_a_housing_assessment_seeds_the_council_wide_one_and_disagreements_are_reported(folder):
    shutil.copy(REPO / "assessments" / "example-homes-2025.yaml", folder / "housing-2025.yaml")
    shutil.copytree(REPO / "assessments" / "evidence", folder / "evidence")
    about = ("--organisation", "Fenbrook District Council", "--assessed-on", "2025-05-20")
    done = selfassess(
        "new", "lgsco-chc", "--from", "housing-2025.yaml", "-o", "council-2025.yaml", *about, cwd=folder
    )
    assert done.returncode == 0, done.stderr
    assert "52 provisions to answer; 30 answers carried from housing-2025.yaml" in done.stderr
    text = (folder / "council-2025.yaml").read_text(encoding="utf-8")
    council = yaml.safe_load(text)
    housing = yaml.safe_load((folder / "housing-2025.yaml").read_text(encoding="utf-8"))
    assert council["counterpart"] == "housing-2025.yaml" and council["answered_per"] == "provision"
    assert council["responses"]["6.3"] == housing["responses"]["6.3"]  # carried whole, actions too
    assert "# Carried from housing-2025.yaml: its answer to 6.3 of hos-chc-2024" in text
    assert council["responses"]["1.2"]["answer"] is None  # related, not equal: a suggestion only
    assert "# Suggestion: housing-2025.yaml answers 1.4 of hos-chc-2024 (overlap)" in text
    assert not [f for f in findings(folder, "council-2025.yaml") if f["rule"] == "SA304"]
    (folder / "council-2025.yaml").write_text(
        text.replace("answer: Partial", "answer: 'Yes'", 1), encoding="utf-8"
    )
    [disagreement] = [f for f in findings(folder, "council-2025.yaml") if f["rule"] == "SA304"]
    assert disagreement["message"].startswith(
        "Provision 6.3 is answered 'Yes' (met), but housing-2025.yaml answers the same requirement, "
        "6.3 of hos-chc-2024, 'Partial' (partly met)"
    )
    # Answered a section at a time: a section answered 'Yes' says each of its provisions is met, so
    # the housing 'Partial' to 6.3 contradicts it; a section answered 'No' may fall short elsewhere.
    lines = ["code: lgsco-chc", "organisation: Fenbrook District Council", "assessed_on: 2025-05-20"]
    lines += ["counterpart: housing-2025.yaml", "responses:"]
    lines += [
        f"  '{n}':\n    answer: 'Yes'\n    evidence: [Complaints policy]" for n in range(1, 10) if n != 7
    ]
    lines += ["  '7':\n    answer: 'No'\n    commentary: Remedies are not tracked in adult social care."]
    (folder / "sections-2025.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {
        f["provision"]: f["message"] for f in findings(folder, "sections-2025.yaml") if f["rule"] == "SA304"
    }
    partial = [n for n, r in housing["responses"].items() if r["answer"] == "Partial" and n.startswith("6.")]
    assert "6.3" in partial and set(found) == {"6"}
    assert found["6"].startswith(
        "Section 6 is answered 'Yes' (met), but housing-2025.yaml answers one of its requirements, 6.3 of "
        "hos-chc-2024, 'Partial' (partly met)"
    )


def test_a_form_answered_a_section_at_a_time(folder):
    """The LGSCO's own template asks section by section; Bassetlaw answers it so."""
    done = selfassess("new", "lgsco-chc", "-o", "blank.yaml", cwd=folder)
    assert "Wrote blank.yaml: 9 sections to answer." in done.stderr
    assert list(yaml.safe_load((folder / "blank.yaml").read_text(encoding="utf-8"))["responses"]) == [
        str(n) for n in range(1, 10)
    ]
    done = selfassess("new", "lgsco-chc", "--per", "provision", "-o", "each.yaml", cwd=folder)
    assert "Wrote each.yaml: 52 provisions to answer." in done.stderr
    # The file says so, or it would be read a section at a time, as the code's own form is.
    assert yaml.safe_load((folder / "each.yaml").read_text(encoding="utf-8"))["answered_per"] == "provision"
    rules = [f["rule"] for f in findings(folder, "each.yaml")]
    assert rules.count("SA101") == 52 and "SA102" not in rules
    builders.write_docx(builders.bassetlaw_lgsco_form(), folder / "bassetlaw.docx")
    about = ("--organisation", "Bassetlaw District Council", "--assessed-on", "2024-10-01")
    selfassess("import", "bassetlaw.docx", "--code", "lgsco-chc", "-o", "bassetlaw.yaml", *about, cwd=folder)
    responses = yaml.safe_load((folder / "bassetlaw.yaml").read_text(encoding="utf-8"))["responses"]
    assert [responses[str(n)]["answer"] for n in range(1, 6)] == ["Yes"] * 5
    assert responses["1"]["commentary"].startswith("Definitions explained in the introduction section")
    gaps = {f["provision"]: f["message"] for f in findings(folder, "bassetlaw.yaml") if f["rule"] == "SA101"}
    assert set(gaps) == {"6", "7", "8", "9"}  # the sections the published page does not give
    # A section is called a section; an answer with a comma of its own is quoted whole.
    assert gaps["6"] == (
        "Section 6 has no answer; answer it with one of 'Yes', 'No', 'Partial', 'Partially', "
        "'Yes, with further development', 'N/A'."
    )
    assert (
        "bassetlaw.yaml: 4 sections still to answer."
        in selfassess("check", "bassetlaw.yaml", cwd=folder).stdout
    )
    each = [f["message"] for f in findings(folder, "each.yaml") if f["rule"] == "SA101"]
    assert each[0].startswith("Provision 1.1 has no answer")
    done = selfassess("render", "bassetlaw.yaml", "--draft", "-o", "bassetlaw.html", cwd=folder)
    assert done.returncode == 0, done.stderr
    page = (folder / "bassetlaw.html").read_text(encoding="utf-8")
    assert "Definition of a service request and complaint" in page and "<strong>1.1</strong>" in page
