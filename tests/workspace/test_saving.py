"""Saving never loses anything: a change made on disk after the page read the file (a colleague,
`git pull`, another tab) is never written over; the page offers to reload keeping what was typed."""

from __future__ import annotations

from urllib.parse import quote

from selfassess.load.yaml_source import load_yaml_text
from tests.workspace.forms import as_data, form_fields, replaced

EXAMPLE = "assessments/example-homes-2025.yaml"


def _open(client, part: str):
    page = client.get(f"/edit/{quote(EXAMPLE)}?part={part}")
    return form_fields(page.text)


def _colleague_changes(folder, old: str, new: str) -> bytes:
    path = folder / EXAMPLE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path.read_bytes()


def test_a_save_after_the_file_changed_on_disk_is_refused_and_offers_to_keep_what_was_typed(client, folder):
    action, fields = _open(client, "1")
    theirs = _colleague_changes(folder, "organisation: Fenbrook Homes", "organisation: Fenbrook Homes Group")
    typed = replaced(fields, "responses/1.2/commentary", "Further work is needed to embed this across teams.")
    refused = client.post(action, data=as_data(typed))
    assert refused.status_code == 409
    assert "Not saved: the file changed since you opened it" in refused.text
    assert (folder / EXAMPLE).read_bytes() == theirs  # their change stands
    assert "<dt>1.2: Commentary</dt>" in refused.text and "Further work is needed" in refused.text
    assert "responses/1.3" not in refused.text  # only what this person changed is carried
    keep_action, kept = form_fields(refused.text, None)
    assert keep_action == f"/keep/{EXAMPLE}"
    reloaded = client.post(keep_action, data=as_data(kept))
    assert reloaded.status_code == 200
    assert "(typed here, not saved yet)" in reloaded.text
    action, fields = form_fields(reloaded.text)
    assert dict(fields)["responses/1.2/commentary"] == "Further work is needed to embed this across teams."
    saved = client.post(action, data=as_data(fields), follow_redirects=False)
    assert saved.status_code == 303
    data = load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data
    assert data["organisation"] == "Fenbrook Homes Group"  # theirs
    assert (
        data["responses"]["1.2"]["commentary"] == "Further work is needed to embed this across teams."
    )  # mine


def test_two_tabs_never_silently_overwrite_each_other(client, folder):
    _, first = _open(client, "6")
    action, second = _open(client, "6")
    done = client.post(
        action, data=as_data(replaced(first, "responses/6.3/answer", "Yes")), follow_redirects=False
    )
    assert done.status_code == 303
    refused = client.post(action, data=as_data(replaced(second, "responses/6.3/answer", "No")))
    assert refused.status_code == 409
    assert (
        load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data["responses"]["6.3"]["answer"]
        == "Yes"
    )


def test_the_live_check_says_when_the_file_changed_on_disk(client, folder):
    _, fields = _open(client, "1")
    _colleague_changes(folder, "organisation: Fenbrook Homes", "organisation: Fenbrook Homes Group")
    live = client.post(
        f"/check/{quote(EXAMPLE)}", data=as_data(replaced(fields, "responses/1.2/answer", "No"))
    )
    assert live.status_code == 200
    assert "The file has changed on disk since this page was read" in live.text


def test_reverting_to_the_file_as_it_was_is_offered_too(client, folder):
    action, fields = _open(client, "1")
    _colleague_changes(folder, "organisation: Fenbrook Homes", "organisation: Fenbrook Homes Group")
    refused = client.post(action, data=as_data(replaced(fields, "responses/1.2/answer", "No")))
    assert f'href="/edit/{EXAMPLE}?part=1">Reload the file without my changes</a>' in refused.text


def test_a_save_keeps_the_file_s_permissions(client, folder):
    path = folder / EXAMPLE
    path.chmod(0o640)
    action, fields = _open(client, "6")
    assert (
        client.post(
            action, data=as_data(replaced(fields, "responses/6.3/answer", "Yes")), follow_redirects=False
        ).status_code
        == 303
    )
    assert path.stat().st_mode & 0o777 == 0o640
