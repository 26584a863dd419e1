"""`mappa backup` and `mappa restore`: a round trip keeps every row and a verifiable audit log.

The database is copied by the database's own tools, so a subprocess must see
the rows: these tests commit (transactional_db). SQLite restores into a new
file, PostgreSQL into a scratch database beside the test database; each
engine's pair of tests is skipped on the other.
"""

import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.audit.tests.tampering import write_events
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(settings.BASE_DIR)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's round trip")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's round trip"
)


def mappa(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the `mappa` command against another database, as an operator would."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    environment |= {"MAPPA_ENV": "test"} | env
    return subprocess.run(
        [sys.executable, "-m", "mappa.cli", *args],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def some_data() -> int:
    load_demo(nominals=False)
    write_events(5)
    return AuditEvent.objects.count()


def backup(tmp_path, name: str = "mappa.backup") -> Path:
    path = tmp_path / name
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    assert out.getvalue().startswith(f"backed up the {connection.display_name} database to {path}")
    return path


def table_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def our_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return table_counts(cursor, connection.introspection.table_names())


def with_the_restore_recorded(counts: dict[str, int]) -> dict[str, int]:
    return counts | {"audit_auditevent": counts["audit_auditevent"] + 1}


@on_sqlite
def test_an_sqlite_round_trip_keeps_every_row_and_the_audit_log_verifies(tmp_path):
    some_data()
    path = backup(tmp_path)
    before = our_counts()
    restored_db = str(tmp_path / "restored.sqlite3")

    result = mappa("restore", str(path), MAPPA_SQLITE_PATH=restored_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"restored the database from {path}: audit log intact, "
        f"{before['audit_auditevent']} entries verified; the restore is recorded as entry "
        f"{before['audit_auditevent'] + 1}\n"
    )
    verified = mappa("audit", "verify", MAPPA_SQLITE_PATH=restored_db)
    assert verified.returncode == 0, verified.stderr
    assert (
        verified.stdout == f"audit log intact: {before['audit_auditevent'] + 1} entries verified\n"
    )
    with sqlite3.connect(restored_db) as restored:
        assert table_counts(restored.cursor(), before) == with_the_restore_recorded(before)


@on_postgresql
def test_a_postgresql_round_trip_keeps_every_row_and_the_audit_log_verifies(tmp_path):
    some_data()
    path = backup(tmp_path)
    before = our_counts()
    with scratch_database() as url:
        result = mappa("restore", str(path), DATABASE_URL=url)
        assert result.returncode == 0, result.stderr
        assert f"{before['audit_auditevent']} entries verified" in result.stdout
        verified = mappa("audit", "verify", DATABASE_URL=url)
        assert verified.returncode == 0, verified.stderr
        assert verified.stdout == (
            f"audit log intact: {before['audit_auditevent'] + 1} entries verified\n"
        )
        with psycopg.connect(url.replace("postgres://", "postgresql://")) as restored:
            assert table_counts(restored.cursor(), before) == with_the_restore_recorded(before)

        again = mappa("restore", str(path), DATABASE_URL=url)
        assert again.returncode != 0
        assert "the database already holds" in again.stderr
        assert "Give --replace" in again.stderr
        replaced = mappa("restore", str(path), "--replace", DATABASE_URL=url)
        assert replaced.returncode == 0, replaced.stderr
        verified = mappa("audit", "verify", DATABASE_URL=url)
        assert verified.returncode == 0, verified.stderr


class scratch_database:
    """A database beside the test database, dropped afterwards; yields its DATABASE_URL."""

    def __enter__(self) -> str:
        config = connection.settings_dict
        self.name = f"{config['NAME']}_restore"
        self.admin = psycopg.connect(
            dbname=config["NAME"],
            user=config["USER"],
            password=config["PASSWORD"],
            host=config["HOST"],
            port=config["PORT"],
            autocommit=True,
        )
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
        return (
            f"postgres://{config['USER']}{password}@{config['HOST']}:{config['PORT']}/{self.name}"
        )

    def __exit__(self, *exc) -> None:
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.close()


def test_a_restore_refuses_a_database_that_holds_anything_and_changes_nothing(tmp_path):
    some_data()
    path = backup(tmp_path)
    write_events(2)
    before = our_counts()
    users = before["agencies_user"]
    with pytest.raises(
        CommandError,
        match=f"the database already holds {before['audit_auditevent']} audit entries and "
        f"{users} users: nothing was restored. Give --replace to replace everything in it",
    ):
        call_command("restore", str(path))
    assert our_counts() == before


@on_sqlite
def test_a_restore_with_replace_puts_the_database_back_as_it_was_backed_up(tmp_path):
    some_data()
    path = backup(tmp_path)
    at_backup = our_counts()
    write_events(4)
    out = StringIO()
    call_command("restore", str(path), "--replace", stdout=out)
    assert f"{at_backup['audit_auditevent']} entries verified" in out.getvalue()
    assert our_counts() == with_the_restore_recorded(at_backup)
    last = AuditEvent.objects.order_by("-sequence").first()
    assert (last.event_type, last.payload) == (
        EventType.DATABASE_RESTORED,
        {"source": str(path), "engine": "sqlite", "entries": at_backup["audit_auditevent"]},
    )
    verified = StringIO()
    call_command("audit", "verify", stdout=verified)
    assert verified.getvalue().startswith("audit log intact")


def test_the_backup_is_recorded_in_the_log_it_copies(tmp_path):
    some_data()
    path = backup(tmp_path)
    event = AuditEvent.objects.order_by("-sequence").first()
    assert (event.event_type, event.payload) == (
        EventType.DATABASE_BACKED_UP,
        {"destination": str(path), "engine": connection.vendor},
    )


def test_a_backup_is_one_file_that_only_its_owner_can_read(tmp_path):
    some_data()
    path = backup(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    if connection.vendor == "sqlite":
        header = path.read_bytes()[:20]
        assert (header[18], header[19]) == (1, 1), "a rollback-journal database, not WAL"


def test_a_backup_does_not_overwrite_a_file(tmp_path):
    path = tmp_path / "yesterday.backup"
    path.write_text("yesterday's backup")
    with pytest.raises(CommandError, match=f"no backup made: {path} already exists"):
        call_command("backup", str(path))
    assert path.read_text() == "yesterday's backup"
    assert not AuditEvent.objects.exists()


def test_a_backup_refuses_while_another_is_being_written_to_the_same_name(tmp_path):
    partial = tmp_path / "today.backup.partial"
    partial.write_text("another backup, half written")
    with pytest.raises(CommandError, match=f"cannot write {partial}: File exists"):
        call_command("backup", str(tmp_path / "today.backup"))
    assert partial.read_text() == "another backup, half written"
    assert not AuditEvent.objects.exists()


def test_a_file_that_is_not_a_backup_is_refused_saying_so(tmp_path):
    some_data()
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    with pytest.raises(CommandError, match=f"{path} is not a mappa backup"):
        call_command("restore", str(path), "--replace")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(CommandError, match=f"{other} is an SQLite database but not mappa's"):
        call_command("restore", str(other), "--replace")
