"""Reads of the register, scoped to the acting user. Out of scope is a 404, like a missing record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.agencies.queries import granted_case_ids
from mappa.cases.models import MappaCase
from mappa.people import rules
from mappa.people.constants import IDENTIFIERS
from mappa.people.models import Nominal

SEARCH_LIMIT = 50
CANDIDATE_LIMIT = 500


def nominals_visible_to(user) -> QuerySet[Nominal]:
    """RA roles see their area's register; others only people whose case (or record) they were granted.

    Category 4 (terrorism) cases need the user's extra clearance.
    """
    nominals = Nominal.objects.all()
    if permissions.role_has(user, permissions.VIEW_AREA_CASES):
        nominals = nominals.filter(area_id=user.area_id)
    elif permissions.role_has(user, permissions.VIEW_CASES):
        granted = granted_case_ids(user)
        cases = MappaCase.objects.filter(id__in=granted).values("nominal_id")
        nominals = nominals.filter(Q(id__in=granted) | Q(id__in=cases))
    else:
        return Nominal.objects.none()
    if not user.terrorism_clearance:
        category_4 = MappaCase.objects.filter(category=4, closed_on__isnull=True).values(
            "nominal_id"
        )
        nominals = nominals.exclude(id__in=category_4)
    return nominals


def get_nominal(user, nominal_id: UUID) -> Nominal:
    nominal = nominals_visible_to(user).select_related("area").filter(id=nominal_id).first()
    if nominal is None:
        raise Http404("No such person")
    return nominal


def with_record(nominals: QuerySet[Nominal]) -> QuerySet[Nominal]:
    """Prefetch everything a person page or the API's detail shows."""
    return nominals.select_related("area").prefetch_related(
        "aliases",
        "addresses",
        "associations__addresses",
        "convictions",
        "custody_periods",
        "events",
        "mappa_cases__level_history",
    )


@dataclass(frozen=True)
class Criteria:
    name: str = ""
    date_of_birth: date | None = None
    identifier: str = ""
    postcode: str = ""

    def is_empty(self) -> bool:
        return not (
            self.name.strip()
            or self.date_of_birth
            or self.identifier.strip()
            or self.postcode.strip()
        )


def _identifier_filter(value: str) -> Q:
    value = value.strip()
    match = Q()
    for kind in IDENTIFIERS:
        match |= Q(**{f"{kind}__iexact": value})
    return match


def _name_candidates(nominals: QuerySet[Nominal], name: str) -> QuerySet[Nominal]:
    """People whose names might match: sharing a sound, a three-letter start, or (on PostgreSQL)
    trigrams with the query. `rules.name_score` then ranks them."""
    tokens = rules.name_tokens(name)
    loose = Q()
    for token in tokens:
        loose |= Q(phonetic_index__contains=f" {rules.phonetic_key(token)} ")
        loose |= Q(name_index__contains=token[:3])
    if connection.vendor != "postgresql":
        return nominals.filter(loose)
    from django.contrib.postgres.search import TrigramWordSimilarity

    # Both LIKE and the word-similarity operator use the trigram indexes (migration 0002).
    text = " ".join(tokens)
    return (
        nominals.filter(Q(name_index__trigram_word_similar=text) | loose)
        .annotate(match=TrigramWordSimilarity(text, "name_index"))
        .order_by("-match")
    )


def search(user, criteria: Criteria) -> list[Nominal]:
    """People in the user's scope matching every criterion given, best name match first."""
    if criteria.is_empty():
        return []
    nominals = nominals_visible_to(user)
    if criteria.identifier.strip():
        nominals = nominals.filter(_identifier_filter(criteria.identifier))
    if criteria.date_of_birth:
        nominals = nominals.filter(date_of_birth=criteria.date_of_birth)
    if criteria.postcode.strip():
        key = rules.postcode_key(criteria.postcode)
        nominals = nominals.filter(
            Q(addresses__postcode_key=key) | Q(associations__addresses__postcode_key=key)
        ).distinct()
    if criteria.name.strip():
        nominals = _name_candidates(nominals, criteria.name)
    found = list(nominals.select_related("area").prefetch_related("aliases")[:CANDIDATE_LIMIT])
    if criteria.name.strip():
        scored = [(rules.name_score(criteria.name, _names(n)), n) for n in found]
        found = [n for score, n in sorted(scored, key=lambda pair: -pair[0]) if score >= 0.75]
    return found[:SEARCH_LIMIT]


def _names(nominal: Nominal) -> list[str]:
    return [nominal.full_name] + [f"{a.forenames} {a.surname}" for a in nominal.aliases.all()]
