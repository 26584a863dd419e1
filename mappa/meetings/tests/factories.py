"""Plain `create_<thing>(actor, **overrides)` factories for meetings, through the scheduling."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from mappa.meetings.services import scheduling


def next_weekday(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def create_series(actor, **overrides):
    fields = {
        "level": 2,
        "name": "Demoshire level 2 meeting",
        "frequency": "weekly",
        "weekday": 1,
        "starts_on": timezone.localdate(),
        "start_time": time(10),
        "end_time": time(13),
        "venue": "Probation head office",
    } | overrides
    return scheduling.create_series(actor=actor, **fields)


def create_meeting(actor, **overrides):
    """A series meeting (the series' first, from today) unless `series=False`."""
    level = overrides.pop("level", 2)
    series = create_series(actor, level=level, **overrides)
    return scheduling.schedule_series_meetings(
        actor=actor, series=series, today=timezone.localdate(), count=2
    )[0]
