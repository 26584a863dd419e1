"""Plain `create_<thing>(**overrides)` factories for risk records, and a real exclusion zone."""

from __future__ import annotations

import json
from datetime import date, timedelta

from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.risk import services

# A real place: High Street, Bedford, from the Town Bridge north to the Silver Street junction,
# as [longitude, latitude] (WGS84). A point on the street is inside; the station is outside.
HIGH_STREET_BEDFORD = {
    "type": "Polygon",
    "coordinates": [
        [
            [-0.4672, 52.1352],
            [-0.4658, 52.1352],
            [-0.4657, 52.1372],
            [-0.4659, 52.1391],
            [-0.4674, 52.1391],
            [-0.4675, 52.1372],
            [-0.4672, 52.1352],
        ]
    ],
}
ON_HIGH_STREET = {"latitude": 52.1370, "longitude": -0.4666}
BEDFORD_STATION = {"latitude": 52.1362, "longitude": -0.4792}

COMMUNITY = {"children": "high", "public": "medium", "known_adult": "high", "staff": "low"}


def smith_case() -> MappaCase:
    """The demo case of John Paul Smith (CRN X123456), DEMO area, level 2."""
    return MappaCase.objects.get(nominal__crn="X123456", closed_on__isnull=True)


def assessment_arguments(**overrides) -> dict:
    return {
        "assessed_on": timezone.localdate() - timedelta(days=1),
        "community": dict(COMMUNITY),
        "custody": None,
        "who_is_at_risk": "Girls aged 12 to 16 in the neighbourhood",
        "nature_of_harm": "Sexual assault",
        "imminence": "not_imminent",
        "when_risk_greatest": "When drinking",
        "increasing_factors": "Alcohol; loss of accommodation",
        "reducing_factors": "Stable accommodation; engagement with supervision",
        "tools": ["oasys", "rm2000"],
        "other_tool": "",
    } | overrides


def create_assessment(*, actor, case=None, **overrides):
    arguments = {"assessor": actor} | assessment_arguments(**overrides)
    return services.record_assessment(actor=actor, case=case or smith_case(), **arguments)


PLAN_SECTIONS = {
    "supervision": "Weekly office reporting to probation\nPolice home visits every month",
    "monitoring_and_control": "Licence conditions\nViSOR record kept up to date",
    "interventions_and_treatment": "Horizon programme",
    "victim_safety_planning": "Target hardening at the victim's home",
    "contingency": "Recall if he enters the exclusion zone",
}


def create_plan(*, actor, case=None, based_on=None, **overrides):
    arguments = {
        "sections": dict(PLAN_SECTIONS),
        "victim_liaison_input": "The victim wants no contact",
        "victim_wishes": "An exclusion zone around her street",
    } | overrides
    return services.save_plan(
        actor=actor, case=case or smith_case(), based_on=based_on, **arguments
    )


def create_zone(*, actor, case=None, zone=None, **overrides):
    arguments = {
        "kind": "exclusion_zone",
        "starts_on": date(2025, 6, 1),
        "description": "High Street, Bedford",
        "zone": json.dumps(zone or HIGH_STREET_BEDFORD),
    } | overrides
    return services.add_condition(actor=actor, case=case or smith_case(), **arguments)
