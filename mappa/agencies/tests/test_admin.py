"""The Django admin: reference data only, for sysadmin only, every change audited."""

import pytest

from mappa.agencies.admin import admin_site
from mappa.agencies.constants import Role
from mappa.agencies.models import Area, CaseAccessGrant
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from tests.factories import create_user
from tests.stale import signed_in_client

pytestmark = pytest.mark.django_db


def test_sysadmin_sees_areas_agencies_and_users(signed_in):
    response = signed_in("sysadmin").get("/admin/")
    assert response.status_code == 200
    for name in (b"Areas", b"Agencies", b"Users"):
        assert name in response.content


def test_the_admin_shows_no_case_content():
    registered = {model._meta.label for model in admin_site._registry}
    assert registered == {"agencies.Area", "agencies.Agency", "agencies.User"}
    assert CaseAccessGrant not in admin_site._registry


@pytest.mark.parametrize("username", ["coordinator", "probation.om", "smb.member"])
def test_other_roles_are_refused(signed_in, username):
    client = signed_in(username)
    assert client.get("/admin/agencies/area/", follow=True).status_code == 403
    assert AuditEvent.objects.filter(event_type=EventType.PERMISSION_DENIED).exists()


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(demo):
    from django.test import Client

    response = Client().get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/sign-in/")


def test_a_change_to_reference_data_is_audited(signed_in):
    client = signed_in("sysadmin")
    area = Area.objects.get(code="OTHER")
    response = client.post(
        f"/admin/agencies/area/{area.pk}/change/",
        {
            "code": "OTHER",
            "name": "Otherford and District",
            "population": "950000",
            "loaded_version": area.version,
        },
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Otherford and District"
    event = AuditEvent.objects.get(event_type=EventType.REFERENCE_DATA_CHANGED)
    assert event.payload == {"model": "agencies.Area", "object": str(area.pk), "action": "changed"}


def _admin_form(client, url) -> dict:
    """The fields a change page shows, as its form would post them back."""
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    return {name: "" if value is None else value for name, value in data.items()}


def test_a_second_save_of_the_same_area_is_refused_naming_the_first(signed_in):
    first = signed_in("sysadmin")
    other = create_user(role=Role.SYSADMIN, first_name="Ada", last_name="Lovell")
    second = signed_in_client(other)
    area = Area.objects.get(code="OTHER")
    url = f"/admin/agencies/area/{area.pk}/change/"
    first_form, second_form = _admin_form(first, url), _admin_form(second, url)
    assert first_form["loaded_version"] == second_form["loaded_version"] == 1

    saved = first.post(url, first_form | {"name": "Otherford and District"})
    assert saved.status_code == 302
    refused = second.post(url, second_form | {"name": "Greater Otherford"})

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "changed by Sys Admin" in page and "your changes have not been saved" in page
    assert 'value="Greater Otherford"' in page
    area.refresh_from_db()
    assert area.name == "Otherford and District" and area.version == 2


def test_a_second_save_of_the_same_user_is_refused_naming_the_first(signed_in, demo):
    first = signed_in("sysadmin")
    second = signed_in_client(create_user(role=Role.SYSADMIN, first_name="Ada", last_name="Lovell"))
    officer = demo["housing.officer"]
    url = f"/admin/agencies/user/{officer.pk}/change/"
    first_form, second_form = _admin_form(first, url), _admin_form(second, url)

    assert first.post(url, first_form | {"job_title": "Housing team leader"}).status_code == 302
    refused = second.post(url, second_form | {"job_title": "Tenancy sustainment officer"})

    assert "changed by Sys Admin" in refused.content.decode()
    assert 'value="Tenancy sustainment officer"' in refused.content.decode()
    officer.refresh_from_db()
    assert officer.job_title == "Housing team leader"
