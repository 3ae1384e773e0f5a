"""find_admissions on realistic commentary: what admits a shortfall, and what only sounds like it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess.text.admissions import _compiled, find_admissions
from selfassess.text.cues import CUES

# (sentence, the phrase it must be reported with)
ADMITS = [
    # Families of real text, in words of our own: work left, plans in other forms, frequency
    ("We still have work to do on record keeping.", "have work to do"),
    ("Response times have been an area of concern.", "an area of concern"),
    ("This is an area we are working to improve.", "are working to improve"),
    ("Work is under way to update the policy.", "Work is under way"),
    ("Further training is planned for the contact centre.", "is planned"),
    ("A new case management system is due to go live in March.", "due to go live"),
    ("We aim to have a new policy in place by April.", "aim to have a new policy in place"),
    ("We will introduce a dedicated complaints team next year.", "We will introduce"),
    (
        "We are reviewing the policy to bring it into line with the Code.",
        "are reviewing the policy to bring it into line with the Code",
    ),
    ("Responses are usually sent within 10 working days.", "usually sent within"),
    ("Stage 2 responses are sometimes sent late.", "are sometimes sent late"),
    (
        "We occasionally miss the 5 working day acknowledgement target.",
        "miss the 5 working day acknowledgement target",
    ),
    ("This is not always the case.", "is not always the case"),
    ("Compliance with this requirement is partial.", "Compliance with this requirement is partial"),
    ("Our website does not currently explain how to escalate.", "does not currently explain"),
    (
        "Some residents have not received the level of service they expect.",
        "have not received the level of service",
    ),
    (
        "16 out of 20 improvement actions have been completed.",
        "16 out of 20 improvement actions have been completed",
    ),
    # An item of a list of changes ("We will:"), a change to the landlord's own documents
    ("update the definition of a complaint in our policy.", "update the definition"),
    ("Review our team structure to give the complaints officer more authority.", "Review our team structure"),
    # A passage quoted whole, opening the sentence and not closed in it, is read as it stands
    (
        "“The board accepts that residents have not received the service they should have.",
        "have not received the service",
    ),
    # A total, then the part of it on time in the next clause: the rest were late.
    (
        "Of the 40 stage 2 reviews, 35 were completed within the timescale.",
        "Of the 40 stage 2 reviews, 35 were completed within",
    ),
    (
        "All 12 escalated complaints were closed by the year end; with 9 answered on time.",
        "All 12 escalated complaints were closed by the year end; with 9 answered on time",
    ),
    (
        "Of last year's recommendations, 80% have been implemented.",
        "recommendations, 80% have been implemented",
    ),
    ("Residents will see improvements in response times next year.", "will see improvements"),
    (
        "The majority of stage 1 complaints were answered on time.",
        "The majority of stage 1 complaints were answered on time",
    ),
    ("Most of our responses now include the escalation route.", "Most of our responses now include"),
    ("We met the target in three of the four quarters.", "met the target in three of the four quarters"),
    ("The new policy is still to be approved.", "is still to be approved"),
    ("Some actions remain outstanding.", "remain outstanding"),
    ("Two stage 2 responses were sent after the deadline.", "sent after the deadline"),
    ("We are not there yet.", "are not there yet"),
    (
        "The self-assessment will be presented to the Board for the first time in July.",
        "will be presented to the Board",
    ),
    # Targets and timescales
    ("We know that our performance in this area was below target.", "below target"),
    ("We know that timeliness of response has been well below target.", "below target"),
    ("Stage 1 performance was below our target of 90% for most of the year.", "below our target"),
    ("Acknowledgements remained below the 95% target in Q2.", "below the 95% target"),
    ("Stage 2 response times: below target in Q3 and Q4.", "below target"),
    ("Stage 2 response times are currently off target.", "off target"),
    ("Our stage 2 response times fell short of the Code's 20 working days.", "fell short"),
    ("We did not meet our target for stage 1 responses in Q3.", "did not meet our target"),
    ("The target was not met in 2023/24.", "target was not met"),
    ("Our target response time has not always been met.", "has not always been met"),
    ("We missed the acknowledgement deadline on 14 complaints.", "missed the acknowledgement deadline"),
    ("Some deadlines were missed during the move to the new CRM.", "deadlines were missed"),
    (
        "Unfortunately 30% of stage 2 responses were issued outside the timescale.",
        "30% of stage 2 responses were issued outside the timescale",
    ),
    ("Three stage 1 responses were late in March.", "were late"),
    ("Stage 2 responses were sent late in a third of cases.", "were sent late"),
    (
        "The service does not currently meet the five working day acknowledgement target.",
        "does not currently meet",
    ),
    # Consistency
    (
        "We recognise that residents are not consistently and proactively updated on delays.",
        "not consistently",
    ),
    (
        "We did not consistently achieve this, particularly from Autumn 2023 to Spring 24.",
        "did not consistently achieve",
    ),
    ("We didn't consistently log complaints received by phone.", "didn't consistently log"),
    ("In 2023/24 the timeliness of our acknowledgements was inconsistent.", "inconsistent"),
    ("Record keeping across the repairs teams has been inconsistent.", "inconsistent"),
    ("Residents are not always kept informed when their complaint is delayed.", "are not always kept"),
    ("Acknowledgement letters are not always sent within five working days.", "are not always sent"),
    # Cannot, unable, failed
    (
        "Due to meetings schedules we cannot currently approve and publish this by 30 June 2024.",
        "cannot currently",
    ),
    ("Our case management system can't currently record reasonable adjustments.", "can't currently"),
    ("We are unable to report on service requests until the new CRM goes live.", "are unable to"),
    ("We have been unable to recruit a second complaints officer.", "have been unable to"),
    ("We have not been able to meet the 10 working day target for stage 2.", "have not been able to"),
    ("We are not able to offer complaints by webchat at present.", "are not able to"),
    ("We failed to respond to 12 stage 2 complaints within 20 working days.", "failed to"),
    # Not in place, not yet, only in part
    (
        "A corporate policy on dealing with unreasonable behaviour will be developed over 2024/25.",
        "will be developed",
    ),
    (
        "A formal process for reviewing contact restrictions will be put in place by March 2025.",
        "will be put in place",
    ),
    ("A Member Responsible for Complaints is not yet in place.", "is not yet in place"),
    ("A complaints training programme for contractors is not in place.", "is not in place"),
    ("The annual self-assessment has not yet been approved by the Board.", "has not yet been approved"),
    ("Our complaints policy is not yet published on the website.", "is not yet"),
    ("We have yet to appoint a Member Responsible for Complaints.", "have yet to"),
    ("The housing unreasonable behaviour procedure is yet to be updated.", "is yet to be updated"),
    ("Our complaints procedure is not fully embedded across all teams.", "not fully"),
    ("We are not fully compliant with the requirement to publish by 30 June.", "not fully compliant"),
    ("This provision is only partially met at present.", "only partially met"),
    ("We partially comply with this requirement.", "partially comply"),
    ("Our stage 2 process is not currently compliant with the Code.", "is not currently compliant"),
    ("We do not currently record disabilities that residents disclose.", "do not currently record"),
    ("Our policy doesn't currently cover contact restrictions.", "doesn't currently cover"),
    # Work to do
    ("Further work is needed to embed the learning framework across housing.", "Further work is needed"),
    # Plans for what is still to exist, in any grammatical form (real landlords' text taught these)
    ("Reporting on outstanding actions is being developed.", "is being developed"),
    ("Housing procedures will be updated once the corporate policy is agreed.", "will be updated"),
    ("The policy is to be revised to include the Code's definition.", "is to be revised"),
    ("This will be picked up in training for all new starters.", "will be picked up"),
    # Remaining work, hedges and figures
    ("There is still some way to go before every team logs complaints the same day.", "still some way to go"),
    ("We recognise the need to improve response times at stage 2.", "recognise the need to"),
    ("In most cases we respond within 10 working days.", "In most cases"),
    ("Not every team has completed the complaint handling training.", "Not every"),
    ("One requirement we do not yet meet is a single complaints policy.", "do not yet meet"),
    ("Residents are not currently consulted on changes to the policy.", "are not currently consulted"),
    (
        "81% of stage 1 responses were sent within 10 working days.",
        "81% of stage 1 responses were sent within 10 working days",
    ),
    ("In 2023/24 9 cases were closed outside target.", "were closed outside target"),
    ("More work is required to make sure remedies are followed through.", "More work is required"),
    ("There is room for improvement in how we record outcomes.", "room for improvement"),
    ("Our record keeping needs to improve.", "needs to improve"),
    ("The rollout of the new CRM is behind schedule.", "is behind schedule"),
    # Delays and backlogs
    ("There have been some delays in responding to stage 2 complaints.", "There have been some delays"),
    ("Residents experienced significant delays over the winter.", "experienced significant delays"),
    ("We are working to clear a backlog of stage 2 complaints that built up over the winter.", "backlog"),
    ("There is currently a backlog of 40 stage 1 complaints.", "backlog"),
    ("Our audit identified inconsistencies in how remedies were recorded.", "inconsistencies"),
    # Semi-structured notes and lists
    ("Evidence: policy. Commentary: acknowledgement times were inconsistent in 2023.", "inconsistent"),
    ("- Stage 1 acknowledgements: on time\n- Stage 2 responses: well below target", "below target"),
]

# Sentences that only sound like admissions.
ADMITS_NOTHING = [
    # Imperatives that are procedures or routines, not items of a list of changes to come
    "Review the policy annually and report the outcome to the board.",
    "Acknowledge the complaint within five working days.",
    "Update the resident on progress every ten working days.",
    "Establish a method of recording time spent on each complaint.",
    # A condition in the clause before ("and should any fall short, we must improve")
    "We monitor response times weekly, and should any fall short, we must improve them.",
    "Responses are checked weekly, and if a target is missed, we must improve.",
    # A total and its parts, none of them a part on time
    "Of the 30 stage 1 complaints, 12 were upheld and all were answered within 10 working days.",
    "Of the 20 complaints, 5 were about repairs and all were answered within 10 working days.",
    "All 8 stage 2 complaints were answered within 20 working days.",
    # Negation
    "We have no backlog of stage 1 complaints.",
    "We do not have a backlog of complaints at any stage.",
    "This has never been a problem for our service.",
    "We consistently meet the 10 working day target.",
    "There have been no delays in acknowledging complaints this year.",
    "We are not aware of any delays in responding to complaints.",
    "We not only meet the target but exceed it in most months.",
    "We do not tolerate delays in responding to residents.",
    "All complaints are led directly by the Council, none are handled by a third party.",
    "No deadlines were missed in 2023/24.",
    "None of our stage 2 responses were late.",
    "We never miss the five working day acknowledgement target.",
    "We aim to ensure that responses are never late.",
    # Improvements under way and plans
    "We are also developing reporting mechanisms to ensure there is Senior Leadership Team "
    "oversight of recorded commitments.",
    "We are also developing mechanisms to report outstanding actions to the Senior Leadership "
    "Team on a regular basis.",
    "Our new CRM system will improve information about themes and learning.",
    "An annual housing complaints report will be presented to Housing and Regeneration Policy "
    "and Scrutiny Committee.",
    "Our 2023-24 report will be published in autumn 2024 and it will cover all the requirements "
    "of the new Code.",
    "Our learning framework will be reviewed in 2025.",
    "We have developed a new CRM system to increase visibility of complaints.",
    "We have made a number of changes to our processes to make sure we improve in this area.",
    "Performance in relation to timeliness has improved considerably in Q1.",
    # A target that is a ceiling: fewer complaints than the most expected is no shortfall
    "Complaints per 1,000 homes were below our target of 40 for the year.",
    # Conditions, procedures and rules
    "This information is shared in holding responses when we have not been able to meet our "
    "target response times.",
    "Only complaints that cannot be considered within the remit of the complaints policy are not escalated.",
    "Our procedure makes it clear how we should clarify any aspects of the complaint where these "
    "are unclear.",
    "If a landlord is unable to comply with the Code due to exceptional circumstances, it must "
    "inform the Ombudsman.",
    "Where a response will fall outside the timescales, we agree update intervals with the resident.",
    "Where performance falls short of target, the director agrees an action plan.",
    "If the resident is not fully satisfied with the stage 1 response, they can escalate it.",
    "A full response is provided even if outstanding actions are not yet completed.",
    "Senior managers review any complaints that are below target each week.",
    "We monitor performance weekly to ensure deadlines are not missed.",
    "We take action to avoid a backlog building up.",
    "To avoid inconsistent responses, all letters are checked by a manager.",
    "We may be unable to respond within 10 working days where a complaint is complex.",
    "It would be inconsistent with the Code to have a stage 0.",
    "We are unable to accept complaints about matters that are subject to legal proceedings.",
    "Complaints not fully resolved at stage 1 are escalated to stage 2.",
    "While we do not fully agree with the recommendation, we will consider it.",
    "Any delays in responding are explained to the resident with a new date.",
    # Other people, not the landlord
    "Residents who are unable to complain in writing can call us or visit a housing office.",
    "Low complaint volumes are potentially a sign that residents are unable to complain.",
    "Previously the contractor failed to attend, which led to the complaint being upheld.",
    # Nothing has happened that needed doing
    "We have not yet had any complaints that needed a contact restriction.",
    "We have not yet received a complaint through a representative.",
    "We have yet to receive a complaint of this kind.",
    "We do not currently use contractors to handle complaints.",
    "We do not currently have any restrictions on contact in place.",
    "We do not currently receive complaints through social media.",
    # A negation between the verb and the admitting words
    "Our stage 1 performance was not below target in any quarter.",
    "Stage 2 responses were never late in 2023/24.",
    "We have never missed the five working day acknowledgement target.",
    "Our responses were not outside the timescale at any point.",
    "At no point were we below target.",
    # Procedures and notes that name a shortfall without admitting one
    "Our quality assurance framework checks responses for inconsistencies.",
    "Backlog: none.",
    "Our reporting will be developed further as the new CRM beds in.",
    # Past problems since put right; words that only look alike
    "We cleared the backlog of stage 2 complaints in January 2024.",
    "The backlog that built up in 2022 has now been cleared.",
    "Complaints can be upheld, partially upheld or not upheld.",
    "The complaints team has not always been this large.",
    "Complaints are not always straightforward, so we agree the complaint definition first.",
    "The policy was approved in late 2023.",
    "Remedies are not only financial but can include an apology.",
    # Routines, not plans; a key to outcomes; what a report covers
    "Regular refresher sessions are scheduled for all complaint handlers.",
    "Quality checks are scheduled every quarter.",
    "We will appoint an investigator to your complaint.",
    "We will appoint an independent investigator for stage 2 complaints.",
    "We will set up a meeting with you to discuss your complaint.",
    "We will implement any remedy within 5 working days.",
    "We will create a case record for every complaint.",
    "A call back is scheduled within one working day.",
    "Training is scheduled for all new starters.",
    "We asked residents which was their main area of concern.",
    "Most complaints are resolved at stage 1.",
    "Most residents who responded were satisfied.",
    "No actions remain outstanding.",
    "We met the target in every quarter.",
    "We will review the policy annually and update it where the law changes.",
    "The policy was revised in 2024 to bring it into line with the Code.",
    "Upheld – the service did not meet the standard we expect.",
    "The report covers both our successes and areas for improvement.",
    "Residents can raise any area of concern with their housing officer.",
    "All 20 improvement actions have been completed.",
    "100% of the recommendations have been implemented.",
    "Performance reports will be presented to the Board every quarter.",
    "Your complaint will be presented to the panel.",
    # Questions and quotations
    "Is performance below target? The panel asks this each month.",
    'Our policy repeats the Code: "a landlord that is unable to comply must tell the Ombudsman".',
]


@pytest.mark.parametrize(("text", "phrase"), ADMITS)
def test_admits(text: str, phrase: str) -> None:
    assert [admission.phrase for admission in find_admissions(text)] == [phrase]


@pytest.mark.parametrize("text", ADMITS_NOTHING)
def test_admits_nothing(text: str) -> None:
    assert find_admissions(text) == []


@pytest.mark.parametrize("form", CUES, ids=lambda form: form.example[:40])
def test_every_form_catches_its_own_example(form) -> None:
    assert find_admissions(form.example)


@pytest.mark.parametrize(
    ("form", "compiled"),
    [(form, _compiled(index)) for index, form in enumerate(CUES)],
    ids=[form.example[:40] for form in CUES],
)
def test_a_form_needs_the_words_it_matches(form, compiled) -> None:
    # The quick word test before each pattern must never hide a sentence the pattern would match.
    pattern, needs = compiled[0], form.needs
    for sentence in [form.example, *(text for text, _ in ADMITS), *ADMITS_NOTHING]:
        if pattern.search(sentence):
            assert any(word in sentence.lower() for word in needs), sentence


def test_tables_are_broad() -> None:
    assert len(ADMITS) >= 40 and len(ADMITS_NOTHING) >= 40


def test_the_phrase_is_in_the_sentence_as_written() -> None:
    text = "Our policy is clear. WE KNOW THAT PERFORMANCE WAS BELOW TARGET. All else is fine."
    (admission,) = find_admissions(text)
    assert admission.phrase == "BELOW TARGET"
    assert admission.sentence.text == "WE KNOW THAT PERFORMANCE WAS BELOW TARGET."
    assert admission.phrase in text[admission.sentence.start : admission.sentence.end]


def test_one_admission_per_phrase_and_each_sentence_separately() -> None:
    text = (
        "Stage 1 responses were below target. Stage 2 acknowledgements were inconsistent.\n\n"
        "- A policy on unreasonable behaviour will be developed.\n"
        "- We have no backlog."
    )
    found = [(a.sentence.text, a.phrase) for a in find_admissions(text)]
    assert found == [
        ("Stage 1 responses were below target.", "below target"),
        ("Stage 2 acknowledgements were inconsistent.", "inconsistent"),
        ("A policy on unreasonable behaviour will be developed.", "will be developed"),
    ]


@given(st.text())
def test_never_raises(text: str) -> None:
    for admission in find_admissions(text):
        assert admission.phrase
        assert admission.phrase in admission.sentence.text


@given(
    st.lists(
        st.sampled_from(
            [form.example for form in CUES]
            + ADMITS_NOTHING[:10]
            + [" ", "\n", "\n\n", "- ", "* ", "**", "_", "if ", "not ", "no ", '"', "(", ")", "?", ". "]
        )
    ).map("".join)
)
def test_never_raises_on_commentary_like_text(text: str) -> None:
    for admission in find_admissions(text):
        assert admission.phrase in admission.sentence.text
