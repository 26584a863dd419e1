"""Case access grants: who may see which case and why, granted by whom, until when."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.agencies import queries, services
from mappa.agencies.constants import AccessReason, Role
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from tests.factories import create_agency, create_user

pytestmark = pytest.mark.django_db


def test_a_coordinator_grants_a_user_access_to_a_case_until_a_date():
    coordinator = create_user(role=Role.COORDINATOR)
    housing = create_user(role=Role.DTC_PRACTITIONER)
    case = uuid.uuid4()
    expires = timezone.now() + timedelta(days=7)
    grant = services.grant_case_access(
        actor=coordinator,
        case=case,
        reason=AccessReason.COORDINATOR_GRANT,
        grantee_user=housing,
        expires_at=expires,
    )
    assert queries.granted_case_ids(housing) == {case}
    event = AuditEvent.objects.get(event_type=EventType.CASE_ACCESS_GRANTED)
    assert event.subject == case and event.actor == coordinator
    assert event.payload["grantee"] == housing.username
    assert grant.granted_by == coordinator


def test_a_grant_to_an_agency_covers_its_users():
    agency = create_agency()
    member = create_user(agency=agency, role=Role.DTC_PRACTITIONER)
    case = uuid.uuid4()
    services.grant_case_access(
        actor=create_user(role=Role.COORDINATOR),
        case=case,
        reason=AccessReason.MEETING_INVITATION,
        grantee_agency=agency,
    )
    assert queries.granted_case_ids(member) == {case}
    assert queries.granted_case_ids(create_user()) == set()


def test_an_expired_grant_gives_no_access():
    import time_machine

    user = create_user()
    case = uuid.uuid4()
    services.grant_case_access(
        actor=create_user(role=Role.COORDINATOR),
        case=case,
        reason=AccessReason.MEETING_INVITATION,
        grantee_user=user,
        expires_at=timezone.now() + timedelta(days=1),
    )
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert queries.granted_case_ids(user) == set()


def test_a_revoked_grant_gives_no_access():
    user = create_user()
    coordinator = create_user(role=Role.COORDINATOR)
    grant = services.grant_case_access(
        actor=coordinator,
        case=uuid.uuid4(),
        reason=AccessReason.COORDINATOR_GRANT,
        grantee_user=user,
    )
    services.revoke_case_access(actor=coordinator, grant=grant)
    assert queries.granted_case_ids(user) == set()
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_ACCESS_REVOKED, subject=grant.case
    ).exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "Choose either a person or an agency"),
        ({"expires_at": timezone.now() - timedelta(days=1)}, "The expiry must be in the future"),
        ({"reason": AccessReason.BREAK_GLASS}, "Give the reason for emergency access"),
    ],
)
def test_a_bad_grant_is_refused_and_changes_nothing(kwargs, message):
    coordinator = create_user(role=Role.COORDINATOR)
    arguments = {
        "actor": coordinator,
        "case": uuid.uuid4(),
        "reason": AccessReason.COORDINATOR_GRANT,
    }
    if kwargs:
        arguments["grantee_user"] = create_user()
    arguments |= kwargs
    with pytest.raises(ValidationError, match=message):
        services.grant_case_access(**arguments)
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_ACCESS_GRANTED).exists()
