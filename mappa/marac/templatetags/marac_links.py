"""`{% mappa_case_marac case %}` and `{% person_marac nominal %}`: the MARAC side of the link with
MAPPA, on the MAPPA case page and the person page. They show that a MARAC case exists and the
facts the MARAC shared, never the victim's record; a reader who also takes part in the MARAC
case gets a link to it and its actions beside the MAPPA actions."""

from django import template
from django.utils import timezone

from mappa.actions.queries import case_actions
from mappa.marac import queries
from mappa.marac.views.cases import marac_actions

register = template.Library()


def _rows(user, links, mappa_case=None):
    today = timezone.localdate()
    links = list(links)
    # Which MARAC cases the reader takes part in matters only when there are links.
    visible = set(queries.cases_visible_to(user).values_list("id", flat=True)) if links else set()
    rows = []
    for link in links:
        takes_part = link.marac_case_id in visible
        rows.append(
            {
                "link": link,
                "takes_part": takes_part,
                "marac_actions": marac_actions(link.marac_case, today) if takes_part else None,
            }
        )
    mappa_rows = case_actions(mappa_case, today) if mappa_case is not None else None
    return {"rows": rows, "mappa_actions": mappa_rows}


@register.inclusion_tag("marac/_mappa_side.html", takes_context=True)
def mappa_case_marac(context, case):
    user = context["request"].user
    links = queries.links_for_mappa_case(user, case).select_related("marac_case")
    return _rows(user, links, case) | {"where": "case"}


@register.inclusion_tag("marac/_mappa_side.html", takes_context=True)
def person_marac(context, nominal):
    user = context["request"].user
    return _rows(user, queries.links_for_nominal(user, nominal)) | {"where": "person"}
