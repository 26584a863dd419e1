from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mappa.audit import rules, services
from mappa.audit.verification import (
    ChainBroken,
    load_checkpoint,
    verify_chain,
    verify_checkpoint,
)


class Command(BaseCommand):
    help = (
        "Work with the audit log. `audit verify [--checkpoint FILE]` checks its keyed hash chain "
        "(and that it still holds a checkpoint's entry); `audit checkpoint [--out FILE]` writes "
        "a signed statement of its head to keep off the machine (docs/operations.md)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        verify = actions.add_parser("verify", help="check every entry against the hash chain")
        verify.add_argument(
            "--checkpoint",
            action="append",
            default=[],
            type=Path,
            metavar="FILE",
            help="also prove the log still holds the entry this checkpoint recorded (repeatable)",
        )
        checkpoint = actions.add_parser("checkpoint", help="write a signed statement of the head")
        checkpoint.add_argument(
            "--out", type=Path, metavar="FILE", help="write it here (default: standard output)"
        )

    def handle(self, *args, action: str, **options):
        if action == "verify":
            self.verify(options["checkpoint"])
        elif action == "checkpoint":
            self.checkpoint(options["out"])

    def verify(self, paths: list[Path]) -> None:
        checkpoints = []
        for path in paths:
            try:
                checkpoints.append((path, load_checkpoint(path)))
            except rules.CheckpointError as error:
                raise CommandError(f"checkpoint {path} refused: {error}") from error
        count, broken = verify_chain()
        if broken is not None:
            raise CommandError(f"audit log broken at entry {broken.sequence}: {broken.reason}")
        for path, checkpoint in checkpoints:
            if problem := verify_checkpoint(checkpoint):
                raise CommandError(f"audit log does not match checkpoint {path}: {problem}")
        self.stdout.write(f"audit log intact: {count} entries verified")
        for path, checkpoint in checkpoints:
            self.stdout.write(
                f"checkpoint {path} (taken at {checkpoint.taken_at}): "
                f"entry {checkpoint.sequence} matches"
            )

    def checkpoint(self, out: Path | None) -> None:
        destination = str(out) if out else "standard output"
        try:
            target = out.open("x") if out else None
        except OSError as error:
            raise CommandError(f"cannot write the checkpoint to {out}: {error.strerror}") from error
        try:
            statement = services.take_checkpoint(actor=None, destination=destination)
        except ChainBroken as error:
            if target:
                target.close()
                out.unlink()
            raise CommandError(f"no checkpoint taken: {error}") from error
        text = rules.canonical(statement) + "\n"
        if target:
            with target:
                target.write(text)
            self.stderr.write(f"checkpoint of entry {statement['sequence']} written to {out}")
        else:
            self.stdout.write(text, ending="")
