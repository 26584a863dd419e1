from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from pydantic import ValidationError as PydanticError

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import timeline
from mappa.cases.models import Review
from mappa.disclosures import queries as disclosures
from mappa.marac import queries as marac
from mappa.people import editing, queries, records, services
from mappa.people.eligibility import for_nominal
from mappa.people.forms import SearchForm
from mappa.people.import_format import problems_in
from mappa.people.models import Nominal
from mappa.referrals import queries as referrals
from mappa.risk import queries as risk


@requires(permissions.VIEW_CASES)
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        criteria = queries.Criteria(
            **{key: value or "" for key, value in form.cleaned_data.items()}
        )
        criteria = queries.Criteria(
            name=criteria.name,
            date_of_birth=form.cleaned_data["date_of_birth"],
            identifier=criteria.identifier,
            postcode=criteria.postcode,
        )
        results = queries.search(request.user, criteria)
        audit.record(
            actor=request.user,
            event_type=EventType.REGISTER_SEARCHED,
            payload={
                "query": {k: str(v) for k, v in form.cleaned_data.items() if v},
                "results": len(results),
            },
        )
    context = {
        "form": form,
        "results": results,
        "limit": queries.SEARCH_LIMIT,
        "may_add": permissions.has_permission(request.user, permissions.EDIT_REGISTER),
    }
    return render(request, "people/search.html", context)


@requires(permissions.VIEW_CASES)
def person(request, nominal_id):
    # Whether the person has referrals, RoSH, exclusion zones, MARAC links or disclosure
    # decisions at all comes with the nominal's own query: the sections that read them look
    # (through the reader's scope, as ever) only when there is something to find.
    on_record = (
        referrals.on_record() | risk.on_record() | marac.on_record() | disclosures.on_record()
    )
    nominal = queries.get_nominal(
        request.user, nominal_id, whole_record=True, annotations=on_record
    )
    # The whole record already holds the cases and their level history: add only what the
    # timeline reads (who decided, with their agency, in one query each), rather than
    # fetching the cases a second time.
    prefetch_related_objects(
        [nominal],
        Prefetch(
            "mappa_cases__level_history__decided_by",
            queryset=User.objects.select_related("agency"),
        ),
        Prefetch(
            "mappa_cases__reviews", queryset=Review.objects.select_related("reviewed_by__agency")
        ),
    )
    cases = nominal.mappa_cases.all()
    audit.record_read(actor=request.user, subject=nominal.id, content="person record")
    context = {
        "nominal": nominal,
        "eligibility": for_nominal(nominal, timezone.localdate()),
        "case": next((c for c in cases if c.closed_on is None), None),
        "timeline": timeline.entries(cases, referrals.submitted_referrals(request.user, nominal)),
        "may_edit": permissions.has_permission(request.user, permissions.EDIT_REGISTER),
        "may_refer": permissions.has_permission(request.user, permissions.MAKE_REFERRAL),
        "risk": risk.person_risk(nominal, timezone.localdate()),
    }
    return render(request, "people/person.html", context)


def _save_section(request, section, record, nominal=None):
    """Apply a section's form; return the saved nominal, or None with the errors on the form."""
    form = editing.form_for(section, request.POST, version=nominal and nominal.version)
    if not form.is_valid():
        return form, None
    try:
        updated = editing.apply(section, record, form.cleaned_data)
        saved = services.save_nominal(
            actor=request.user,
            record=updated,
            nominal=nominal,
            version=form.cleaned_data.get("version"),
            via="web",
        )
    except PydanticError as error:
        problems = problems_in(error)
    except services.RecordRejected as rejected:
        problems = rejected.problems
    except versions.StaleEdit as stale:
        problems = [("(record)", stale.messages[0])]
    else:
        return form, saved
    for path, reason in problems:
        field = path.rsplit(".", 1)[-1]
        form.add_error(field if field in form.fields else None, reason)
    return form, None


@requires(permissions.EDIT_REGISTER)
def add(request):
    section = editing.SECTIONS["identity"]
    form = section.form()
    if request.method == "POST":
        form, saved = _save_section(request, section, editing.new_record(request.user.area.code))
        if saved:
            return redirect("person", nominal_id=saved.id)
    return render(
        request,
        "people/edit.html",
        {"form": form, "title": "Add a person to the register", "nominal": None},
    )


def _editable(request, nominal_id) -> Nominal:
    nominal = queries.get_nominal(request.user, nominal_id)
    if nominal.area_id != request.user.area_id:
        raise PermissionDenied("You can change nominals only in your own area")
    return nominal


@requires(permissions.EDIT_REGISTER)
def edit(request, nominal_id, section_name):
    section = editing.SECTIONS.get(section_name)
    if section is None:
        raise Http404("No such section")
    nominal = _editable(request, nominal_id)
    record = editing.as_dict(
        records.to_record(records.exportable(Nominal.objects.filter(id=nominal.id)).get())
    )
    form = editing.form_for(section, initial=section.initial(record), version=nominal.version)
    if request.method == "POST":
        form, saved = _save_section(request, section, record, nominal)
        if saved:
            return redirect("person", nominal_id=saved.id)
    audit.record_read(
        actor=request.user, subject=nominal.id, content=f"person record, {section_name} form"
    )
    return render(
        request, "people/edit.html", {"form": form, "title": section.title, "nominal": nominal}
    )


@requires(permissions.EDIT_REGISTER)
def remove(request, nominal_id, section_name, item_id):
    """Remove one entry (an alias, address, conviction...) from the record, after confirming."""
    removable = editing.REMOVABLE.get(section_name)
    if removable is None:
        raise Http404("No such section")
    nominal = _editable(request, nominal_id)
    whole = records.exportable(Nominal.objects.filter(id=nominal.id)).get()
    rows = records.listed(whole)[removable.key]
    position = next((i for i, row in enumerate(rows) if str(row.pk) == item_id), None)
    if position is None:
        raise Http404("No such entry")
    problems, version = [], nominal.version
    if request.method == "POST":
        record = editing.as_dict(records.to_record(whole))
        version = request.POST.get("version", "")
        try:
            updated = editing.without(record, removable, position)
            # This page is the confirmation, so removing a conviction is confirmed here.
            services.save_nominal(
                actor=request.user,
                record=updated,
                nominal=nominal,
                version=versions.VersionField().clean(version),
                via="web",
                removing_offences_confirmed=True,
            )
        except PydanticError as error:
            problems = [reason for _path, reason in problems_in(error)]
        except services.RecordRejected as rejected:
            problems = [reason for _path, reason in rejected.problems]
        except ValidationError as refused:  # a stale or missing version
            problems = refused.messages
        else:
            return redirect("person", nominal_id=nominal.id)
    audit.record_read(
        actor=request.user, subject=nominal.id, content=f"person record, {removable.noun} to remove"
    )
    context = {"nominal": nominal, "noun": removable.noun, "entry": rows[position]}
    context["version"] = version
    return render(request, "people/remove.html", context | {"problems": problems})
