"""A page's form read as a browser would send it, untouched: every field with the value it shows."""

from __future__ import annotations

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.action = ""
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._selected: list[str] = []
        self._first_option: str | None = None
        self._option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form" and (self.form_id is None or found.get("id") == self.form_id) and not self.action:
            self.inside, self.action = True, found.get("action", "")
        if not self.inside:
            return
        name = found.get("name")
        if tag == "input" and name and "disabled" not in found:
            kind = found.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in found:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append((name, found.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._selected, self._first_option = name, [], None
        elif tag == "option" and self._select is not None:
            value = found.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in found:
                self._selected.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = self._selected or ([self._first_option] if self._first_option is not None else [])
            self.fields += [(self._select, value) for value in chosen]
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)


def form_fields(html: str, form_id: str | None = "editor") -> tuple[str, list[tuple[str, str]]]:
    """(the form's action, its fields as (name, value) in page order) of the form `form_id`."""
    reader = _Form(form_id)
    reader.feed(html)
    return reader.action, reader.fields


def replaced(fields: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    """The fields with `name` given `value` (the first of that name; added if absent)."""
    done = False
    out = []
    for field_name, field_value in fields:
        if field_name == name and not done:
            out.append((name, value))
            done = True
        else:
            out.append((field_name, field_value))
    return out if done else [*out, (name, value)]


def as_data(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The fields as the test client sends a form: each name with its values, in page order."""
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data
