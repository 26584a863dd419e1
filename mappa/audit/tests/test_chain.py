"""The audit log: catalogue, append-only, hash-chained, verifiable."""

import pytest
from django.core.management import CommandError
from django.db import DatabaseError, connection, transaction

from mappa.audit import rules, services
from mappa.audit.events import REQUIRED_KEYS, EventType, PayloadError
from mappa.audit.models import AppendOnlyError, AuditEvent
from mappa.audit.tests.tampering import (
    behind_the_applications_back,
    tamper,
    verify,
    write_events,
)
from tests.factories import create_user

pytestmark = pytest.mark.django_db


def test_every_event_type_is_in_the_catalogue():
    assert set(REQUIRED_KEYS) == set(EventType.values)


def test_an_event_with_missing_keys_is_refused():
    with pytest.raises(PayloadError, match="missing \\['method'\\]"):
        services.record(actor=None, event_type=EventType.SIGNED_IN, payload={})
    assert not AuditEvent.objects.exists()


def test_an_event_with_unexpected_keys_is_refused():
    with pytest.raises(PayloadError, match="unexpected \\['password'\\]"):
        services.record(
            actor=None, event_type=EventType.SIGNED_IN, payload={"method": "x", "password": "y"}
        )


def test_an_unknown_event_type_is_refused():
    with pytest.raises(PayloadError, match="unknown audit event type"):
        services.record(actor=None, event_type="case.eaten", payload={})


def test_each_entry_links_to_the_one_before():
    first, second, third = write_events()
    assert first.previous_hash == rules.GENESIS_HASH
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert [first.sequence, second.sequence, third.sequence] == [1, 2, 3]


def test_an_event_records_the_actor_agency_and_area():
    user = create_user()
    event = services.record(
        actor=user, event_type=EventType.SIGNED_IN, payload={"method": "password"}
    )
    assert (event.actor, event.agency, event.area) == (user, user.agency, user.area)


def test_an_untouched_log_verifies():
    write_events()
    assert verify() == "audit log intact: 3 entries verified\n"


def test_a_tampered_payload_fails_verification_naming_the_row():
    events = write_events()
    tamper(events[1], {"method": "something else"})
    with pytest.raises(
        CommandError, match="audit log broken at entry 2: its content does not match its hash"
    ):
        verify()


def test_a_removed_last_entry_fails_verification():
    events = write_events()
    behind_the_applications_back("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    with pytest.raises(CommandError, match="entry 3"):
        verify()


def test_the_application_refuses_to_change_or_delete_an_entry():
    event = write_events(1)[0]
    event.payload = {"method": "changed"}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(payload={})
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_to_change_or_delete_an_entry():
    """PostgreSQL's trigger since migration 0002, SQLite's since 0005."""
    event = write_events(1)[0]
    for statement in (
        "UPDATE audit_auditevent SET payload = '{}' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
        "DELETE FROM audit_auditevent",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [event.pk] if "%s" in statement else [])
    assert AuditEvent.objects.get(pk=event.pk).payload == event.payload


def test_the_chain_head_stays_updatable_under_the_triggers():
    write_events(2)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_chainhead SET last_sequence = last_sequence WHERE id = 1")
    assert (
        services.record(
            actor=None, event_type=EventType.SIGNED_IN, payload={"method": "after"}
        ).sequence
        == 3
    )


def test_the_audit_write_rolls_back_with_the_change():
    user = create_user()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.record(actor=user, event_type=EventType.SIGNED_IN, payload={"method": "password"})
        raise RuntimeError("the change failed")
    assert not AuditEvent.objects.exists()
    assert verify() == "audit log intact: 0 entries verified\n"


def test_a_read_of_case_content_is_recorded_through_one_helper():
    import uuid

    user = create_user()
    person = uuid.uuid4()
    event = services.record_read(actor=user, subject=person, content="person record")
    assert (event.event_type, event.subject, event.payload) == (
        EventType.CASE_CONTENT_READ,
        person,
        {"content": "person record"},
    )
