"""Custody fixtures: the demo with its people, and the one in custody (Gary Cole, IPP)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from mappa.desk.services import load_demo
from mappa.people.models import Nominal
from mappa.risk import services as risk
from mappa.risk.constants import PlanSection

TODAY = timezone.localdate()


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


@pytest.fixture
def cole(users) -> Nominal:
    """In custody since 1 October 2010; a parole hearing 120 days ahead (the demo's)."""
    return Nominal.objects.get(crn="X567890")


def fresh(nominal) -> Nominal:
    return Nominal.objects.get(id=nominal.id)


def screening_data(users, **overrides) -> dict:
    data = {
        "category": 1,
        "proposed_level": 2,
        "rationale": "Victim lives near the release address",
        "information_to_share": "Contact with the victim's family from custody",
        "report_requested": True,
        "report_due_on": TODAY + timedelta(days=30),
        "offender_manager": users["probation.om"],
    }
    return data | overrides


def add_plan(user, case) -> None:
    risk.save_plan(
        actor=user,
        case=case,
        sections={section: "A measure" for section in PlanSection.values},
        based_on=None,
    )


def days(n: int) -> date:
    return TODAY + timedelta(days=n)
