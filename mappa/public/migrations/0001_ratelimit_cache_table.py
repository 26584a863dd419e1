"""The table of the database cache the public forms' rate limit counts in (settings.CACHES).

`createcachetable` makes the table of every database cache configured, and nothing when none
is (tests count in memory); it is safe to run again.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
