from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from pydantic import ValidationError as PydanticError

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries as case_queries
from mappa.kit.forms import add_service_errors
from mappa.people import editing, queries, records, services
from mappa.people.constants import IDENTIFIER_LABELS, HeldStatus
from mappa.people.forms import HeldDecisionForm, SearchForm
from mappa.people.import_format import problems_in
from mappa.people.models import Nominal
from mappa.people.services import held


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
        services.record_search(
            actor=request.user,
            query={k: str(v) for k, v in form.cleaned_data.items() if v},
            results=len(results),
        )
    context = {
        "form": form,
        "results": results,
        "limit": queries.SEARCH_LIMIT,
        "may_add": permissions.has_permission(request.user, permissions.EDIT_REGISTER),
        "may_decide_held": permissions.has_permission(request.user, permissions.GRANT_CASE_ACCESS),
    }
    return render(request, "people/search.html", context)


PASSED = "passed to the co-ordinators"  # an addition held for another area (services.held)


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
    except held.AdditionHeld:
        return form, PASSED
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
        if saved is PASSED:
            return redirect("person-passed")
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
        if saved is PASSED:
            return redirect(f"{reverse('person-passed')}?change=1")
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


@requires(permissions.EDIT_REGISTER)
def passed(request):
    """After an addition or a change is held: told only that it went to the co-ordinators,
    nothing of why."""
    return render(request, "people/passed.html", {"change": "change" in request.GET})


@requires(permissions.GRANT_CASE_ACCESS)
def held_additions(request):
    additions = list(queries.held_additions_for(request.user))
    for addition in additions:
        audit.record_read(actor=request.user, subject=addition.id, content="held additions list")
    return render(request, "people/held_list.html", {"additions": additions})


@requires(permissions.GRANT_CASE_ACCESS)
def held_addition(request, held_id):
    addition = queries.get_held_addition(request.user, held_id)
    change = addition.is_change
    form = HeldDecisionForm(initial={"version": addition.version}, change=change)
    if request.method == "POST" and addition.status == HeldStatus.HELD:
        form = HeldDecisionForm(request.POST, change=change)
        if form.is_valid():
            try:
                held.decide(
                    actor=request.user,
                    held=addition,
                    decision=form.cleaned_data["decision"],
                    version=form.cleaned_data["version"],
                )
            except ValidationError as refused:
                add_service_errors(form, refused)
            else:
                return redirect("held-addition", held_id=addition.id)
    audit.record_read(actor=request.user, subject=addition.id, content="held addition")
    matches = queries.held_matches(request.user, addition)
    context = {
        "addition": addition,
        "submitted": _submitted(addition.record),
        "matches": matches,
        "form": form,
        # The same person, wanted in the submitting area: a transfer of their case leads there.
        "to_transfer": case_queries.cases_visible_to(request.user, changing=True).filter(
            nominal__in=[nominal for _, nominal in matches if nominal], closed_on__isnull=True
        ),
    }
    return render(request, "people/held.html", context)


def _submitted(record: dict) -> dict:
    """What the held record says, for the co-ordinator to compare with their own."""
    ids = record.get("external_ids") or {}
    born = record.get("date_of_birth")
    return {
        "name": " ".join(
            filter(None, [record["name"].get("forenames"), record["name"]["surname"]])
        ),
        "date_of_birth": date.fromisoformat(born) if born else None,
        "identifiers": [
            (label, ids[kind]) for kind, label in IDENTIFIER_LABELS.items() if ids.get(kind)
        ],
    }
