"""Helpers for the audit tests: writing entries, and changing them as an attacker would."""

import json
from io import StringIO

from django.core.management import call_command
from django.db import connection

from mappa.audit import services
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.audit.triggers import drop_sqlite_triggers
from tests.factories import create_user


def write_events(count: int = 3) -> list[AuditEvent]:
    user = create_user()
    return [
        services.record(actor=user, event_type=EventType.SIGNED_IN, payload={"method": f"test {n}"})
        for n in range(count)
    ]


def behind_the_applications_back(statement: str, params: list) -> None:
    """Run SQL as someone with direct database access might, getting round the triggers.

    The test's transaction is rolled back afterwards, putting SQLite's triggers back.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Superuser only: replica mode skips ordinary triggers for this transaction.
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            drop_sqlite_triggers(cursor)
        cursor.execute(statement, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def tamper(event: AuditEvent, payload: dict) -> None:
    behind_the_applications_back(
        "UPDATE audit_auditevent SET payload = %s WHERE id = %s", [json.dumps(payload), event.pk]
    )


def verify(*args: str) -> str:
    out = StringIO()
    call_command("audit", "verify", *args, stdout=out)
    return out.getvalue()


def rewrite(event_id: int, **columns) -> None:
    """Set columns of one entry behind the application's back."""
    assignments = ", ".join(f"{name} = %s" for name in columns)
    values = [json.dumps(v) if isinstance(v, dict) else v for v in columns.values()]
    behind_the_applications_back(
        f"UPDATE audit_auditevent SET {assignments} WHERE id = %s", [*values, event_id]
    )


def rewind_head(sequence: int, last_hash: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_chainhead SET last_sequence = %s, last_hash = %s WHERE id = 1",
            [sequence, last_hash],
        )
