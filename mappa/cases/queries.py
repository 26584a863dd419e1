"""Cases, scoped to the acting user exactly as the register is: out of scope is a 404."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from mappa.cases.models import MappaCase
from mappa.people.queries import nominals_visible_to


def cases_visible_to(user) -> QuerySet[MappaCase]:
    return MappaCase.objects.filter(nominal__in=nominals_visible_to(user))


def get_case(user, case_id: UUID) -> MappaCase:
    case = (
        cases_visible_to(user)
        .select_related("nominal")
        .prefetch_related("level_history__decided_by", "reviews")
        .filter(id=case_id)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case
