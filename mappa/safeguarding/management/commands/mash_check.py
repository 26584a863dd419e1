"""`mappa mash-check`: link a MAPPA case list to a social-care extract (mash-check.md).

Beside the matches file it writes the model the run used, for audit (issue 20):
`<out>.model.json` (for `matches.csv`, `matches.model.json`), the person model trained on
these files or the saved default, with why.

`--engine spark` runs Splink's work on Spark (issue 19): local mode unless
MAPPA_SPARK_MASTER points at a cluster; the same model, rules and output.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mappa.linkage import backends, engine, files, output, rules


class Command(BaseCommand):
    help = (
        "Link a MAPPA case list to a children's social-care extract with Splink and write the "
        "candidate matches (shared/contracts/mash-check.md). Nothing is written if a file is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("--case-list", required=True, type=Path, help="case list CSV")
        parser.add_argument("--extract", required=True, type=Path, help="social-care extract CSV")
        parser.add_argument("--out", required=True, type=Path, help="where to write matches CSV")
        parser.add_argument(
            "--threshold",
            type=float,
            default=rules.DEFAULT_THRESHOLD,
            help="lowest match probability reported (default 0.5)",
        )
        parser.add_argument(
            "--engine",
            choices=backends.ENGINES,
            default=backends.DUCKDB,
            help="where Splink runs: duckdb in this process (default) or spark "
            "(local mode unless MAPPA_SPARK_MASTER names a cluster; needs Java 17+)",
        )

    def handle(self, *args, case_list: Path, extract: Path, out: Path, threshold: float, **options):
        if not rules.within(threshold):
            raise CommandError(f"--threshold must be between 0 and 1, not {threshold}")
        chosen = options.get("engine") or backends.DUCKDB
        try:
            backends.check(chosen)
        except backends.EngineUnavailable as error:
            raise CommandError(f"--engine {chosen}: {error}") from error
        for path in (case_list, extract):
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
        try:
            cases = files.read_case_list(case_list)
            records = files.read_extract(extract)
        except files.BadFile as error:
            raise CommandError(str(error)) from error
        run = engine.run(cases, records, run_options(threshold, chosen))
        found = run.reported
        output.write_matches(out, found)
        model_path = model_file(out)
        model_path.write_text(json.dumps(run.model.record(), indent=2) + "\n", encoding="utf-8")
        people = sum(candidate.match_kind == rules.PERSON for candidate in found)
        self.stdout.write(
            f"{len(found)} candidates ({people} person, {len(found) - people} address) "
            f"for {len(cases)} cases against {len(records)} records written to {out}; "
            f"model: {run.model.summary}, kept in {model_path}"
        )


def run_options(threshold: float, chosen: str) -> engine.Options:
    """The run's options: the threshold, and for Spark where to reach it (the settings)."""
    spark = backends.SparkConfig(
        master=settings.MAPPA_SPARK_MASTER,
        partitions=settings.MAPPA_SPARK_PARTITIONS,
        checkpoint_dir=settings.MAPPA_SPARK_CHECKPOINT_DIR,
        driver_memory=settings.MAPPA_SPARK_DRIVER_MEMORY,
    )
    return engine.Options(threshold=threshold, engine=chosen, spark=spark)


def model_file(out: Path) -> Path:
    """Where a run's model is kept: beside the matches file, `<stem>.model.json`."""
    return out.with_name(f"{out.stem}.model.json")
