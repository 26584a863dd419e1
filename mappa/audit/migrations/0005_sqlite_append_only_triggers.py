"""On SQLite, refuse UPDATE and DELETE on audit entries at the database level too.

PostgreSQL has had its trigger since 0002. The chain head stays updatable:
it is rewritten on every append.
"""

from django.db import migrations

from mappa.audit.triggers import create_sqlite_triggers, drop_sqlite_triggers


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            create_sqlite_triggers(cursor)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            drop_sqlite_triggers(cursor)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_key_id")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
