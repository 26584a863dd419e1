"""Backing up and restoring the whole database so the audit log still verifies afterwards.

`dumpdata`/`loaddata` lose the microseconds the chain covers, so the service
copies the database as the database itself does: SQLite through its online
backup API (`sqlite3.Connection.backup`), PostgreSQL through `pg_dump
--format=custom` and `pg_restore` (Debian's postgresql-client). A restore
refuses to replace a database that holds anything unless asked to, and proves
the restored audit log before recording that it happened (docs/operations.md).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient

from mappa.audit import services
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.audit.verification import verify_chain

ENGINES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot go ahead, or did not end well; the message says which."""


@dataclass(frozen=True)
class Restored:
    entries: int  # audit entries in the restored log, all verified
    recorded_as: int  # the sequence of the database.restored entry


def _engine() -> str:
    if connection.vendor not in ENGINES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def backup(*, actor, path: Path) -> AuditEvent:
    """Record the backup in the audit log, then copy the whole database (that entry too) to path."""
    engine = _engine()
    if path.exists():
        raise BackupError(f"{path} already exists: give a new file name (nothing was written)")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a directory (nothing was written)")
    partial = path.with_name(path.name + ".partial")
    try:
        # Created empty, readable by its owner only: the copy holds OFFICIAL-SENSITIVE data.
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as error:
        raise BackupError(
            f"cannot write {partial}: {error.strerror} (is another backup running?); "
            "nothing was written"
        ) from error
    try:
        event = services.record(
            actor=actor,
            event_type=EventType.DATABASE_BACKED_UP,
            payload={"destination": str(path), "engine": engine},
        )
        if engine == "sqlite":
            _sqlite_backup(partial)
        else:
            _run(["pg_dump", "--format=custom", f"--file={partial}"])
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return event


def restore(*, actor, path: Path, replace: bool) -> Restored:
    """Replace the database with a backup's, verify its audit log and record the restore."""
    engine = _engine()
    kind = _kind_of(path)
    if kind != engine:
        raise BackupError(
            f"{path} is a backup of a {ENGINES[kind]} database, but this service's database is "
            f"{ENGINES[engine]}: nothing was restored"
        )
    held = _what_it_holds()
    if held and not replace:
        raise BackupError(
            f"the database already holds {held}: nothing was restored. "
            "Give --replace to replace everything in it with the backup"
        )
    if engine == "sqlite":
        _sqlite_restore(path)
    else:
        connection.close()  # pg_restore drops and creates tables this session must not hold
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ]
        )
    count, broken = verify_chain()
    if broken is not None:
        raise BackupError(
            f"{path} was restored, but its audit log is broken at entry {broken.sequence}: "
            f"{broken.reason}. The database now holds the backup's contents: find out why "
            "before the service uses it"
        )
    event = services.record(
        actor=actor,
        event_type=EventType.DATABASE_RESTORED,
        payload={"source": str(path), "engine": engine, "entries": count},
    )
    return Restored(entries=count, recorded_as=event.sequence)


def _kind_of(path: Path) -> str:
    try:
        with path.open("rb") as file:
            start = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"{path} cannot be read: {error.strerror}") from error
    if start.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    if start == SQLITE_MAGIC:
        _check_sqlite_backup(path)
        return "sqlite"
    raise BackupError(
        f"{path} is not a mappa backup: neither an SQLite database nor a pg_dump custom archive"
    )


def _check_sqlite_backup(path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
        problem = source.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database: {error}") from error
    finally:
        source.close()
    if AuditEvent._meta.db_table not in tables:
        raise BackupError(f"{path} is an SQLite database but not mappa's: it has no audit log")
    if problem != "ok":
        raise BackupError(f"{path} is damaged: SQLite's check says {problem}")


def _what_it_holds() -> str:
    """What the database holds that a restore would replace, in words; '' when it is empty."""
    tables = set(connection.introspection.table_names())
    held = []
    for model, noun in ((AuditEvent, "audit entries"), (get_user_model(), "users")):
        if model._meta.db_table in tables and (count := model._default_manager.count()):
            held.append(f"{count} {noun}")
    return " and ".join(held)


def _sqlite_backup(target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        # One self-contained file: the service's WAL mode would leave -wal and -shm files beside
        # the backup whenever it is opened.
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def _sqlite_restore(path: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _run(command: list[str]) -> None:
    """Run pg_dump or pg_restore against the service's database, as libpq reads its settings."""
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian package postgresql-client)")
    settings_dict = connection.settings_dict
    _, client_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = os.environ | (client_env or {})
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if command[0] == "pg_dump":
        command = [*command, str(settings_dict["NAME"])]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
