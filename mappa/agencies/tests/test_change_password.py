"""Changing a password, under NCSC password guidance (length; no common passwords)."""

import pytest

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def change(client, new: str, old: str = "demo-probation.om"):
    return client.post(
        "/account/password/", {"old_password": old, "new_password1": new, "new_password2": new}
    )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", b"at least 12 characters"),
        ("password1234", b"too common"),
        ("probation.om1", b"too similar"),
    ],
)
def test_a_weak_password_is_refused_with_the_reason(signed_in, demo, password, message):
    client = signed_in("probation.om")
    response = change(client, password)
    assert response.status_code == 200
    assert message in response.content
    demo["probation.om"].refresh_from_db()
    assert demo["probation.om"].check_password("demo-probation.om")
    assert not AuditEvent.objects.filter(event_type=EventType.PASSWORD_CHANGED).exists()


def test_a_long_password_of_three_random_words_is_accepted(signed_in, demo):
    client = signed_in("probation.om")
    response = change(client, "lantern otter marmalade")
    assert response["Location"] == "/dashboard/"
    demo["probation.om"].refresh_from_db()
    assert demo["probation.om"].check_password("lantern otter marmalade")
    assert (
        AuditEvent.objects.get(event_type=EventType.PASSWORD_CHANGED).actor == demo["probation.om"]
    )
    assert client.get("/dashboard/").status_code == 200


def test_the_old_password_is_required(signed_in):
    response = change(signed_in("probation.om"), "lantern otter marmalade", old="wrong")
    assert b"Your old password was entered incorrectly" in response.content
