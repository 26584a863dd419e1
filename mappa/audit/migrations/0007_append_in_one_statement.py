"""Make the chain head's row, so an append claims it with one UPDATE and never creates it.

The audit append (`mappa.audit.services.record`) advances the head with
`UPDATE ... RETURNING` and writes the entry and the head's new hash together; a
missing row is still created on first use (a flushed or emptied database), but a
migrated database has it from the start. A database that already has the row keeps
it as it is. Reversing leaves the row: verification reads it.
"""

from django.db import migrations

from mappa.audit.rules import GENESIS_HASH


def make_head(apps, schema_editor):
    chain_head = apps.get_model("audit", "ChainHead")
    chain_head.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS_HASH})


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_anchor_unkeyed_entries")]
    operations = [migrations.RunPython(make_head, migrations.RunPython.noop)]
