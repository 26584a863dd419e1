"""The demo area with its cases, nothing due unless a test says so, and meeting helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from mappa.agencies.models import User
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo


@dataclass
class World:
    users: dict[str, User]
    cases: dict[str, MappaCase]
    today: date

    def case(self, crn: str) -> MappaCase:
        case = self.cases[crn]
        case.refresh_from_db()
        return case

    def due(self, crn: str, on: date | None = None, *, first_meeting: bool = False) -> MappaCase:
        """Make a case's review due on a date (or its first meeting needed) for a test."""
        fields = {"next_review_due": on or self.today}
        if first_meeting:
            fields["first_meeting_needed_since"] = self.today - timedelta(days=3)
        MappaCase.objects.filter(id=self.cases[crn].id).update(**fields)
        return self.case(crn)


@pytest.fixture
def world(db) -> World:
    """Demo personas and cases; every review is a year away so nothing is due by accident."""
    users = {user.username: user for user in load_demo()}
    today = timezone.localdate()
    MappaCase.objects.update(next_review_due=today + timedelta(weeks=52))
    cases = {case.nominal.crn: case for case in MappaCase.objects.select_related("nominal")}
    return World(users=users, cases=cases, today=today)
