"""Django's `flush`, which empties the whole database, through the audit log's triggers.

On SQLite, flush deletes rows, which the append-only triggers refuse: they are
dropped inside flush's transaction and created again, so only an explicit
"erase everything" empties the audit log (and a checkpoint detects it). On
PostgreSQL, flush truncates, which the row triggers do not see.
"""

from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from mappa.audit.triggers import create_sqlite_triggers, drop_sqlite_triggers


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if (
            connection.vendor != "sqlite"
            or "audit_auditevent" not in connection.introspection.table_names()
        ):
            return super().handle(**options)
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                drop_sqlite_triggers(cursor)
            try:
                super().handle(**options)
            finally:
                with connection.cursor() as cursor:
                    create_sqlite_triggers(cursor)
