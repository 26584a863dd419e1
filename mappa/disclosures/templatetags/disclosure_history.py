"""The person page's disclosure history: `{% disclosure_history nominal %}`.

The person page has already found the person in the reader's scope (and recorded the read);
the history shows every decision about them, with a link to record one for the disclosure team.
"""

from django import template

from mappa.agencies import permissions
from mappa.disclosures import queries

register = template.Library()


@register.inclusion_tag("disclosures/_history.html", takes_context=True)
def disclosure_history(context, nominal):
    user = context["request"].user
    return {
        "nominal": nominal,
        "disclosure_history": queries.history(nominal),
        "may_decide_disclosure": permissions.has_permission(user, permissions.DECIDE_DISCLOSURES),
    }
