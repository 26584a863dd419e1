"""The rules of the house, checked over the whole code base (shared/design.md)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import path

from mappa.agencies import permissions
from mappa.agencies.admin import admin_site
from tests import structure


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
