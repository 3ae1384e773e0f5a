"""The office-suite tests say which part of LibreOffice is missing, and which Debian package
brings it, rather than failing with a bare assertion where Writer is installed but not Calc."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import helpers


def _writer_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "program"
    program.mkdir()
    (program / "soffice").write_text("#!/bin/sh\n")
    (program / "libswlo.so").write_text("")
    monkeypatch.setattr(helpers.shutil, "which", lambda name: str(program / "soffice"))


def test_without_calc_an_excel_case_is_skipped_naming_the_package(tmp_path, monkeypatch):
    _writer_only(tmp_path, monkeypatch)
    monkeypatch.delenv("SELFASSESS_OFFICE_TESTS", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"LibreOffice Calc .*libreoffice-calc-nogui"):
        helpers.saved_by_office(tmp_path / "form.xlsx", "xlsx-saved-by-libreoffice")


def test_where_the_office_tests_are_required_it_fails_naming_the_package(tmp_path, monkeypatch):
    _writer_only(tmp_path, monkeypatch)
    monkeypatch.setenv("SELFASSESS_OFFICE_TESTS", "required")
    with pytest.raises(pytest.fail.Exception, match=r"LibreOffice Calc .*libreoffice-calc-nogui"):
        helpers.saved_by_office(tmp_path / "form.xlsx", "xlsx-saved-by-libreoffice")
