"""Safe by default: the token, the Host header, cross-site writes, and paths outside the folder.
Every write is refused unless it carries the token, comes from the workspace's own page with its
CSRF token, and names a file inside the folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from selfassess.workspace.app import make_app
from tests.workspace.conftest import ORIGIN
from tests.workspace.forms import as_data, form_fields

EXAMPLE = "assessments/example-homes-2025.yaml"
WRITES = [
    ("/new", {"code": "hos-chc-2024", "organisation": "X", "save_as": "assessments/x.yaml"}),
    ("/import", {"code": "hos-chc-2024", "save_as": "assessments/y.yaml"}),
    (f"/edit/{EXAMPLE}", {"organisation": "Taken over", "_version": "x", "_part": "details"}),
    (f"/keep/{EXAMPLE}", {"organisation": "Taken over"}),
    (f"/check/{EXAMPLE}", {"organisation": "Taken over", "_version": "x"}),
    (f"/publish/{EXAMPLE}", {"what": "form", "format": "html"}),
    (f"/next/{EXAMPLE}", {"assessed_on": "2026-05-20", "save_as": "assessments/z.yaml"}),
    (
        "/counterpart/assessments/westminster-2024.yaml",
        {"code": "lgsco-chc", "assessed_on": "2025-05-20", "save_as": "assessments/w.yaml"},
    ),
]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.parts
    }


def test_without_the_token_nothing_is_shown(folder, keys):
    stranger = TestClient(make_app(folder, keys), base_url=ORIGIN)
    for address in (
        "/",
        f"/edit/{EXAMPLE}",
        f"/publish/{EXAMPLE}",
        f"/next/{EXAMPLE}",
        "/counterpart/assessments/westminster-2024.yaml?code=lgsco-chc",
        f"/compare?old={EXAMPLE}&new=assessments/westminster-2024.yaml",
        "/summary",
        "/summary.xlsx",
        "/static/workspace.js",
    ):
        page = stranger.get(address)
        assert page.status_code == 403, address
        assert "Fenbrook" not in page.text
        assert "open that address" in page.text
    assert stranger.get("/?token=not-the-token").status_code == 403


def test_the_token_is_exchanged_for_a_strict_http_only_cookie(folder, keys):
    visitor = TestClient(make_app(folder, keys), base_url=ORIGIN)
    first = visitor.get(f"/edit/{EXAMPLE}?part=6&token={keys.token}", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == f"/edit/{EXAMPLE}?part=6"  # the token leaves the address bar
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"{keys.cookie}={keys.token};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert visitor.get(f"/edit/{EXAMPLE}?part=6").status_code == 200


def test_the_host_must_be_the_address_it_was_started_on(client):
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends its own Host."""
    for host in ("evil.example:8765", "evil.example", "127.0.0.1:9999", "192.168.1.5:8765"):
        page = client.get("/", headers={"host": host})
        assert page.status_code == 421, host
        assert "Fenbrook" not in page.text
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_every_response_forbids_scripts_from_elsewhere_framing_and_caching(client):
    for address in (
        "/",
        f"/edit/{EXAMPLE}",
        f"/publish/{EXAMPLE}",
        f"/next/{EXAMPLE}",
        f"/compare?old={EXAMPLE}&new=assessments/westminster-2024.yaml",
        "/summary",
        "/summary.css",
        "/summary.xlsx",
        "/static/workspace.css",
    ):
        headers = client.get(address).headers
        assert "script-src 'self'" in headers["content-security-policy"], address
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"


def _csrf(client) -> str:
    _, fields = form_fields(client.get("/").text, None)
    return dict(fields)["_csrf"]


@pytest.mark.parametrize(("address", "fields"), WRITES)
def test_a_write_without_the_csrf_token_is_refused(client, folder, address, fields):
    before = snapshot(folder)
    for sent in (fields, {**fields, "_csrf": "guessed"}):
        refused = client.post(address, data=sent)
        assert refused.status_code == 403, refused.text
        assert "did not come from one of the workspace's own pages" in refused.text.replace("&#39;", "'")
    assert snapshot(folder) == before


@pytest.mark.parametrize(("address", "fields"), WRITES)
def test_a_write_from_another_site_is_refused_even_with_the_cookie(client, folder, address, fields):
    before = snapshot(folder)
    sent = {**fields, "_csrf": _csrf(client)}
    for headers in (
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:9999"},
        {"origin": "", "referer": "https://evil.example/page"},
    ):
        refused = client.post(address, data=sent, headers=headers)
        assert refused.status_code == 403, (address, headers)
        assert "only be made from the workspace's own pages" in refused.text.replace("&#39;", "'")
    bare = TestClient(client.app, base_url=ORIGIN, cookies=client.cookies)  # no Origin, no Referer
    assert bare.post(address, data=sent).status_code == 403
    assert snapshot(folder) == before


def test_a_write_with_the_workspace_s_referer_and_no_origin_is_allowed(client, folder):
    bare = TestClient(client.app, base_url=ORIGIN, cookies=client.cookies, headers={"referer": f"{ORIGIN}/"})
    _, fields = form_fields(bare.get(f"/edit/{EXAMPLE}?part=details").text)
    fields = [(name, "Fenbrook Homes Ltd" if name == "organisation" else value) for name, value in fields]
    assert bare.post(f"/edit/{EXAMPLE}", data=as_data(fields), follow_redirects=False).status_code == 303
    assert "organisation: Fenbrook Homes Ltd" in (folder / EXAMPLE).read_text(encoding="utf-8")


@pytest.fixture
def outside(folder, tmp_path) -> Path:
    """A file beside the folder, and links inside the folder that lead to it."""
    secret = tmp_path / "secret.yaml"
    secret.write_text(
        "code: hos-chc-2024\norganisation: Someone else\nassessed_on: 2025-05-20\nresponses: {}\n"
    )
    os.symlink(secret, folder / "assessments" / "link-out.yaml")
    os.symlink(tmp_path, folder / "assessments" / "folder-out")
    return secret


PATHS_OUT = [
    "../secret.yaml",
    "assessments/../../secret.yaml",
    "%2e%2e/secret.yaml",
    "assessments/%2e%2e/%2e%2e/secret.yaml",
    "assessments/link-out.yaml",
    "assessments/folder-out/secret.yaml",
    "/etc/passwd",
    "%2Fetc%2Fpasswd.yaml",
    "..%5Csecret.yaml",
    ".git/config",
    "assessments/evidence/complaint-handling-training-2024-25.csv",
]


@pytest.mark.parametrize("path", PATHS_OUT)
def test_nothing_outside_the_folder_is_read(client, outside, path):
    for kind in ("edit", "publish", "next", "counterpart"):
        page = client.get(f"/{kind}/{path}")
        assert page.status_code == 404, (kind, path)
        assert "Someone else" not in page.text


@pytest.mark.parametrize("path", PATHS_OUT)
def test_nothing_outside_the_folder_is_written(client, folder, outside, path):
    before, secret = snapshot(folder), outside.read_bytes()
    csrf = _csrf(client)
    for kind in ("edit", "keep", "check", "publish", "next", "counterpart"):
        sent = {"_csrf": csrf, "organisation": "Taken over", "_version": "x", "_part": "details"}
        sent |= {"assessed_on": "2026-05-20", "save_as": "assessments/taken.yaml", "code": "lgsco-chc"}
        assert client.post(f"/{kind}/{path}", data=sent).status_code == 404, (kind, path)
    assert snapshot(folder) == before and outside.read_bytes() == secret


@pytest.mark.parametrize(
    "name",
    [
        "../escape.yaml",
        "assessments/../../escape.yaml",
        "/tmp/escape.yaml",
        str(Path.home() / "escape.yaml"),
        "assessments/folder-out/escape.yaml",
        "assessments/link-out.yaml",
        "..\\escape.yaml",
        "C:/escape.yaml",
        ".hidden/escape.yaml",
    ],
)
def test_a_new_file_is_only_ever_written_inside_the_folder(client, folder, outside, name):
    before = snapshot(folder)
    made = client.post(
        "/new", data={"_csrf": _csrf(client), "code": "hos-chc-2024", "organisation": "X", "save_as": name}
    )
    assert made.status_code == 422
    carried = client.post(
        f"/next/{EXAMPLE}", data={"_csrf": _csrf(client), "assessed_on": "2026-05-20", "save_as": name}
    )
    assert carried.status_code == 422
    assert snapshot(folder) == before
    assert not (outside.parent / "escape.yaml").exists() and not Path("/tmp/escape.yaml").exists()


def test_user_text_is_shown_escaped_and_runs_nothing(client, folder):
    path = folder / EXAMPLE
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "organisation: Fenbrook Homes", "organisation: \"<script>alert('org')</script> Fenbrook\""
    )
    text = text.replace(
        "      Our Complaints Policy uses the Code's definition",
        "      <img src=x onerror=alert(1)> [click me](javascript:alert(2)) Our Complaints Policy uses the Code's definition",
    )
    path.write_text(text, encoding="utf-8")
    for address in ("/", f"/edit/{EXAMPLE}?part=1", f"/edit/{EXAMPLE}?part=details", f"/publish/{EXAMPLE}"):
        page = client.get(address).text
        assert "<script>alert" not in page and "<img src=x" not in page, address
    page = client.get(f"/edit/{EXAMPLE}?part=1").text
    assert (
        "&lt;img src=x onerror=alert(1)&gt; [click me](javascript:alert(2))" in page
    )  # as typed, in its box
