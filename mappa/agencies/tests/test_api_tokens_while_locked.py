"""An account locked by failed sign-ins (docs/decisions/0002) cannot use its API tokens
until the lock ends; a deactivated user's tokens do not work at all."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from mappa.agencies.models import User

pytestmark = pytest.mark.django_db

TOKEN = "Token demo-probation.om"


def me() -> object:
    return Client().get("/api/v1/me/", HTTP_AUTHORIZATION=TOKEN)


def lock(username: str) -> None:
    for _ in range(5):
        Client().post("/sign-in/", {"username": username, "password": "wrong password"})


def test_a_locked_accounts_token_is_refused_in_the_api_error_format(demo):
    assert me().status_code == 200
    lock("probation.om")
    response = me()
    assert response.status_code == 401
    assert response.json() == {
        "errors": [
            {
                "field": None,
                "message": "The account is locked after repeated failed sign-ins; "
                "try again after 15 minutes",
            }
        ]
    }


def test_the_token_works_again_when_the_lock_ends(demo):
    lock("probation.om")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert me().status_code == 200


def test_fewer_failures_than_the_limit_leave_the_token_working(demo):
    for _ in range(4):
        Client().post("/sign-in/", {"username": "probation.om", "password": "wrong password"})
    assert me().status_code == 200


def test_another_accounts_lock_leaves_the_token_working(demo):
    lock("coordinator")
    assert me().status_code == 200


def test_a_deactivated_users_token_is_refused(demo):
    User.objects.filter(username="probation.om").update(is_active=False)
    response = me()
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "The token is not valid"
