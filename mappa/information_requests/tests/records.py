"""Plain factories for the information-request tests: the demo area with its cases, and a
request raised through the service as the co-ordinator would."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from mappa.agencies.models import Agency
from mappa.cases.models import MappaCase
from mappa.information_requests import services
from mappa.information_requests.constants import Basis

QUESTION = "Is he known at 12 Mill Lane, and who else lives there?"
PURPOSE = "His partner's children visit: to assess the risk to them at the address"


def smith() -> MappaCase:
    return MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")


def agency(name: str, area: str = "DEMO") -> Agency:
    return Agency.objects.get(name=name, area__code=area)


def ask(users, case=None, **overrides):
    arguments = {
        "actor": users["coordinator"],
        "case": case or smith(),
        "agency": users["housing.officer"].agency,
        "basis": Basis.DUTY_TO_COOPERATE,
        "purpose": PURPOSE,
        "question": QUESTION,
        "due_on": timezone.localdate() + timedelta(days=10),
    } | overrides
    return services.raise_request(**arguments)
