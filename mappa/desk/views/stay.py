"""A temporary stay in another area (docs/transfers.md): what the host area's co-ordinators see
until the stay's last day, and the home area sees with its case. Need to know: the stay, who the
person is (names, date of birth, PNC), how the case is managed and by whom, and the risk summary of
the latest RoSH assessment; not the plan, the minutes or the person's history."""

from __future__ import annotations

from django.shortcuts import render

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries
from mappa.cases.views.panels import may_change_stay
from mappa.risk.queries import assessments_of


@requires(permissions.VIEW_CASES)
def stay(request, stay_id):
    found = queries.get_stay(request.user, stay_id)
    case = found.case
    audit.record_read(
        actor=request.user, subject=case.id, content="temporary stay, identity and risk summary"
    )
    context = {
        "stay": found,
        "case": case,
        "nominal": case.nominal,
        "aliases": list(case.nominal.aliases.all()),
        "assessment": assessments_of(case).first(),
        "is_host": request.user.area_id == found.host_area_id,
        "may_change_stay": may_change_stay(request.user, found),
    }
    return render(request, "desk/stay.html", context)
