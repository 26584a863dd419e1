"""Load check: many staff at once on mixed pages, and no errors; results to docs/benchmarks.md.

    python -m bench.load_check                      # the demo data, a throwaway SQLite file
    python -m bench.load_check --users 10 --seconds 20
    DATABASE_URL=postgres://... python -m bench.load_check    # a database holding the demo
                                                    # (bench/run.sh: the national register)

It serves the service with `mappa serve` in the production posture (gunicorn, 4 workers of
one thread, demo personas allowed) on 127.0.0.1, then runs locust twice with the same number
of clients and the same reading pause (bench/load_check_users.py): first the baseline, the
empty search page that is the lightest signed-in page; then the clients sign in as demo
personas and work through the dashboard, name searches, person pages, case pages and the
meetings list. The target is no errors; the pages' times are reported beside the baseline's.
Every request goes to 127.0.0.1, and each run stops at its time or at a cap on requests.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.national import machine, mappa
from bench.results import RESULTS, write_section

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"


def production_env(scratch: Path) -> dict:
    """The production posture on loopback: plain HTTP, demo personas without a second factor."""
    key = scratch / "audit.key"
    key.write_text("load-check audit key, not a secret: " + "x" * 32)
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "mappa.settings",
        "MAPPA_ENV": "production",
        "SECRET_KEY": "load-check-" + "x" * 50,
        "ALLOWED_HOSTS": HOST,
        "MAPPA_HTTPS": "false",
        "MAPPA_DEMO": "true",
        "MAPPA_AUDIT_KEY_FILE": str(key),
    }
    if not env.get("DATABASE_URL"):
        env["MAPPA_SQLITE_PATH"] = str(scratch / "db.sqlite3")
        mappa("migrate", "--no-input", env=env)
        mappa("demo", env=env)
    return env


def records(env: dict, path: Path) -> dict:
    """The DEMO area's people and cases that the load opens, written for the locustfile."""
    os.environ.update(env)
    import django

    django.setup()
    from mappa.cases.models import MappaCase
    from mappa.people.models import Nominal

    people = Nominal.objects.filter(area__code="DEMO").order_by("id")
    found = {
        "nominals": [str(i) for i in people.values_list("id", flat=True)[:5000]],
        "cases": [
            str(i)
            for i in MappaCase.objects.filter(nominal__area__code="DEMO")
            .order_by("id")
            .values_list("id", flat=True)[:5000]
        ],
        "surnames": sorted(set(people.values_list("surname", flat=True)[:5000]))[:200],
    }
    path.write_text(json.dumps(found))
    return {kind: len(values) for kind, values in found.items()}


def wait_for(url: str, seconds: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"load check: mappa serve stopped:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            time.sleep(1)
    sys.exit(f"load check: {url} did not answer within {seconds} s")


def run_locust(port: int, env: dict, pages: str, users: int, seconds: int, out: Path) -> dict:
    """One locust run; the stats of each page by name, and the failures by page and reason."""
    prefix = out / pages
    subprocess.run(
        [
            str(VENV / "locust"),
            "-f",
            str(ROOT / "bench" / "load_check_users.py"),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(max(1, users // 5)),
            "-t",
            f"{seconds}s",
            "--stop-timeout",
            "10",
            "--host",
            f"http://{HOST}:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--exit-code-on-error",
            "0",
        ],
        check=True,
        env=env | {"MAPPA_LOAD_PAGES": pages},
        capture_output=True,
        cwd=ROOT,
        timeout=seconds + 120,
    )
    with open(f"{prefix}_stats.csv") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    with open(f"{prefix}_failures.csv") as failures:
        errors = [
            (row["Name"], row["Error"], int(row["Occurrences"])) for row in csv.DictReader(failures)
        ]
    return {
        name: {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "p50": float(row["50%"]),
            "p95": float(row["95%"]),
            "rps": float(row["Requests/s"]),
        }
        for name, row in rows.items()
    } | {"errors": errors}


def check(users: int, seconds: int, baseline_seconds: int, think: str, port: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="mappa-load-") as scratch:
        scratch = Path(scratch)
        env = production_env(scratch)
        opened = records(env, scratch / "records.json")
        env |= {
            "MAPPA_LOAD_RECORDS": str(scratch / "records.json"),
            "MAPPA_LOAD_THINK": think,
            # Each client waits at least the shorter pause between pages: at most this many.
            "MAPPA_LOAD_MAX_REQUESTS": str(
                int(users * seconds / max(float(think.split("-")[0]), 0.5)) + 10 * users
            ),
        }
        log = (scratch / "serve.log").open("w")
        server = subprocess.Popen(
            [str(VENV / "mappa"), "serve", "--host", HOST, "--port", str(port)]
            + ["--workers", "4", "--threads", "1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        try:
            wait_for(f"http://{HOST}:{port}/sign-in/", 600, server, scratch / "serve.log")
            load_before = os.getloadavg()[0]
            baseline = run_locust(port, env, "baseline", users, baseline_seconds, scratch)
            mixed = run_locust(port, env, "mixed", users, seconds, scratch)
            load_after = os.getloadavg()[0]
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()
    database = "PostgreSQL (DATABASE_URL)" if env.get("DATABASE_URL") else "SQLite"
    return {
        "users": users,
        "seconds": seconds,
        "baseline_seconds": baseline_seconds,
        "think": think,
        "opened": opened,
        "database": database,
        "baseline": baseline,
        "mixed": mixed,
        # The machine's one-minute load average: other work on it slows every page alike.
        "load": (load_before, load_after),
    }


PAGES = ("sign in", "dashboard", "name search", "person page", "case page", "meetings")


def report(result: dict) -> str:
    base = result["baseline"]["baseline: empty search page"]
    mixed = result["mixed"]
    pages = mixed["Aggregated"]
    signing_in = mixed.get("sign in", {"requests": 0, "failures": 0})
    failures = pages["failures"]
    met = "met" if failures == 0 and base["failures"] == 0 else "**not met**"
    rows = "\n".join(
        f"| {name} | {mixed[name]['requests']:,} | {mixed[name]['failures']} "
        f"| {mixed[name]['p50']:.0f} ms | {mixed[name]['p95']:.0f} ms "
        f"| {mixed[name]['p50'] / max(base['p50'], 1):.1f}× |"
        for name in PAGES
        if name in mixed
    )
    errors = (
        "".join(f"\n- {name}: {error} ({count}×)" for name, error, count in mixed["errors"])
        or " none."
    )
    opened = result["opened"]
    low, high = map(float, result["think"].split("-"))
    asked = result["users"] / max((low + high) / 2, 0.1)
    return f"""## Load check: {result["users"]} staff at once on mixed pages

Measured {datetime.date.today().isoformat()} on {machine()}; the machine's load average
(one minute) was {result["load"][0]:.1f} when the load began and {result["load"][1]:.1f} when it
ended, load generator and server included.
Reproduce with `python -m bench.load_check` (the demo data in a throwaway SQLite file;
`make bench` runs it on the national register's PostgreSQL after the benchmarks above).

{result["users"]} clients (locust, FastHttpUser, on the same cores as the server) sign in as
five demo personas with DEMO cases and work through staff pages, pausing {result["think"]} s
before each, for {result["seconds"]} s against `mappa serve` in the production posture
(gunicorn, 4 workers of one thread) on {result["database"]}, holding
{opened["nominals"]:,} DEMO people and {opened["cases"]:,} DEMO cases to open. A page is an
error unless it is a 200 carrying the protective marking. The baseline, measured first in the
same run with the same clients and pauses for {result["baseline_seconds"]} s, is the empty
search page, the lightest signed-in page.

| | target | result | baseline in the same run | |
|---|---|---|---|---|
| errors on staff pages | 0 | {failures} of {pages["requests"]:,} requests ({signing_in["failures"]} of {signing_in["requests"]} sign-ins) | {base["failures"]} of {base["requests"]:,} | {met} |
| all requests, signing in too | | p50 {pages["p50"]:.0f} ms, p95 {pages["p95"]:.0f} ms, {pages["rps"]:.1f} req/s | p50 {base["p50"]:.0f} ms, p95 {base["p95"]:.0f} ms, {base["rps"]:.1f} req/s | |

| page | requests | errors | p50 | p95 | p50 ÷ baseline p50 |
|---|---|---|---|---|---|
{rows}

Errors by page and reason:{errors}

Pausing {result["think"]} s, {result["users"]} clients ask for about {asked:.0f} requests a
second; the server answered {pages["rps"]:.1f} a second. Where it answers fewer than are
asked, it is saturated and the times above are mostly waiting in the queue for one of the
four workers, on cores shared with the load generator and with whatever else the load
average shows; the sign-ins at the start (Argon2) weigh on both runs' first seconds.
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--baseline-seconds", type=int, default=60)
    parser.add_argument("--think", default="1-3", help="seconds of pause before each page")
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    result = check(args.users, args.seconds, args.baseline_seconds, args.think, args.port)
    print(f"load check: {json.dumps(result, default=str)}", file=sys.stderr)
    write_section("load check", report(result))
    print(f"load check: wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
