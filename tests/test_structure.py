"""The rules of the house, checked over the whole code base (shared/design.md)."""

import inspect
from io import StringIO

import pytest
from django import forms
from django.core.management import call_command
from django.urls import path

from mappa.agencies import permissions
from mappa.agencies.admin import admin_site
from mappa.kit.forms import GovukForm
from mappa.versions import VersionField
from tests import layers, structure


def unprotected_view(request):  # deliberately declares no permission
    return None


@permissions.requires(permissions.SIGNED_IN)
def protected_view(request):
    return None


urlpatterns = [path("protected/", protected_view), path("forgotten/", unprotected_view)]


def test_every_route_declares_a_permission():
    problems = structure.routes_without_permission()
    assert not problems, "Routes without a declared permission:\n" + "\n".join(problems)


def test_the_route_check_catches_an_unprotected_route():
    problems = structure.routes_without_permission(urlconf=__name__)
    assert len(problems) == 1
    assert "/forgotten/" in problems[0] and "unprotected_view" in problems[0]


def test_the_route_check_sees_real_routes():
    names = [route for route, _ in structure.routes()]
    assert "sign-in/" in names and "api/v1/me/" in names


def test_the_admin_site_is_guarded_as_a_whole_by_a_declared_permission():
    assert admin_site.permission == permissions.MANAGE_REFERENCE_DATA


def test_no_rules_module_imports_django():
    modules = structure.rules_modules()
    assert modules, "expected rules.py modules to check"
    problems = [problem for module in modules for problem in structure.django_imports(module)]
    assert not problems, "rules.py must be pure Python:\n" + "\n".join(problems)


def test_the_rules_check_catches_a_django_import(tmp_path):
    module = tmp_path / "rules.py"
    module.write_text("from datetime import date\nfrom django.utils import timezone\n")
    problems = structure.django_imports(module)
    assert problems == [f"{module}:2 imports django.utils"]


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.django_db
def test_the_migration_check_catches_a_missing_migration(settings):
    # Point the audit app at an empty migrations package: its models then lack a migration.
    settings.MIGRATION_MODULES = {"audit": "tests.empty_migrations"}
    with pytest.raises(SystemExit) as exit_:
        call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
    assert exit_.value.code == 1


class NotesForm(GovukForm):  # deliberately carries no version
    notes = forms.CharField()


class VersionedNotesForm(GovukForm):
    notes = forms.CharField()
    version = VersionField()


EDIT_VIEWS = """
def edit_notes(request, record_id):
    found = queries.get_record(request.user, record_id)
    initial = {"notes": found.notes}
    form = FORM(request.POST or None, initial=initial)

def new_notes(request):
    form = FORM(request.POST or None, initial={"notes": timezone.localdate().isoformat()})
"""


def test_every_form_pre_filled_from_a_record_carries_a_version():
    problems = structure.edit_forms_without_version(structure.view_modules())
    assert not problems, "Edit forms without a version:\n" + "\n".join(problems)


def test_the_version_check_catches_an_edit_form_without_a_version():
    namespace = {"NotesForm": NotesForm, "VersionedNotesForm": VersionedNotesForm}
    unguarded = list(
        structure.prefilled_forms(EDIT_VIEWS.replace("FORM", "NotesForm"), namespace, "example")
    )
    assert [(view, form) for view, _, form in unguarded] == [("example.edit_notes", NotesForm)]
    assert not structure.has_version_field(NotesForm)
    guarded = structure.prefilled_forms(
        EDIT_VIEWS.replace("FORM", "VersionedNotesForm"), namespace, "example"
    )
    assert all(structure.has_version_field(form) for _, _, form in guarded)


def test_the_version_check_catches_a_form_chosen_at_run_time_without_a_version():
    source = EDIT_VIEWS.replace("FORM", "part.form")
    [(view, _, form)] = structure.prefilled_forms(source, {}, "example")
    assert view == "example.edit_notes" and not structure.has_version_field(form)
    given = source.replace("initial=initial)", "initial=initial, version=found.version)")
    [(_, _, form)] = structure.prefilled_forms(given, {}, "example")
    assert structure.has_version_field(form)


def test_every_listed_exception_still_pre_fills_a_form():
    assert not structure.stale_exceptions(structure.view_modules())


def test_the_version_check_sees_the_real_edit_forms():
    modules = structure.view_modules()
    found = {
        (view, structure.form_name(form))
        for name, module in modules.items()
        for view, _, form in structure.prefilled_forms(
            inspect.getsource(module), vars(module), name
        )
    }
    assert ("mappa.meetings.views.meetings.meeting_details", "MeetingDetailsForm") in found
    assert ("mappa.oversight.views.reviews.report", "ReportForm") in found


@pytest.mark.django_db
def test_every_service_that_saves_a_versioned_record_claims_its_version():
    models = structure.versioned_models()
    problems = [
        problem
        for module, source in structure.write_path_modules().items()
        for problem in structure.services_saving_without_a_version(source, module, models)
    ]
    assert not problems, "Saves that can overwrite another's:\n" + "\n".join(problems)


SERVICES = """
def change_meeting(*, actor, meeting: Meeting, venue: str) -> Meeting:
    with transaction.atomic():
        meeting.venue = venue
        meeting.save(update_fields=["venue"])

def change_meeting_safely(*, actor, meeting: Meeting, version: int | None, venue: str):
    with transaction.atomic():
        versions.claim(meeting, version=version, actor=actor)
        meeting.venue = venue
        meeting.save(update_fields=["venue"])
"""


@pytest.mark.django_db
def test_the_service_check_catches_a_save_without_a_version():
    problems = structure.services_saving_without_a_version(
        SERVICES, "example", structure.versioned_models()
    )
    assert problems == [
        "example.change_meeting saves a Meeting (meeting) without taking its version and "
        "calling versions.claim(meeting, ...)"
    ]


# The floors (docs/architecture.md, "Layers"; decision 0012).


def test_no_module_imports_a_floor_above_its_own():
    problems = layers.all_upward_imports()
    assert not problems, "Imports that climb:\n" + "\n".join(problems)
    unlisted = "\n".join(layers.all_upward_imports(allowed={}))
    for (module, target), reason in layers.UPWARD_ALLOWED.items():
        assert f"{module}:" in unlisted and target in unlisted, f"stale exception: {reason}"


def test_the_floor_check_catches_an_import_that_climbs():
    source = "from mappa.kit.forms import GovukForm\nfrom mappa.meetings import queries\n"
    assert layers.upward_imports(source, "mappa.cases.views") == [
        "mappa.cases.views:2 imports mappa.meetings.queries, a floor above it "
        "(cases is below meetings)"
    ]
    inside_a_function = "def f():\n    from mappa.desk import dashboards\n"
    assert layers.upward_imports(inside_a_function, "mappa.agencies.views") == [
        "mappa.agencies.views:2 imports mappa.desk.dashboards, a floor above it "
        "(agencies is below desk)"
    ]
    relative = "from ..meetings import services\n"
    assert layers.upward_imports(relative, "mappa.people.api") == [
        "mappa.people.api:1 imports mappa.meetings.services, a floor above it "
        "(people is below meetings)"
    ]


def test_the_floor_check_passes_imports_down_and_listed_exceptions():
    source = "from mappa.people import queries\nfrom mappa.agencies.permissions import requires\n"
    assert layers.upward_imports(source, "mappa.desk.views") == []
    assert layers.upward_imports(source.splitlines()[1], "mappa.audit.views") == []
    assert layers.upward_imports(source.splitlines()[1], "mappa.audit.forms") != []


def test_every_app_is_on_a_floor():
    floors = {name for floor in layers.LAYERS for name in floor}
    missing = {app.name for app in layers.apps()} - floors
    assert not missing, f"Apps on no floor (add them to tests/layers.py LAYERS): {missing}"
    with pytest.raises(LookupError, match="mappa.newapp is on no floor"):
        layers.floor_of("mappa.newapp.views")


def test_the_architecture_page_draws_the_same_floors():
    text = (layers.ROOT / "docs" / "architecture.md").read_text()
    assert layers.documented_layers(text) == layers.LAYERS


def test_no_module_is_longer_than_400_lines_unless_listed_with_a_reason():
    problems = layers.long_modules()
    assert not problems, "Modules too long:\n" + "\n".join(problems)
    for name, reason in layers.LONG_MODULES.items():
        assert (layers.ROOT / name).exists() and reason, name


def test_the_length_check_catches_a_long_module(tmp_path):
    app = tmp_path / "mappa" / "example"
    app.mkdir(parents=True)
    (app / "services.py").write_text("x = 1\n" * 401)
    (app / "rules.py").write_text("x = 1\n" * 400)
    assert layers.long_modules(tmp_path / "mappa") == [
        "mappa/example/services.py has 401 lines (at most 400)"
    ]


def test_every_app_has_the_common_file_set():
    problems = layers.file_set_problems()
    assert not problems, "Apps that break the common file set:\n" + "\n".join(problems)


def test_the_file_set_check_catches_a_satellite_and_a_missing_file(tmp_path):
    app = tmp_path / "mappa" / "example"
    (app / "tests").mkdir(parents=True)
    for name in ("apps.py", "constants.py", "rules.py", "models.py", "services.py", "urls.py"):
        (app / name).write_text("")
    (app / "minutes_models.py").write_text("")
    assert layers.file_set_problems(tmp_path / "mappa") == [
        "mappa/example/minutes_models.py: a satellite of `models`: "
        "make example/models/ a package and move it there",
        "example keeps records but has no queries",
    ]


def test_only_services_record_audit_events_or_open_transactions():
    problems = layers.all_writes_outside_services()
    assert not problems, "Writes outside a service:\n" + "\n".join(problems)
    for module, reason in layers.WRITES_ALLOWED.items():
        assert layers.writes_outside_services(
            (layers.ROOT / f"{module.replace('.', '/')}.py").read_text(), module
        ), f"{module} no longer writes outside a service: take it off the list ({reason})"


WRITES = """
from django.db import transaction
from mappa.audit import services as audit
from mappa.audit.services import record

def publish(request):
    with transaction.atomic():
        audit.record(actor=request.user, event_type="x", payload={})
    record(actor=None, event_type="y", payload={})
    audit.record_read(actor=request.user, subject=None)
"""


def test_the_write_path_check_catches_an_audit_event_or_transaction_in_a_view():
    assert layers.writes_outside_services(WRITES, "mappa.example.views") == [
        "mappa.example.views:7 opens a transaction",
        "mappa.example.views:8 records an audit event",
        "mappa.example.views:9 records an audit event",
    ]
    assert layers.writes_outside_services(WRITES, "mappa.example.services") == []
    assert layers.writes_outside_services(WRITES, "mappa.example.services.minutes") == []
