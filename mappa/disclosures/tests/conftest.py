"""Fixtures for the disclosure tests: the demo personas with the demo people and cases."""

import pytest

from mappa.desk.services import load_demo


@pytest.fixture
def users(db, demo_mode):
    """The demo personas by username, with the demo nominals and their cases."""
    return {user.username: user for user in load_demo()}
