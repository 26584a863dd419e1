"""Disclosure decisions: a yes says to whom, what, by whom, how and by when (MAPPA Guidance ch.10)."""

import uuid
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.services import load_demo
from mappa.disclosures import rules
from mappa.disclosures.models import DisclosureDecision
from mappa.disclosures.services import decisions as services
from mappa.people.models import Nominal

TODAY = date(2026, 11, 21)
TESTS = {name: f"Why it is {name}" for name in rules.TESTS}
COMPLETE = {
    "decision": "disclose",
    "rationale": "Necessary to protect the children; proportionate",
    "recipient": "Ms A, new partner",
    "what_to_disclose": "Conviction for sexual assault of a child (2019)",
    "risk_protected_against": "Sexual harm to her children",
    "discloser": "DS Patel, police public protection unit",
    "method": "in_person",
    "disclose_by": TODAY + timedelta(days=7),
}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({}, None),
        ({"rationale": " "}, "rationale"),
        ({"recipient": ""}, "recipient"),
        ({"what_to_disclose": ""}, "what_to_disclose"),
        ({"risk_protected_against": ""}, "risk_protected_against"),
        ({"discloser": ""}, "discloser"),
        ({"method": ""}, "method"),
        ({"disclose_by": None}, "disclose_by"),
        ({"disclose_by": TODAY - timedelta(days=1)}, "disclose_by"),
        ({"decision": "do_not_disclose", "recipient": "", "method": ""}, None),
        ({"decision": "do_not_disclose", "rationale": ""}, "rationale"),
    ],
)
def test_what_a_decision_must_say(change, problem):
    found = rules.decision_problems(**(COMPLETE | change), today=TODAY)
    assert (list(found) == [problem]) if problem else found == {}


@pytest.mark.django_db
def test_a_decision_is_recorded_and_audited_and_bad_input_writes_nothing():
    users = {user.username: user for user in load_demo()}
    nominal = Nominal.objects.get(crn="X123456")
    arguments = COMPLETE | {"disclose_by": timezone.localdate() + timedelta(days=7), "tests": TESTS}
    with pytest.raises(ValidationError):
        services.record_decision(
            actor=users["disclosure.officer"], nominal=nominal, **(arguments | {"method": ""})
        )
    assert not DisclosureDecision.objects.exists()
    recorded = services.record_decision(
        actor=users["disclosure.officer"], nominal=nominal, **arguments
    )
    assert recorded.decided_on == timezone.localdate()
    event = AuditEvent.objects.get(event_type=EventType.DISCLOSURE_DECIDED)
    assert event.payload == {"decision": str(recorded.id), "outcome": "disclose"}
    assert event.subject == nominal.id


@pytest.mark.django_db
def test_a_decision_not_to_disclose_keeps_only_its_reasons():
    users = {user.username: user for user in load_demo()}
    nominal = Nominal.objects.get(crn="X123456")
    recorded = services.record_decision(
        actor=users["chair.police"],
        nominal=nominal,
        **(COMPLETE | {"decision": "do_not_disclose", "disclose_by": None}),
    )
    assert (recorded.recipient, recorded.method, recorded.disclose_by) == ("", "", None)


def test_a_standalone_decision_to_disclose_says_why_it_meets_each_test():
    found = rules.test_problems(decision="disclose", tests=TESTS | {"lawful": " "})
    assert list(found) == ["lawful"]
    assert rules.test_problems(decision="do_not_disclose", tests={}) == {}


@pytest.mark.parametrize(
    ("from_meeting", "officer", "chair", "made", "status"),
    [
        (False, True, False, False, "to_be_made"),
        (False, False, False, False, "awaiting_agreement"),
        (True, True, False, False, "awaiting_agreement"),
        (True, False, True, False, "awaiting_agreement"),
        (True, True, True, False, "to_be_made"),
        (True, True, True, True, "made"),
    ],
)
def test_who_must_agree_before_a_disclosure_is_made(from_meeting, officer, chair, made, status):
    assert (
        rules.decision_status(
            decision="disclose",
            from_meeting=from_meeting,
            officer_agreed=officer,
            chair_agreed=chair,
            made=made,
        )
        == status
    )


@pytest.mark.django_db
def test_a_meeting_decision_needs_the_disclosure_officer_then_is_recorded_as_made(users):
    nominal = Nominal.objects.get(crn="X123456")
    arguments = COMPLETE | {"disclose_by": timezone.localdate() + timedelta(days=7)}
    recorded = services.record_decision(
        actor=users["chair.police"], nominal=nominal, source=uuid.uuid4(), **arguments
    )
    # Recorded in the minutes: the chair's agreement comes with their approval of the minutes.
    assert recorded.origin == "meeting" and recorded.chair is None
    assert services.status_of(recorded) == "awaiting_agreement"
    services.agree_as_approving_chair(actor=users["chair.police"], decisions=[recorded])
    assert recorded.chair == users["chair.police"]
    assert services.status_of(recorded) == "awaiting_agreement"
    with pytest.raises(ValidationError):
        services.agree_decision(actor=users["probation.om"], decision=recorded)
    services.agree_decision(actor=users["disclosure.officer"], decision=recorded)
    assert services.status_of(recorded) == "to_be_made"
    made = {
        "made_on": timezone.localdate(),
        "made_by": "DS Patel",
        "method": "in_person",
        "recipient": "Ms A",
        "what_was_said": "His conviction",
        "undertaking_signed": False,
        "offender_told": False,
    }
    with pytest.raises(ValidationError) as error:
        services.record_disclosure_made(
            actor=users["disclosure.officer"], decision=recorded, **made
        )
    assert set(error.value.message_dict) == {"no_undertaking_reason", "offender_not_told_reason"}
    services.record_disclosure_made(
        actor=users["disclosure.officer"],
        decision=recorded,
        **made
        | {
            "no_undertaking_reason": "Refused to sign; told of her duty of confidence",
            "offender_not_told_reason": "Telling him would increase the risk to her",
        },
    )
    recorded.refresh_from_db()
    assert services.status_of(recorded) == "made"
    assert AuditEvent.objects.filter(event_type=EventType.DISCLOSURE_MADE).count() == 1
    # Two agreements: the approving chair's, then the disclosure officer's.
    assert AuditEvent.objects.filter(event_type=EventType.DISCLOSURE_AGREED).count() == 2
