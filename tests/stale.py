"""Helpers for the tests that two people editing one record cannot overwrite each other.

Each test has two editors load the same form, the first save it, and the second save over
it: the second is refused with the first's name, and the second's input is still on the page.
"""

from __future__ import annotations

import html
import re

from django.test import Client

from mappa.agencies.models import User
from tests.factories import PASSWORD, create_totp_device, create_user, current_code

VERSION = re.compile(r'<input type="hidden" name="version" value="(\d+)"')


def loaded_version(response) -> str:
    """The version a form page handed out in its hidden field."""
    assert response.status_code == 200, response.status_code
    found = VERSION.search(response.content.decode())
    assert found, "the form has no hidden version field"
    return found.group(1)


def colleague(of: User, *, first_name: str, last_name: str, **overrides) -> User:
    """Another user with the same role, agency and area as `of`."""
    fields = {"role": of.role, "agency": of.agency, "area": of.area} | overrides
    return create_user(first_name=first_name, last_name=last_name, **fields)


def signed_in_client(user: User) -> Client:
    """A client signed in as a non-persona user, through the password and the second factor."""
    device = create_totp_device(user)
    client = Client()
    client.post("/sign-in/", {"username": user.username, "password": PASSWORD})
    response = client.post("/sign-in/code/", {"code": current_code(device)})
    assert response.status_code == 302, f"{user.username} could not sign in"
    return client


def assert_refused(response, *, by: User, kept: list[str]) -> None:
    """The save was refused in the error summary, naming who changed the record, and the
    refused editor's input is still in the form."""
    assert response.status_code == 200, response.status_code
    page = html.unescape(response.content.decode())
    assert "govuk-error-summary" in page
    assert f"changed by {by.get_full_name()} ({by.agency})" in page
    assert "your changes have not been saved" in page
    for text in kept:
        assert text in page, f"the refused input {text!r} is not on the page"
