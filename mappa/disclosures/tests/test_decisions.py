"""Disclosure decisions: a yes says to whom, what, by whom, how and by when (MAPPA Guidance ch.10)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.agencies.demo import load_demo
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.disclosures import rules, services
from mappa.disclosures.models import DisclosureDecision
from mappa.people.models import Nominal

TODAY = date(2026, 11, 21)
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
    arguments = COMPLETE | {"disclose_by": timezone.localdate() + timedelta(days=7)}
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
