"""`mappa mash-check`: link a MAPPA case list to a social-care extract (mash-check.md).

Beside the matches file it writes the model the run used, for audit (issue 20):
`<out>.model.json` (for `matches.csv`, `matches.model.json`), the person model trained on
these files or the saved default, with why.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mappa.linkage import engine, files, output, rules


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

    def handle(self, *args, case_list: Path, extract: Path, out: Path, threshold: float, **options):
        if not rules.within(threshold):
            raise CommandError(f"--threshold must be between 0 and 1, not {threshold}")
        for path in (case_list, extract):
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
        try:
            cases = files.read_case_list(case_list)
            records = files.read_extract(extract)
        except files.BadFile as error:
            raise CommandError(str(error)) from error
        run = engine.run(cases, records, engine.Options(threshold=threshold))
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


def model_file(out: Path) -> Path:
    """Where a run's model is kept: beside the matches file, `<stem>.model.json`."""
    return out.with_name(f"{out.stem}.model.json")
