"""The custody panel of the co-ordinator's and the responsible-authority practitioner's
dashboards: the releases queue in numbers, and releases without a level or a plan (red)."""

from __future__ import annotations

from datetime import date

from django.conf import settings

from mappa.custody import queries, rules


def summary(user, today: date) -> dict:
    rows = queries.releases_queue(user, today)
    statuses = [row.status for row in rows]
    return {
        "queue": len(rows),
        "red": statuses.count(rules.RED),
        "amber": statuses.count(rules.AMBER),
        "unprepared": queries.releases_unprepared(user, today).count(),
        "months": settings.MAPPA_RELEASES_MONTHS,
        "recent_days": settings.MAPPA_RELEASES_RECENT_DAYS,
    }
