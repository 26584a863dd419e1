"""SQLite triggers refusing UPDATE and DELETE on audit entries, as PostgreSQL's do (0002).

Created by migration 0005. `mappa flush`, which empties the whole database,
drops them for its own transaction and puts them back (commands/flush.py).
A migration that makes SQLite rebuild `audit_auditevent` (most field changes
do) drops them with the old table: such a migration must run
`create_sqlite_triggers` again.
"""

from __future__ import annotations

TRIGGERS = {
    "audit_event_refuse_update": "UPDATE",
    "audit_event_refuse_delete": "DELETE",
}


def _create(name: str, operation: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON audit_auditevent "
        f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: {operation} refused "
        "on audit_auditevent'); END"
    )


def create_sqlite_triggers(cursor) -> None:
    for name, operation in TRIGGERS.items():
        cursor.execute(_create(name, operation))


def drop_sqlite_triggers(cursor) -> None:
    for name in TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
