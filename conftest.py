"""Shared fixtures: the demo personas, and clients signed in as them."""

from __future__ import annotations

import pytest
from django.test import Client

from mappa.agencies.models import User
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo


@pytest.fixture
def demo(db) -> dict[str, User]:
    """The contract's demo areas, agencies and personas, by username (without the demo cases)."""
    return {user.username: user for user in load_demo(nominals=False)}


@pytest.fixture
def demo_mode(settings):
    settings.MAPPA_DEMO = True
    return settings


@pytest.fixture
def signed_in(demo, demo_mode):
    """A function that returns a client signed in (through the real form) as a persona."""

    def sign_in(username: str) -> Client:
        client = Client()
        response = client.post(
            "/sign-in/", {"username": username, "password": demo_secret(username)}
        )
        assert response.status_code == 302, f"{username} could not sign in"
        return client

    return sign_in
