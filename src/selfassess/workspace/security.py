"""What keeps the workspace to the person who started it (docs/complaints-managers.md says why).

- The Host header must name the address it was started on, so a web page elsewhere cannot reach
  it through a name that points at this computer (DNS rebinding).
- Every request needs the token: the address `serve` prints carries it once, and the first visit
  exchanges it for a cookie only this site's own pages send (HttpOnly, SameSite=Strict).
- Every write must come from the workspace's own pages: its Origin (or, failing that, Referer)
  must be the workspace's, and the form must carry the run's CSRF token (checked where the form
  is read, in `posted`).
- Every response forbids scripts and styles from anywhere else, framing, and caching.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from markupsafe import escape
from starlette.datastructures import FormData, Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_FIELD = "_csrf"
MAX_UPLOAD = 20 * 1024 * 1024  # the most selfassess reads of any one file
_UNSAFE_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))
_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


@dataclass(frozen=True)
class Keys:
    """The secrets of one run, and the addresses it answers at."""

    token: str
    csrf: str
    hosts: frozenset[str]  # host:port, as a browser sends it in the Host header
    origins: frozenset[str]  # scheme://host:port
    cookie: str
    secure: bool  # reached through https (behind a proxy): the cookie is sent over https only

    @classmethod
    def made(cls, addresses: Iterable[str], port: int, secure: bool = False) -> Keys:
        """New secrets for a run answering at each of `addresses` (base addresses such as
        http://127.0.0.1:8765 or https://complaints.example.org); `secure` where people reach it
        through https, so the cookie is never sent without it."""
        origins = {address.rstrip("/") for address in addresses}
        hosts = {urlsplit(origin).netloc.lower() for origin in origins}
        return cls(
            token=secrets.token_urlsafe(24),
            csrf=secrets.token_urlsafe(24),
            hosts=frozenset(hosts),
            origins=frozenset(origins),
            cookie=f"selfassess-{port}",
            secure=secure,
        )


def _same(given: str, secret: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


_HEADINGS = {403: "Not allowed", 404: "Not found", 421: "Not allowed"}


def _refusal(status: int, sentence: str) -> Response:
    heading = _HEADINGS.get(status, "Not done")
    back = "" if status in (403, 421) else '<p><a href="/">Back to the list of assessments</a></p>'
    page = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>selfassess workspace</title>'
        '<link rel="stylesheet" href="/static/workspace.css"></head><body><main>'
        f"<h1>{heading}</h1><p>{escape(sentence)}</p>{back}</main></body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=_HEADERS)


class Guard:
    """ASGI middleware: the host, the token and the origin of every request, before any page."""

    def __init__(self, app: ASGIApp, keys: Keys) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self._refused(scope)
        if refused is not None:
            await refused(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)

    def _refused(self, scope: Scope) -> Response | None:
        keys = self.keys
        headers = Headers(scope=scope)
        if headers.get("host", "").lower() not in keys.hosts:
            return _refusal(
                421,
                "This workspace answers only at the address selfassess serve printed; open that address.",
            )
        request = Request(scope)
        token = request.query_params.get("token")
        if token is not None:
            if not _same(token, keys.token):
                return _refusal(
                    403,
                    "That address's token is not this workspace's; "
                    "open the address selfassess serve printed.",
                )
            return self._signed_in(request)
        cookie = request.cookies.get(keys.cookie, "")
        if not _same(cookie, keys.token):
            return _refusal(
                403,
                "This workspace opens only from the address selfassess serve printed in its terminal "
                "(it carries a token); open that address.",
            )
        if request.method in _UNSAFE_METHODS and not self._from_here(headers):
            return _refusal(403, "A change can only be made from the workspace's own pages.")
        return None

    def _signed_in(self, request: Request) -> Response:
        """The token exchanged for the cookie, and the address shown without it."""
        query = urlencode(
            [(key, value) for key, value in request.query_params.multi_items() if key != "token"]
        )
        target = request.url.path + (f"?{query}" if query else "")
        response = RedirectResponse(target, status_code=303, headers={"cache-control": "no-store"})
        response.set_cookie(
            self.keys.cookie,
            self.keys.token,
            httponly=True,
            samesite="strict",
            secure=self.keys.secure,
            path="/",
        )
        return response

    def _from_here(self, headers: Headers) -> bool:
        origin = headers.get("origin")
        if origin is not None:
            return origin.rstrip("/") in self.keys.origins
        referer = headers.get("referer")
        if referer is not None:
            parts = urlsplit(referer)
            return f"{parts.scheme}://{parts.netloc}" in self.keys.origins
        return False


class Refused(Exception):
    """A request the workspace will not do: its status and one sentence."""

    def __init__(self, status: int, sentence: str) -> None:
        super().__init__(sentence)
        self.status = status
        self.sentence = sentence


async def posted(request: Request, keys: Keys) -> FormData:
    """The form a write sends, once its CSRF token is checked (every write reads its form here)."""
    try:
        form = await request.form(max_files=1, max_fields=20_000, max_part_size=MAX_UPLOAD)
    except Exception:  # a form the parser cannot read: too big, cut off, not a form at all
        raise Refused(
            400, "The page sent something the workspace could not read; reload the page and try again."
        ) from None
    given = form.get(CSRF_FIELD)
    if not isinstance(given, str) or not _same(given, keys.csrf):
        raise Refused(
            403, "This change did not come from one of the workspace's own pages, so it was not made."
        )
    return form


def refusal(error: Refused) -> Response:
    return _refusal(error.status, error.sentence)
