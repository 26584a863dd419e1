"""The "Whereabouts unknown" panel of the co-ordinator's and the responsible officer's
dashboards: each open report with how long, the person missing longest first, until it ends."""

from __future__ import annotations

from datetime import datetime

from mappa.whereabouts import queries, rules


def rows(user, now: datetime) -> list[tuple[object, str]]:
    return [
        (report, rules.time_missing(started_at=report.started_at, now=now))
        for report in queries.open_for_dashboard(user)
    ]
