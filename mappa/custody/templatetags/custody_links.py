"""`{% case_custody case %}`: the custody panel of the case page: in custody or not, the level
due date before release, and the link to the person's custody page (a reader of the case)."""

from django import template
from django.conf import settings
from django.utils import timezone

from mappa.agencies import permissions
from mappa.custody import queries, rules

register = template.Library()


@register.inclusion_tag("custody/_case_custody.html", takes_context=True)
def case_custody(context, case):
    user = context["request"].user
    nominal = case.nominal
    if (
        not permissions.role_has(user, permissions.VIEW_AREA_CASES)
        or user.area_id != nominal.area_id
    ):
        return {"shown": False}
    period = queries.open_period(nominal)
    record = queries.custody_record(nominal)
    due = rules.level_due_against(
        release_on=queries.expected_release(nominal, period, record),
        parole_hearing_on=record.parole_hearing_on if record else None,
        today=timezone.localdate(),
    )
    last = queries.movements_of(nominal).first()
    return {
        "shown": True,
        "nominal": nominal,
        "period": period,
        "due": due,
        "deadline": due
        and rules.level_deadline(
            due_on=due.on, lead_months=settings.MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE
        ),
        "last": last,
    }
