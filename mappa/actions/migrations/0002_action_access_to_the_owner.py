"""Grants made by owning an action before access went to the named owner and had an end.

Until now a duty-to-co-operate owner's agency was granted open-ended access. For each such
grant still in force: a closed action's grant ends (at the end of the day it closed); an open
action's grant gets the end `MAPPA_ACTION_ACCESS_DAYS` after the due date, and where the action
names an owner, the grant moves from the agency to that person. Grants already ended are left as
they are. The audit log has no event for each grant changed (docs/security.md, "Need to know").
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def _end_of(day):
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone())


def forwards(apps, schema_editor):
    Action = apps.get_model("actions", "Action")
    Grant = apps.get_model("agencies", "CaseAccessGrant")
    now = timezone.now()
    actions = Action.objects.filter(
        access_grant__isnull=False,
        access_grant__revoked_at__isnull=True,
        access_grant__reason="action_owner",
    ).select_related("access_grant")
    for action in actions:
        grant = action.access_grant
        if action.status != "open":
            grant.revoked_at = min(now, _end_of(action.closed_on)) if action.closed_on else now
            grant.save(update_fields=["revoked_at"])
            continue
        limit = _end_of(action.due_on + timedelta(days=settings.MAPPA_ACTION_ACCESS_DAYS))
        expires_at = min(grant.expires_at, limit) if grant.expires_at else limit
        if action.owner_user_id is None or grant.grantee_user_id is not None:
            grant.expires_at = expires_at
            grant.save(update_fields=["expires_at"])
            continue
        moved = Grant.objects.create(
            case=grant.case,
            grantee_user_id=action.owner_user_id,
            reason=grant.reason,
            explanation=grant.explanation,
            granted_by_id=grant.granted_by_id,
            granted_at=now,
            expires_at=expires_at,
        )
        grant.revoked_at = now
        grant.save(update_fields=["revoked_at"])
        action.access_grant = moved
        action.save(update_fields=["access_grant"])


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_initial"),
        ("agencies", "0003_agency_changed_at_agency_changed_by_agency_version_and_more"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
