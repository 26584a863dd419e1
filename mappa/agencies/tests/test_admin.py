"""The Django admin: reference data only, for sysadmin only, every change audited."""

import pytest

from mappa.agencies.admin import admin_site
from mappa.agencies.models import Area, CaseAccessGrant
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent

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
        {"code": "OTHER", "name": "Otherford and District", "population": "950000"},
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Otherford and District"
    event = AuditEvent.objects.get(event_type=EventType.REFERENCE_DATA_CHANGED)
    assert event.payload == {"model": "agencies.Area", "object": str(area.pk), "action": "changed"}
