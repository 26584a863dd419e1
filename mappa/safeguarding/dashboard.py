"""The MASH named person's dashboard panels: the week's case list and the checks to do.

`fill` replaces the role's placeholder panels (see `mappa.desk.dashboards.PANELS`). The
panels give counts and links only; the records themselves are opened (and audited) on
their own pages.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.html import format_html

from mappa.safeguarding import queries
from mappa.safeguarding.constants import FlagStatus

NOT_NAMED = (
    "You are not a named person for your area yet: the MAPPA co-ordinator names the MASH "
    "named persons."
)


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def case_list_panel(user) -> str:
    case_list = queries.latest_case_list(user)
    if case_list is None:
        return ""
    return format_html(
        '<a class="govuk-link" href="{}">Case list for the week of {}</a>: {}',
        reverse("mash-case-list", kwargs={"case_list_id": case_list.id}),
        f"{case_list.week_starting.day} {case_list.week_starting:%B %Y}",
        _plural(case_list.entries.count(), "person", "people"),
    )


def checks_panel(user) -> str:
    case_list = queries.latest_case_list(user)
    if case_list is None:
        return ""
    to_check = case_list.entries.filter(check_completed_at__isnull=True).count()
    to_decide = queries.pending_candidates(user).filter(entry__case_list=case_list).count()
    flags = (
        queries.flags_for(user)
        .filter(superseded_at__isnull=True)
        .exclude(status=FlagStatus.CONFIRMED)
        .count()
    )
    return format_html(
        "{} to check, {} to decide, {} to enter or confirm",
        _plural(to_check, "person", "people"),
        _plural(to_decide, "possible match", "possible matches"),
        _plural(flags, "hazard flag"),
    )


def fill(panels, user, today: date) -> list[tuple[str, str]]:
    if not queries.is_named_person(user):
        return [(title, NOT_NAMED) for title, _empty in panels[:1]]
    texts = {"Weekly MAPPA case list": case_list_panel, "Checks to complete": checks_panel}
    return [
        (title, (texts[title](user) if title in texts else "") or empty) for title, empty in panels
    ]
