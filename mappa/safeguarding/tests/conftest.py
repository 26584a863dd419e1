import pytest

from mappa.desk.services import load_demo


@pytest.fixture
def users(db, settings, tmp_path):
    """The demo personas with the demo cases, and a private folder for uploads."""
    settings.MAPPA_MASH_UPLOAD_DIR = tmp_path / "uploads"
    return {user.username: user for user in load_demo()}
