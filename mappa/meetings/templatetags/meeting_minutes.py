"""`{% case_minutes case %}`: the minutes discussing a case that the reader may open, for the
case page (scoped with the reader from the request)."""

from django import template

from mappa.meetings.queries import minutes

register = template.Library()


@register.inclusion_tag("meetings/_case_minutes_links.html", takes_context=True)
def case_minutes(context, case):
    user = context["request"].user
    return {"case": case, "minutes": minutes.minutes_of_case(user, case)}
