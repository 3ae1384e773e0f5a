"""The command line as scripts and people use it: output, exit status, and the JSON contract."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from selfassess.cli import main
from tests.golden import assert_golden

REPO = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "check" / "fixtures"
BROKEN = FIXTURES / "acceptance" / "fenbrook-2025.yaml"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)


def test_the_shipped_code_checks_clean(capsys, in_repo):
    status, out, _ = run(capsys, "check", "codes/hos-chc-2024.yaml")
    assert (status, out) == (0, "Checked 1 file: no findings.\n")


def test_the_example_assessment_has_no_errors(capsys, in_repo):
    status, out, _ = run(capsys, "check", "assessments/example-homes-2025.yaml")
    assert status == 0, out
    assert " error " not in out


def test_a_broken_assessment_gets_every_finding_at_its_place(capsys, in_repo):
    status, out, _ = run(capsys, "check", "tests/check/fixtures/acceptance/fenbrook-2025.yaml")
    assert status == 1
    path = "tests/check/fixtures/acceptance/fenbrook-2025.yaml"
    first, *rest = out.splitlines()
    assert first == f"{path}: 68 provisions still to answer."  # the gaps in one line, above the list
    lines = [line for line in rest if " SA101 " not in line]
    assert lines == [
        f"{path}:14:13: SA103 error [2.5] Answer 'YAC' is not one of Yes, No, Partial, N/A — did you mean 'Yes'?",
        f"{path}:16:3: SA102 error [6.30] There is no provision 6.30 in Complaint Handling Code (hos-chc-2024)"
        " — did you mean '6.3'?",
        # the evidence written under a misspelt key is not read, so 6.2 also shows as without evidence
        f"{path}:20:13: SA201 warning [6.2] Provision 6.2 is answered 'Yes' but cites no evidence; list the documents that show it is met, under evidence.",
        f"{path}:21:5: SA001 error [6.2] 'evidnce' is not a field selfassess knows here — did you mean 'evidence'?",
        f"{path}:25:5: SA001 error [7.1] 'answer' appears twice here; the second one (this line) was not read"
        " — merge the two or remove one.",
        "Checked 1 file: 72 errors, 1 warning.",
    ]
    gaps = [line for line in out.splitlines() if " SA101 " in line]
    assert len(gaps) == 68  # 72 provisions, of which 1.2, 2.5, 6.2 and 7.1 are answered
    assert all(line.startswith(f"{path}:9:1: SA101 error [") for line in gaps)
    assert f"{path}:9:1: SA101 error [6.3] Provision 6.3 has no response" in out


def test_json_is_the_contract_of_formats_md(capsys, in_repo):
    status, out, err = run(
        capsys, "check", "--format", "json", "tests/check/fixtures/acceptance/fenbrook-2025.yaml"
    )
    assert status == 1 and err == ""
    document = json.loads(out)
    # Keys are only ever added (organisations and totals were), never renamed or taken away.
    assert list(document) == ["version", "checked", "findings", "organisations", "totals"]
    assert document["version"] == 1
    assert document["checked"] == ["tests/check/fixtures/acceptance/fenbrook-2025.yaml"]
    yac = next(f for f in document["findings"] if f["rule"] == "SA103")
    assert yac == {
        "rule": "SA103",
        "severity": "error",
        "provision": "2.5",
        "message": "Answer 'YAC' is not one of Yes, No, Partial, N/A — did you mean 'Yes'?",
        "path": "tests/check/fixtures/acceptance/fenbrook-2025.yaml",
        "line": 14,
        "column": 13,
    }
    assert all(
        list(f) == ["rule", "severity", "provision", "message", "path", "line", "column"]
        for f in document["findings"]
    )


@pytest.mark.parametrize("form", ["text", "json"])
def test_golden_output(capsys, in_repo, form):
    """The whole output, byte for byte; regenerate with SELFASSESS_UPDATE_GOLDEN=1 after a deliberate change."""
    _, out, _ = run(capsys, "check", "--format", form, "tests/check/fixtures/acceptance/fenbrook-2025.yaml")
    assert_golden(Path(__file__).parent / "output" / "golden" / f"fenbrook-2025.{form}", out)


def test_a_folder_means_every_yaml_file_below_it(capsys, in_repo):
    _, out, _ = run(capsys, "check", "--format", "json", "codes", "assessments")
    checked = json.loads(out)["checked"]
    codes = sorted(p.as_posix() for p in (REPO / "codes").glob("*.yaml"))
    assessments = sorted(p.as_posix() for p in (REPO / "assessments").glob("*.yaml"))
    # in the order given, each folder's files in name order; nothing else
    assert checked == [str(Path(p).relative_to(REPO).as_posix()) for p in (*codes, *assessments)]
    assert {"codes/hos-chc-2024.yaml", "assessments/example-homes-2025.yaml"} <= set(checked)


def test_no_path_means_the_current_folder(capsys, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(
        "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses: {}\n"
    )
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "check")
    assert status == 1
    assert out.startswith(
        "a.yaml: 72 provisions still to answer.\na.yaml:4:1: SA101 error [1.2] Provision 1.2 has no"
    )


def test_a_path_that_does_not_exist_is_a_usage_error(capsys, in_repo):
    status, out, err = run(capsys, "check", "no/such/file.yaml")
    assert (status, out) == (2, "")
    assert err == "selfassess check: error: no such file or folder: no/such/file.yaml\n"


@pytest.mark.parametrize("command", ["check", "render", "report"])
def test_a_path_the_system_refuses_is_a_usage_error_not_a_traceback(capsys, tmp_path, command):
    too_long = str(tmp_path / ("a" * 300 + ".yaml"))
    status, out, err = run(capsys, command, too_long)
    assert (status, out) == (2, "")
    assert err.startswith(f"selfassess {command}: error: {too_long}: File name too long")


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--colour"])
    assert stopped.value.code == 2


def test_codes_option_must_name_a_folder(capsys, in_repo):
    status, _, err = run(capsys, "check", "--codes", "nowhere", "codes")
    assert status == 2 and "--codes nowhere: no such folder" in err


def test_an_unknown_code_is_reported_with_a_suggestion(capsys, tmp_path, monkeypatch):
    # A dropped digit: 'hos-chc-2023' would be as near hos-chc-2022 as hos-chc-2024, both shipped.
    (tmp_path / "a.yaml").write_text(
        "code: hos-chc-204\norganisation: X\nassessed_on: 2025-05-20\nresponses: {}\n"
    )
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "check", "a.yaml")
    assert status == 1
    assert out.startswith("a.yaml:1:7: SA001 error No code 'hos-chc-204' was found (looked in ")
    assert "the codes shipped with selfassess) — did you mean 'hos-chc-2024'?" in out


def test_rules_and_explain(capsys):
    status, out, _ = run(capsys, "rules")
    assert status == 0 and out.splitlines()[0].startswith("SA001  error    The file cannot be read")
    status, out, _ = run(capsys, "explain", "sa103")
    assert status == 0
    for part in ("What it checks:", "Why it matters:", "Failing example:", "Passing example:"):
        assert part in out
    status, _, err = run(capsys, "explain", "SA999")
    assert status == 2 and "there is no rule 'SA999'" in err


def test_python_dash_m_and_the_console_script_work_as_processes(tmp_path):
    for command in ([sys.executable, "-m", "selfassess"], [str(Path(sys.executable).parent / "selfassess")]):
        done = subprocess.run(
            [*command, "check", "codes/hos-chc-2024.yaml"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, "Checked 1 file: no findings.\n", "")


def test_colour_only_on_a_terminal_and_never_with_no_color(capsys, in_repo, monkeypatch):
    target = "tests/check/fixtures/SA103/failing.yaml"
    main(["check", target])
    assert "\033[" not in capsys.readouterr().out  # captured: not a terminal
    main(["check", "--colour", "always", target])
    assert "\033[1;31merror\033[0m" in capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", target])
    assert "\033[" not in capsys.readouterr().out
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr("os.name", "posix")
    main(["check", target])
    assert "\033[" in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments",
    [
        ["render", "{dir}"],
        ["report", "{dir}"],
        ["import", "{dir}", "--code", "hos-chc-2024", "-o", "{dir}/out.yaml"],
        ["migrate", "{dir}", "--to", "hos-chc-2024", "-o", "{dir}/out.yaml"],
        ["diff", "{dir}", "{dir}"],
    ],
)
def test_a_folder_given_as_the_file_to_read_is_refused(capsys, tmp_path, arguments):
    status, out, err = run(capsys, *[part.format(dir=tmp_path) for part in arguments])
    assert (status, out) == (2, "")
    assert (
        err
        == f"selfassess {arguments[0]}: error: {tmp_path} is a folder; give the file of one assessment in it\n"
    )


def test_a_folder_given_as_the_file_to_write_is_refused(capsys, tmp_path):
    status, _, err = run(capsys, "new", "hos-chc-2024", "-o", str(tmp_path), "--force")
    assert status == 2
    assert err == f"selfassess new: error: {tmp_path} is a folder; give the name of a file to write\n"
    example = Path(__file__).parents[1] / "assessments" / "example-homes-2025.yaml"
    status, _, err = run(capsys, "render", str(example), "-o", str(tmp_path))
    assert status == 2
    assert err.endswith(f"such as {tmp_path / 'example-homes-2025.html'}\n")
    assert list(tmp_path.iterdir()) == []  # not even a temporary file left behind


def test_a_misspelt_command_gets_a_suggestion(capsys):
    status, out, err = run(capsys, "chekc", "assessments")
    assert (status, out) == (2, "")
    assert (
        err
        == "selfassess: 'chekc' is not a command — did you mean 'check'?\n'selfassess --help' lists them.\n"
    )


def test_no_path_in_a_project_folder_checks_its_assessments_and_codes_only(capsys, tmp_path, monkeypatch):
    """Test fixtures and other YAML further down are left alone; YAML beside the folders is checked."""
    for folder in ("assessments", "codes", "tests/fixtures"):
        (tmp_path / folder).mkdir(parents=True)
    good = "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses: {}\n"
    (tmp_path / "assessments" / "ours.yaml").write_text(good)
    (tmp_path / "ours-2026.yaml").write_text(good)
    (tmp_path / "tests" / "fixtures" / "broken.yaml").write_text("code: [\n")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    monkeypatch.chdir(tmp_path)
    _status, out, _ = run(capsys, "check", "--format", "json")
    assert json.loads(out)["checked"] == ["assessments/ours.yaml", "ours-2026.yaml"]


def test_render_never_writes_inside_codes(capsys, tmp_path, monkeypatch):
    (tmp_path / "codes").mkdir()
    shutil.copy(REPO / "assessments" / "example-homes-2025.yaml", tmp_path / "codes" / "ours.yaml")
    shutil.copytree(REPO / "assessments" / "evidence", tmp_path / "codes" / "evidence")
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "render", "codes/ours.yaml")
    assert status == 0
    assert err == "Wrote ours.html.\n" and (tmp_path / "ours.html").is_file()
    assert not (tmp_path / "codes" / "ours.html").exists()
