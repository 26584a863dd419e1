"""Cases and the people they are about, made directly for tests of what reads them."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

from mappa.agencies.models import Area
from mappa.cases.models import MappaCase
from mappa.offences.models import Conviction
from mappa.people.models import Nominal

_crns = itertools.count(900001)


def create_nominal(*, area_code: str = "DEMO", **overrides) -> Nominal:
    n = next(_crns)
    fields = {"forenames": "Test", "surname": f"Person{n}", "crn": f"T{n}"} | overrides
    return Nominal.objects.create(area=Area.objects.get(code=area_code), **fields)


def create_case(*, review_in_days: int | None, area_code: str = "DEMO", **overrides) -> MappaCase:
    """An open case whose next review is `review_in_days` from today (negative: overdue)."""
    today = timezone.localdate()
    fields = {
        "category": 2,
        "level": 2,
        "lead_agency": "probation",
        "start_date": today - timedelta(days=200),
        "next_review_due": None if review_in_days is None else today + timedelta(review_in_days),
    } | overrides
    nominal = fields.pop("nominal", None) or create_nominal(area_code=area_code)
    return MappaCase.objects.create(nominal=nominal, **fields)


def create_overdue_cases(demo) -> list[MappaCase]:
    """Two overdue Demoshire cases (one with a responsible officer), one in Otherford, and
    cases that must not count: a review not yet due, a closed case."""
    cases = [
        create_case(review_in_days=-3, responsible_officer=demo["probation.om"]),
        create_case(review_in_days=-40),
        create_case(
            review_in_days=-1, area_code="OTHER", responsible_officer=demo["outsider.police"]
        ),
        create_case(review_in_days=5, responsible_officer=demo["police.ppu"]),
        create_case(review_in_days=-9, closed_on=timezone.localdate()),
    ]
    return cases


def convict(nominal) -> Conviction:
    """A conviction a month ago that makes the person category 1 (SOA 2003 s.5, imprisonment)."""
    return Conviction.objects.create(
        nominal=nominal,
        offence_code="SOA2003/s5",
        outcome="conviction",
        relevant_date=timezone.localdate() - timedelta(days=30),
        disposal_type="imprisonment",
        term_months=48,
    )
