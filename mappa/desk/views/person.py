"""The person page: the record, its eligibility, its cases' timeline, risk, and what other apps
hold about the person."""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries as case_queries
from mappa.cases import timeline
from mappa.cases.models import LevelChange, Review
from mappa.custody import queries as custody
from mappa.desk.views import pdp
from mappa.disclosures import queries as disclosures
from mappa.marac import queries as marac
from mappa.people import queries
from mappa.people.eligibility import for_nominal
from mappa.referrals import queries as referrals
from mappa.risk import queries as risk
from mappa.whereabouts import queries as whereabouts


@requires(permissions.VIEW_CASES)
def person(request, nominal_id):
    # Whether the person has referrals, RoSH, exclusion zones, MARAC links or disclosure
    # decisions at all comes with the nominal's own query: the sections that read them look
    # (through the reader's scope, as ever) only when there is something to find.
    on_record = (
        referrals.on_record()
        | risk.on_record()
        | marac.on_record()
        | disclosures.on_record()
        | custody.on_record()
        | whereabouts.on_record()
    )
    # The whole record's level history comes with who decided each level and their agency, in
    # the same query; the reviews, with who held them, are one more.
    nominal = queries.get_nominal(
        request.user,
        nominal_id,
        whole_record=True,
        annotations=on_record,
        level_history=LevelChange.objects.select_related("decided_by__agency"),
    )
    prefetch_related_objects(
        [nominal],
        Prefetch(
            "mappa_cases__reviews", queryset=Review.objects.select_related("reviewed_by__agency")
        ),
    )
    cases = nominal.mappa_cases.all()
    audit.record_read(actor=request.user, subject=nominal.id, content="person record")
    reports = whereabouts.of_person(nominal, cases)  # whereabouts unknown: banner and timeline
    eligibility = for_nominal(nominal, timezone.localdate())
    case = next((c for c in cases if c.closed_on is None), None)
    context = {
        "nominal": nominal,
        "eligibility": eligibility,
        "case": case,
        "timeline": reports.with_timeline(
            custody.with_custody(
                timeline.entries(cases, referrals.submitted_referrals(request.user, nominal)),
                nominal,
            )
        ),
        "may_see_custody": custody.may_see_custody(request.user, nominal),
        "whereabouts_open": reports.open,
        "may_edit": permissions.has_permission(request.user, permissions.EDIT_REGISTER)
        # A person a transfer shares with the user's area is read-only there
        and case_queries.may_change_readable(request.user, nominal.area_id),
        "may_refer": permissions.has_permission(request.user, permissions.MAKE_REFERRAL),
        "risk": risk.person_risk(nominal, timezone.localdate()),
        # Propose managing the person as a PDP (police practitioners), or why not (eligible).
        **pdp.for_person(request.user, nominal, eligibility, case),
    }
    return render(request, "desk/person.html", context)
