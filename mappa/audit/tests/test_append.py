"""The audit append: how many statements it makes, and that the chain stays linear under load."""

import threading
from datetime import UTC, datetime
from uuid import UUID

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from mappa.audit import context, keys, rules, services
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent, ChainHead
from mappa.audit.tests.tampering import verify, write_events
from tests.factories import create_user

# PostgreSQL: the claim (UPDATE ... RETURNING, which locks the head) and one statement that
# inserts the entry and moves the head's hash. SQLite: the claim, the INSERT, the UPDATE.
APPEND_STATEMENTS = {"postgresql": 2, "sqlite": 3}


@pytest.mark.django_db
def test_an_append_inside_a_transaction_makes_two_statements_on_postgresql_and_no_savepoint():
    user = create_user()
    services.record(actor=user, event_type=EventType.SIGNED_IN, payload={"method": "first"})
    with CaptureQueriesContext(connection) as queries:
        event = services.record(
            actor=user, event_type=EventType.SIGNED_IN, payload={"method": "second"}
        )
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) == APPEND_STATEMENTS[connection.vendor], statements
    assert not any("SAVEPOINT" in statement.upper() for statement in statements)
    assert event.pk is not None and event.sequence == 2
    assert AuditEvent.objects.get(pk=event.pk).hash == event.hash
    assert ChainHead.objects.get(pk=1).last_hash == event.hash


@pytest.mark.django_db
def test_the_stored_entry_has_the_hash_the_rules_give_for_its_content():
    user = create_user()
    context.request_id.set("req-1")
    context.ip_address.set("192.0.2.7")
    event = services.record(
        actor=user,
        event_type=EventType.CASE_CONTENT_READ,
        payload={"content": "person record – Zoë"},
        subject=UUID(int=7),
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    expected = rules.chain_hash(stored.previous_hash, stored.chain_content(), key=keys.current())
    assert (stored.hash, stored.key_id, stored.request_id, stored.ip_address) == (
        expected,
        keys.current_id(),
        "req-1",
        "192.0.2.7",
    )
    assert stored.occurred_at.tzinfo is not None and stored.occurred_at <= datetime.now(UTC)
    assert verify() == "audit log intact: 1 entries verified\n"


@pytest.mark.django_db
def test_a_database_migrated_from_scratch_has_the_chain_head_at_the_start():
    head = ChainHead.objects.get(pk=1)
    assert (head.last_sequence, head.last_hash) == (0, rules.GENESIS_HASH)


@pytest.mark.django_db
def test_a_missing_chain_head_is_made_again_on_the_next_append():
    ChainHead.objects.all().delete()
    first, second = write_events(2)
    assert (first.sequence, first.previous_hash, second.previous_hash) == (
        1,
        rules.GENESIS_HASH,
        first.hash,
    )
    assert ChainHead.objects.get(pk=1).last_sequence == 2


@pytest.mark.django_db
def test_a_failed_append_inside_a_transaction_leaves_nothing_behind():
    write_events(1)
    with pytest.raises(Exception), transaction.atomic():  # noqa: B017 (any database error)
        services.record(
            actor=None,
            event_type=EventType.SIGNED_IN,
            payload={"method": "x" * 10},
            subject="not a uuid",
        )
    assert ChainHead.objects.get(pk=1).last_sequence == 1
    assert AuditEvent.objects.count() == 1
    assert verify() == "audit log intact: 1 entries verified\n"


@pytest.mark.django_db(transaction=True)
def test_appends_from_many_connections_at_once_make_one_unbroken_chain():
    """Each thread has its own database connection; the head's row lock keeps them in line."""
    user = create_user()
    # SQLite's in-memory test database (shared cache) refuses a second writer at once ("table
    # is locked") rather than waiting, so there one thread writes from its own connection;
    # the race this pins is PostgreSQL's, where writers wait on the head's row lock.
    threads = 6 if connection.vendor == "postgresql" else 1
    per_thread, errors = 10, []
    start = threading.Barrier(threads)

    def append(number):
        try:
            start.wait()
            for n in range(per_thread):
                services.record(
                    actor=user,
                    event_type=EventType.SIGNED_IN,
                    payload={"method": f"thread {number} entry {n}"},
                )
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=append, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    total = threads * per_thread
    assert list(AuditEvent.objects.values_list("sequence", flat=True)) == list(range(1, total + 1))
    assert verify() == f"audit log intact: {total} entries verified\n"
