"""Per-user API tokens: created and revoked by their owner, stored hashed."""

import re

import pytest
from django.test import Client

from mappa.agencies.models import ApiToken
from mappa.agencies.services import token_digest
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_api_calls_without_a_token_get_401():
    response = Client().get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "errors": [{"field": None, "message": "Authentication credentials were not provided."}]
    }


def test_api_calls_with_an_unknown_token_get_401(demo):
    response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "The token is not valid"


def test_a_malformed_authorization_header_gets_401_not_500(demo):
    response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION="Token two parts")
    assert response.status_code == 401


def test_a_demo_persona_calls_the_api_with_its_token(demo):
    response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION="Token demo-probation.om")
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "probation.om"
    assert body["role"] == "ra_practitioner"
    assert body["area"]["code"] == "DEMO"
    assert body["id"] == str(demo["probation.om"].uuid)


def test_a_user_creates_a_token_that_is_shown_once_and_stored_hashed(signed_in):
    client = signed_in("probation.om")
    response = client.post("/account/api-tokens/", {"name": "Nightly sync"})
    assert response.status_code == 200
    raw = re.search(rb'data-testid="new-token">([^<]+)<', response.content).group(1).decode()
    token = ApiToken.objects.get(name="Nightly sync")
    assert token.digest == token_digest(raw) and raw not in token.digest
    assert not ApiToken.objects.filter(digest=raw).exists()
    assert Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {raw}").status_code == 200
    assert AuditEvent.objects.get(event_type=EventType.API_TOKEN_CREATED).payload == {
        "token": str(token.id),
        "name": "Nightly sync",
    }
    assert raw.encode() not in client.get("/account/api-tokens/").content


def test_a_token_needs_a_name(signed_in):
    response = signed_in("probation.om").post("/account/api-tokens/", {"name": "  "})
    assert b"Enter a name for the token" in response.content
    assert not ApiToken.objects.exclude(name="Demo token").exists()


def test_a_revoked_token_no_longer_works(signed_in):
    client = signed_in("probation.om")
    token = ApiToken.objects.get(user__username="probation.om")
    response = client.post(f"/account/api-tokens/{token.id}/revoke/")
    assert response["Location"] == "/account/api-tokens/"
    assert (
        Client().get("/api/v1/me/", HTTP_AUTHORIZATION="Token demo-probation.om").status_code == 401
    )
    assert AuditEvent.objects.filter(event_type=EventType.API_TOKEN_REVOKED).count() == 1


def test_a_user_cannot_revoke_someone_elses_token(signed_in):
    others = ApiToken.objects.get(user__username="police.ppu")
    response = signed_in("probation.om").post(f"/account/api-tokens/{others.id}/revoke/")
    assert response.status_code == 404
    others.refresh_from_db()
    assert others.revoked_at is None
