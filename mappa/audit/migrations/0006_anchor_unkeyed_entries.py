"""Anchor the entries written with the old unkeyed SHA-256 chain (mappa/audit/legacy.py).

On a database that already holds entries, append one `audit.chain_keyed`
entry sealed with the configured audit key, counting them. A new database
has none, and nothing is written. Reversing leaves the entry: the log is
append-only.
"""

from django.conf import settings
from django.db import migrations


def anchor(apps, schema_editor):
    from mappa.audit.legacy import anchor_legacy_entries

    anchor_legacy_entries(
        audit_event=apps.get_model("audit", "AuditEvent"),
        chain_head=apps.get_model("audit", "ChainHead"),
        key=settings.MAPPA_AUDIT_KEY,
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_sqlite_append_only_triggers")]
    operations = [migrations.RunPython(anchor, migrations.RunPython.noop)]
