"""Signing in: password, lockout, second factor, idle expiry, signing out."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from mappa.agencies.constants import Role
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from tests.factories import PASSWORD, create_totp_device, create_user, current_code

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str = PASSWORD):
    return client.post("/sign-in/", {"username": username, "password": password})


def events(event_type: str):
    return AuditEvent.objects.filter(event_type=event_type)


def test_it_shows_the_sign_in_page():
    response = Client().get("/sign-in/")
    assert response.status_code == 200
    assert b"Sign in to" in response.content


def test_a_wrong_password_is_refused_and_audited():
    user = create_user()
    response = sign_in(Client(), user.username, "not the password")
    assert response.status_code == 200
    assert b"Enter a correct username and password" in response.content
    failure = events(EventType.SIGN_IN_FAILED).get()
    assert failure.payload == {"username": user.username, "reason": "wrong username or password"}
    assert failure.area_id == user.area_id


def test_five_wrong_passwords_lock_the_account():
    user = create_user()
    client = Client()
    for _ in range(4):
        assert sign_in(client, user.username, "wrong password").status_code == 200
    response = sign_in(client, user.username, "wrong password")
    assert response.status_code == 429
    assert b"Your account is locked" in response.content
    assert events(EventType.LOCKED_OUT).get().payload == {"username": user.username}
    # Even the right password is refused while locked, from any client.
    response = sign_in(Client(), user.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in Client().session
    assert events(EventType.SIGN_IN_FAILED).filter(payload__reason="account locked").count() == 1


def test_the_lockout_ends_after_15_minutes():
    user = create_user()
    create_totp_device(user)
    for _ in range(5):
        sign_in(Client(), user.username, "wrong password")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = sign_in(Client(), user.username)
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/code/"


def test_a_user_with_an_authenticator_must_enter_its_code():
    user = create_user()
    device = create_totp_device(user)
    client = Client()
    assert sign_in(client, user.username)["Location"] == "/sign-in/code/"
    assert client.get("/dashboard/")["Location"] == "/sign-in/code/"
    response = client.post(
        "/sign-in/code/", {"code": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert response.status_code == 200
    assert events(EventType.SECOND_FACTOR_FAILED).count() == 1
    # django-otp throttles guesses: after a wrong code the next try must wait a second.
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        response = client.post("/sign-in/code/", {"code": current_code(device)})
    assert response["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200
    assert events(EventType.SIGNED_IN).get().actor == user


def test_a_user_without_a_second_factor_must_set_one_up(settings):
    settings.MAPPA_DEMO = False
    user = create_user(role=Role.COORDINATOR)
    client = Client()
    assert sign_in(client, user.username)["Location"] == "/sign-in/set-up-authenticator/"
    page = client.get("/sign-in/set-up-authenticator/")
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    device = user.totpdevice_set.get(confirmed=False)
    response = client.post("/sign-in/set-up-authenticator/", {"code": current_code(device)})
    assert response["Location"] == "/dashboard/"
    device.refresh_from_db()
    assert device.confirmed
    assert events(EventType.SECOND_FACTOR_ENROLLED).get().actor == user
    assert client.get("/audit-log/").status_code == 200


def test_a_staff_user_without_a_second_factor_reaches_no_staff_page_outside_demo_mode(settings):
    from tests.structure import declared_permission, routes

    settings.MAPPA_DEMO = False
    user = create_user(role=Role.COORDINATOR, is_demo=True)
    client = Client()
    sign_in(client, user.username)
    checked = 0
    for route, callback in routes():
        if declared_permission(callback) in {"public", "signing_in"} or "<" in route:
            continue
        response = client.get("/" + route)
        if route.startswith("api/"):
            assert response.status_code == 401, route
        else:
            assert response.status_code == 302 and response["Location"].startswith("/sign-in/"), (
                route
            )
        checked += 1
    assert checked >= 3


def test_demo_personas_skip_the_second_factor_in_demo_mode(settings):
    settings.MAPPA_DEMO = True
    user = create_user(is_demo=True)
    response = sign_in(Client(), user.username)
    assert response["Location"] == "/dashboard/"
    assert events(EventType.SIGNED_IN).get().payload == {
        "method": "password (demo persona, no second factor)"
    }


def test_an_idle_session_expires_after_30_minutes(settings):
    settings.MAPPA_DEMO = True
    user = create_user(is_demo=True)
    client = Client()
    sign_in(client, user.username)
    with time_machine.travel(timezone.now() + timedelta(minutes=25)):
        assert client.get("/dashboard/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=50)):
        # 25 idle minutes since the last request: still signed in.
        assert client.get("/dashboard/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=81)):
        response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_signing_out_ends_the_session_and_is_audited(settings):
    settings.MAPPA_DEMO = True
    user = create_user(is_demo=True)
    client = Client()
    sign_in(client, user.username)
    assert client.post("/sign-out/")["Location"] == "/signed-out/"
    assert client.get("/dashboard/").status_code == 302
    assert events(EventType.SIGNED_OUT).get().actor == user


def test_it_does_not_redirect_to_another_site_after_sign_in(settings):
    settings.MAPPA_DEMO = True
    user = create_user(is_demo=True)
    response = Client().post(
        "/sign-in/?next=https://evil.example/", {"username": user.username, "password": PASSWORD}
    )
    assert response["Location"] == "/dashboard/"


def test_it_returns_to_the_page_asked_for_after_sign_in(settings):
    settings.MAPPA_DEMO = True
    user = create_user(is_demo=True)
    response = Client().post(
        "/sign-in/",
        {"username": user.username, "password": PASSWORD, "next": "/account/api-tokens/"},
    )
    assert response["Location"] == "/account/api-tokens/"
