"""Reads of the register, scoped to the acting user. Out of scope is a 404, like a missing record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.cases import queries as case_queries
from mappa.people import records, rules
from mappa.people.constants import IDENTIFIER_LABELS, IDENTIFIERS
from mappa.people.models import HeldAddition, NameKey, Nominal

SEARCH_LIMIT = 50
CANDIDATE_LIMIT = 200
# How alike (pg_trgm similarity) two words must be to match by spelling alone. Misspellings
# below it are still found by sound (metaphone) or letters (transpositions).
TRIGRAM_THRESHOLD = 0.45


def nominals_visible_to(user, *, changing: bool = False) -> QuerySet[Nominal]:
    """The register as the user may see it (`cases.queries.register_scope`, the one rule);
    `changing` for a change (a person a transfer shares is read-only: docs/transfers.md)."""
    scope = case_queries.register_scope(user, changing=changing)
    return Nominal.objects.none() if scope is None else Nominal.objects.filter(scope)


def get_nominal(
    user,
    nominal_id: UUID,
    *,
    whole_record: bool = False,
    annotations: dict | None = None,
    changing: bool = False,
    level_history: QuerySet | None = None,
) -> Nominal:
    """One nominal in the user's scope, or 404; with `whole_record`, everything its page shows.

    `annotations` are computed in the nominal's own query (a page's `on_record` flags);
    `level_history` is the queryset the whole record's level history is read through.
    """
    nominals = nominals_visible_to(user, changing=changing).filter(id=nominal_id)
    nominals = nominals.annotate(**(annotations or {}))
    nominal = (
        records.exportable(nominals, level_history=level_history)
        if whole_record
        else nominals.select_related("area")
    ).first()
    if nominal is None:
        raise Http404("No such person")
    return nominal


def with_record(nominals: QuerySet[Nominal]) -> QuerySet[Nominal]:
    """Prefetch everything a person page or the API's detail shows: the whole record."""
    return records.exportable(nominals)


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


def _required(words: list[str]) -> int:
    """Every word of a one- or two-word query must match; one may be missing from a longer one."""
    return len(words) if len(words) <= 2 else len(words) - 1


def _name_scope(user) -> tuple[str, list] | None:
    """A cheap first cut of whose name words to read: the user's area, or the granted people.

    The final fetch goes through `nominals_visible_to`, which applies the whole scope.
    """
    if permissions.role_has(user, permissions.VIEW_AREA_CASES):
        return "k.area_id = %s", [user.area_id]
    if permissions.role_has(user, permissions.VIEW_CASES):
        ids = list(nominals_visible_to(user).values_list("id", flat=True))
        return ("k.nominal_id = ANY(%s)", [ids]) if ids else None
    return None


def _candidates_postgresql(user, words: list[str]) -> dict[UUID, set[str]]:
    """People whose name words match the query's, best first, each with all their name words.

    A word matches one of theirs by trigram similarity (`%`, using the trigram index on
    `people_namekey.token`; typing errors), by sound (metaphone) or by its letters
    (transpositions). All three use indexes, so the work is proportional to the matches.
    """
    scope = _name_scope(user)
    if scope is None:
        return {}
    where, scope_params = scope
    rows = ", ".join(["(%s, %s, %s, %s)"] * len(words))
    params = [
        value
        for i, word in enumerate(words)
        for value in (i, word, rules.phonetic_key(word), rules.letters_key(word))
    ]
    sql = f"""
        WITH q(i, word, sound, letters) AS (VALUES {rows}),
        per_word AS (
            SELECT k.nominal_id, q.i,
                   MAX(GREATEST(similarity(k.token, q.word),
                                CASE WHEN k.phonetic = q.sound THEN 0.9 ELSE 0 END,
                                CASE WHEN k.letters = q.letters THEN 0.85 ELSE 0 END)) AS best
            FROM people_namekey k
            JOIN q ON (k.token %% q.word OR k.phonetic = q.sound OR k.letters = q.letters)
            WHERE {where}
            GROUP BY k.nominal_id, q.i
        ),
        ranked AS (
            SELECT nominal_id, SUM(best) AS score FROM per_word GROUP BY nominal_id
            HAVING COUNT(*) >= %s
            ORDER BY score DESC LIMIT %s
        )
        SELECT r.nominal_id, array_agg(k.token) FROM ranked r
        JOIN people_namekey k ON k.nominal_id = r.nominal_id
        GROUP BY r.nominal_id, r.score ORDER BY r.score DESC
    """
    with connection.cursor() as cursor:
        cursor.execute("SET pg_trgm.similarity_threshold = %s", [TRIGRAM_THRESHOLD])
        cursor.execute(sql, [*params, *scope_params, _required(words), CANDIDATE_LIMIT])
        return {nominal_id: set(tokens) for nominal_id, tokens in cursor.fetchall()}


def _candidates_sqlite(nominals: QuerySet[Nominal], words: list[str]) -> list[UUID]:
    """The same idea without trigrams: a word matches by its first three letters, sound or letters."""
    matched: dict[UUID, set[int]] = {}
    for i, word in enumerate(words):
        similar = (
            Q(token__startswith=word[:3])
            | Q(phonetic=rules.phonetic_key(word))
            | Q(letters=rules.letters_key(word))
        )
        for nominal_id in NameKey.objects.filter(similar, nominal__in=nominals).values_list(
            "nominal_id", flat=True
        ):
            matched.setdefault(nominal_id, set()).add(i)
    return [nominal_id for nominal_id, found in matched.items() if len(found) >= _required(words)]


def _name_words(nominal_ids) -> dict[UUID, set[str]]:
    tokens: dict[UUID, set[str]] = {}
    for nominal_id, token in NameKey.objects.filter(nominal_id__in=nominal_ids).values_list(
        "nominal_id", "token"
    ):
        tokens.setdefault(nominal_id, set()).add(token)
    return tokens


def _ranked_by_name(user, nominals: QuerySet[Nominal], name: str, narrowed: bool) -> list[UUID]:
    """People in `nominals` matching `name`, best first.

    When other criteria have already narrowed `nominals`, every one of them is scored;
    otherwise the name words' indexes find the candidates first.
    """
    words = rules.name_tokens(name)
    if not words:
        return []
    if connection.vendor == "postgresql" and not narrowed:
        tokens = _candidates_postgresql(user, words)
    else:
        ids = nominals.values_list("id", flat=True)[: CANDIDATE_LIMIT * 4]
        tokens = _name_words(ids if narrowed else _candidates_sqlite(nominals, words))
    scored = [
        (rules.name_score(name, words_of), nominal_id) for nominal_id, words_of in tokens.items()
    ]
    return [
        nominal_id
        for score, nominal_id in sorted(scored, key=lambda pair: -pair[0])
        if score >= 0.75
    ]


def search(user, criteria: Criteria) -> list[Nominal]:
    """People in the user's scope matching every criterion given, best name match first."""
    if criteria.is_empty():
        return []
    nominals = nominals_visible_to(user)
    narrowed = bool(
        criteria.identifier.strip() or criteria.date_of_birth or criteria.postcode.strip()
    )
    if criteria.identifier.strip():
        nominals = nominals.filter(_identifier_filter(criteria.identifier))
    if criteria.date_of_birth:
        nominals = nominals.filter(date_of_birth=criteria.date_of_birth)
    if criteria.postcode.strip():
        key = rules.postcode_key(criteria.postcode)
        nominals = nominals.filter(
            Q(addresses__postcode_key=key) | Q(associations__addresses__postcode_key=key)
        ).distinct()
    if not criteria.name.strip():
        return list(
            nominals.select_related("area")
            .prefetch_related("aliases")
            .order_by("surname")[:SEARCH_LIMIT]
        )
    ranked = _ranked_by_name(user, nominals, criteria.name, narrowed)
    # Fetched through the scoped queryset: the candidates' first cut is never trusted alone.
    found = (
        nominals.select_related("area")
        .prefetch_related("aliases")
        .in_bulk(ranked[: SEARCH_LIMIT * 2])
    )
    return [found[nominal_id] for nominal_id in ranked if nominal_id in found][:SEARCH_LIMIT]


def held_additions_for(user) -> QuerySet[HeldAddition]:
    """Additions held for the user's area to decide: its co-ordinators' only (docs/register.md)."""
    if user.area_id is None or not permissions.role_has(user, permissions.GRANT_CASE_ACCESS):
        return HeldAddition.objects.none()
    return HeldAddition.objects.filter(owning_area_id=user.area_id).select_related(
        "submitted_by__agency", "submitted_area", "decided_by"
    )


def get_held_addition(user, held_id: UUID) -> HeldAddition:
    held = held_additions_for(user).filter(id=held_id).first()
    if held is None:
        raise Http404("No such held addition")
    return held


def held_matches(user, held: HeldAddition) -> list[tuple[str, Nominal | None]]:
    """Which identifier (its label) matched which nominal; one the user may not see is None."""
    ids = [match["nominal"] for match in held.matches]
    visible = nominals_visible_to(user).in_bulk(ids, field_name="id")
    return [
        (IDENTIFIER_LABELS[match["identifier"]], visible.get(UUID(match["nominal"])))
        for match in held.matches
    ]
