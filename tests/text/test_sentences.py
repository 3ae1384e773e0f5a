"""split_sentences on commentary as complaints managers write it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from selfassess.text.sentences import Sentence, split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def words_map_back(text: str, sentence: Sentence) -> bool:
    written = text[sentence.start : sentence.end]
    return all(word in written for word in re.findall(r"\w+", sentence.text))


def test_sentences_and_their_offsets() -> None:
    text = "  We triage all complaints. Is it a complaint?  Yes!\n"
    assert split_sentences(text) == [
        Sentence("We triage all complaints.", 2, 27),
        Sentence("Is it a complaint?", 28, 46),
        Sentence("Yes!", 48, 52),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Complaints via a third party (e.g. a contractor) are ours. We log them.",
            ["Complaints via a third party (e.g. a contractor) are ours.", "We log them."],
        ),
        (
            "Some channels, e.g. Webchat, are new. Others are not.",
            ["Some channels, e.g. Webchat, are new.", "Others are not."],
        ),
        (
            "Stage 1 means the first stage, i.e. The Council's response. It is final at stage 2.",
            ["Stage 1 means the first stage, i.e. The Council's response.", "It is final at stage 2."],
        ),
        (
            "We accept letters, emails etc. and log them all.",
            ["We accept letters, emails etc. and log them all."],
        ),
        (
            "We accept letters, emails, calls etc. We log them all.",
            ["We accept letters, emails, calls etc.", "We log them all."],
        ),
        (
            "Cllr. Smith is the MRC. Dr. Patel chairs the panel. Mr. Jones attends.",
            ["Cllr. Smith is the MRC.", "Dr. Patel chairs the panel.", "Mr. Jones attends."],
        ),
        (
            "This is recommendation No. 5 of the review. The answer was No. We disagreed.",
            ["This is recommendation No. 5 of the review.", "The answer was No.", "We disagreed."],
        ),
        (
            "The office is on St. John's Wood Road. It is open daily.",
            ["The office is on St. John's Wood Road.", "It is open daily."],
        ),
        (
            "The report was signed by Cllr A. Patel. It was published.",
            ["The report was signed by Cllr A. Patel.", "It was published."],
        ),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_numbers_dates_times_and_money() -> None:
    text = (
        "Satisfaction rose 2.5% in Q1. The committee met on 22/10/2024 at 18.30 and again at "
        "6.30 pm. Compensation paid in 23/24 was £1.5m. Stage 2 took 14.5 days on average."
    )
    assert texts(text) == [
        "Satisfaction rose 2.5% in Q1.",
        "The committee met on 22/10/2024 at 18.30 and again at 6.30 pm.",
        "Compensation paid in 23/24 was £1.5m.",
        "Stage 2 took 14.5 days on average.",
    ]


def test_urls_and_email_addresses() -> None:
    text = (
        "The policy is at https://www.westminster.gov.uk/about-council/complaints. Residents can "
        "email complaints@westminster.gov.uk. See www.example.org.uk/a.b?c=1 for more."
    )
    assert texts(text) == [
        "The policy is at https://www.westminster.gov.uk/about-council/complaints.",
        "Residents can email complaints@westminster.gov.uk.",
        "See www.example.org.uk/a.b?c=1 for more.",
    ]


def test_quotations() -> None:
    text = (
        'The Council shared a "You Said, We Did" on the feedback. Our letters say "We are sorry." '
        "Then they explain the remedy. The 'dispute resolution' module is used."
    )
    assert texts(text) == [
        'The Council shared a "You Said, We Did" on the feedback.',
        'Our letters say "We are sorry."',
        "Then they explain the remedy.",
        "The 'dispute resolution' module is used.",
    ]


def test_each_bullet_is_its_own_sentence() -> None:
    text = (
        "Complaints can be made:\n"
        "- by phone\n"
        "* by email. We reply by email too.\n"
        "• in person\n"
        "1. online\n"
        "a) through an advocate\n"
        "(b) through a councillor,\n"
        "   who passes it on\n"
        "+ by letter"
    )
    assert texts(text) == [
        "Complaints can be made:",
        "by phone",
        "by email.",
        "We reply by email too.",
        "in person",
        "online",
        "through an advocate",
        "through a councillor, who passes it on",
        "by letter",
    ]


def test_bullets_written_inline_by_a_pdf() -> None:
    text = "Staff are responsible for: • working collaboratively • Acting in accordance."
    assert texts(text) == [
        "Staff are responsible for:",
        "working collaboratively",
        "Acting in accordance.",
    ]


def test_line_breaks_inside_a_paragraph_are_spaces() -> None:
    text = "Our complaints policy sets out\nthat all complaints are answered within\n10 working days."
    (sentence,) = split_sentences(text)
    assert sentence.text == (
        "Our complaints policy sets out that all complaints are answered within 10 working days."
    )
    assert (sentence.start, sentence.end) == (0, len(text))


def test_a_wrapped_line_starting_with_a_year_is_not_a_list() -> None:
    assert texts("The report was published in October\n2024. It was discussed.") == [
        "The report was published in October 2024.",
        "It was discussed.",
    ]


def test_paragraphs_and_run_on_text() -> None:
    text = (
        "Our definition is consistent with this wording We refer to our policy throughout\n\n"
        "this self- assessment"
    )
    assert texts(text) == [
        "Our definition is consistent with this wording We refer to our policy throughout",
        "this self- assessment",
    ]


def test_semi_structured_notes() -> None:
    assert texts("Evidence: policy. Commentary: we log every complaint.") == [
        "Evidence: policy.",
        "Commentary: we log every complaint.",
    ]
    assert texts("Evidence: complaints policy\nCommentary: we log every complaint") == [
        "Evidence: complaints policy",
        "Commentary: we log every complaint",
    ]


def test_headings_and_table_rows() -> None:
    text = (
        "## Stage 1\n"
        "We respond in 10 working days.\n\n"
        "| Stage | Target |\n"
        "|-------|--------|\n"
        "| 1 | 10 working days. |\n"
        "| 2 | 20 working days |\n"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Stage 1",
        "We respond in 10 working days.",
        "Stage | Target",
        "1 | 10 working days.",
        "2 | 20 working days",
    ]
    assert text[sentences[3].start : sentences[3].end] == "| 1 | 10 working days. |"


def test_markup_is_stripped_from_the_text_but_not_the_offsets() -> None:
    text = (
        "> **Note.** We *always* log `stage 1` complaints on the [CRM](https://crm.example/x.y). "
        "See <https://example.org>.\n> It is <u>checked</u> weekly."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Note.",
        "We always log stage 1 complaints on the CRM.",
        "See https://example.org.",
        "It is checked weekly.",
    ]
    assert text[sentences[0].start : sentences[0].end] == "**Note.**"
    assert all(words_map_back(text, sentence) for sentence in sentences)


def test_a_rule_and_empty_markers_give_no_sentences() -> None:
    assert texts("---\n\n- \n\n***\n\n#\n") == []
    assert split_sentences("") == []


def test_westminster_commentary() -> None:
    path = Path(__file__).parent / "westminster_commentary.yaml"
    commentary = yaml.safe_load(path.read_text(encoding="utf-8"))
    total = 0
    for text in commentary.values():
        sentences = split_sentences(text)
        total += len(sentences)
        for sentence in sentences:
            assert words_map_back(text, sentence)
            assert text[sentence.start : sentence.end].replace("\n", " ") == sentence.text
    assert total == 165
    assert texts(commentary["6.11"]) == [
        "This is set out in our policy.",
        "We know that in 2023/24 we did not have a separate target timescale to acknowledge "
        "complaints and did not consistently achieve this, particularly from Autumn 2023 to "
        "Spring 24.",
        "We have made significant changes to our processes, procedures and systems to improve in this area.",
    ]
    assert len(texts(commentary["9.8"])) == 4


def check_offsets(text: str, sentences: list[Sentence]) -> None:
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert sentence.text and sentence.text == " ".join(sentence.text.split())
        previous_end = sentence.end


@given(st.text())
def test_never_raises_and_offsets_are_ordered_and_in_bounds(text: str) -> None:
    check_offsets(text, split_sentences(text))


FRAGMENTS = [
    "We log complaints",
    "e.g.",
    "No. 5",
    "Cllr.",
    "2.5",
    "18.30",
    "£1.5m",
    "6.30 pm",
    "Q1",
    "https://www.westminster.gov.uk/a.b",
    "a@b.gov.uk",
    "etc.",
    '"We said."',
    "(see 2.1)",
    ". ",
    "? ",
    "! ",
    " ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "• ",
    "1. ",
    "a) ",
    "# ",
    "| ",
    "> ",
    "**",
    "_",
    "`",
    "<u>",
    "</u>",
    "[link](x.y)",
    "Evidence: ",
    "Stage 2",
    "…",
    "---",
]


@given(st.lists(st.sampled_from(FRAGMENTS)).map("".join))
def test_commentary_like_text_maps_back(text: str) -> None:
    sentences = split_sentences(text)
    check_offsets(text, sentences)
    for sentence in sentences:
        written = text[sentence.start : sentence.end]
        assert written == written.strip()
