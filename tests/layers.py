"""The house's floors, checked (docs/architecture.md, "Layers"): used by test_structure.py.

Application code only: tests build their fixtures from any app, and migrations are Django's.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPA = ROOT / "mappa"

# Bottom to top. A module may import modules of its own floor and of any floor below, never one
# above. The same order is written in docs/architecture.md, and a test keeps the two alike.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("kit", "versions", "csv_cells"),
    ("audit",),
    ("agencies",),
    ("api",),
    ("linkage",),
    ("offences",),
    ("cases",),
    ("people",),
    ("actions",),
    ("risk",),
    ("referrals",),
    ("disclosures",),
    ("meetings",),
    ("marac",),
    ("safeguarding",),
    ("custody", "whereabouts", "information_requests"),
    ("oversight",),
    ("public",),
    ("desk",),
    ("urls", "errors", "cli", "wsgi", "settings"),
)

# (importing module, imported module): why the import may climb.
UPWARD_ALLOWED: dict[tuple[str, str], str] = {
    (
        "mappa.audit.views",
        "mappa.agencies.permissions",
    ): "the audit log's search page declares its permission like every page; the permission "
    "vocabulary lives in agencies, whose writes are themselves audited",
}

# Modules longer than the house's 400 lines, and why.
LONG_MODULES: dict[str, str] = {
    "mappa/offences/schedule_3.py": "a statute table: the condition of each paragraph of SOA 2003 "
    "Schedule 3, one entry per paragraph, kept whole so it reads against the Act",
}
MAX_LINES = 400

# Modules outside a service that may write an audit event or open a transaction, and why.
WRITES_ALLOWED: dict[str, str] = {
    "mappa.audit.backups": "backup and restore are the audit log's own operations: each records "
    "its event in the chain it has just saved or put back",
    "mappa.audit.management.commands.flush": "Django's flush, kept from emptying the append-only "
    "log's triggers: it runs in one transaction on the connection it empties",
}

# The roles every app's files are named for (docs/architecture.md, "The apps"). A role that has
# outgrown one module becomes a package of that name, never a satellite like `minutes_models.py`.
ROLES = ("models", "services", "queries", "forms", "views", "api")
SATELLITE = re.compile(rf"^\w+_({'|'.join(ROLES)})\.py$")
# Every app that keeps records (has models) has these, as a module or a package.
RECORD_KEEPING_FILES = ("apps.py", "constants.py", "rules.py", "services", "queries", "tests")
FILE_SET_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("audit", "constants.py"): "its vocabulary is the event catalogue, events.py",
    ("offences", "services"): "convictions and custody are part of the person record: "
    "people.services writes them with the rest of it",
    ("offences", "queries"): "convictions and custody are read with the person record, "
    "through people.queries",
}


def floor_of(module: str) -> int | None:
    """The floor of a `mappa.…` module, or None for a module outside mappa."""
    parts = module.split(".")
    if parts[0] != "mappa" or len(parts) < 2:
        return None
    for floor, names in enumerate(LAYERS):
        if parts[1] in names:
            return floor
    raise LookupError(f"{module}: mappa.{parts[1]} is on no floor: add it to LAYERS")


def application_modules(root: Path = MAPPA) -> Iterator[Path]:
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def module_name(path: Path, root: Path = MAPPA) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in the source, at any depth, relative ones resolved."""
    package = module.split(".")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level], *filter(None, [base])])
            for alias in node.names:
                # `from mappa.cases import services` imports the module mappa.cases.services.
                yield node.lineno, base if alias.name == "*" else f"{base}.{alias.name}"


def upward_imports(source: str, module: str, allowed=UPWARD_ALLOWED) -> list[str]:
    own = floor_of(module)
    problems = []
    for line, imported in imported_modules(source, module):
        floor = floor_of(imported)
        if floor is None or floor <= own:
            continue
        if any(module == mod and imported.startswith(target) for mod, target in allowed):
            continue
        problems.append(
            f"{module}:{line} imports {imported}, a floor above it "
            f"({'/'.join(LAYERS[own])} is below {'/'.join(LAYERS[floor])})"
        )
    return problems


def all_upward_imports(root: Path = MAPPA, allowed=UPWARD_ALLOWED) -> list[str]:
    return [
        problem
        for path in application_modules(root)
        for problem in upward_imports(path.read_text(), module_name(path, root), allowed)
    ]


def long_modules(root: Path = MAPPA, allowed=LONG_MODULES) -> list[str]:
    problems = []
    for path in application_modules(root):
        name = path.relative_to(root.parent).as_posix()
        lines = len(path.read_text().splitlines())
        if lines > MAX_LINES and name not in allowed:
            problems.append(f"{name} has {lines} lines (at most {MAX_LINES})")
    return problems


def apps(root: Path = MAPPA) -> list[Path]:
    return sorted(path.parent for path in root.glob("*/apps.py"))


def file_set_problems(root: Path = MAPPA) -> list[str]:
    """Satellite modules beside a role, and record-keeping apps missing a common file."""
    problems = []
    for app in apps(root):
        for path in sorted(app.rglob("*.py")):
            if "migrations" in path.parts or "tests" in path.parts:
                continue
            if SATELLITE.match(path.name):
                role = SATELLITE.match(path.name).group(1)
                problems.append(
                    f"{path.relative_to(root.parent)}: a satellite of `{role}`: "
                    f"make {app.name}/{role}/ a package and move it there"
                )
        if not any((app / name).exists() for name in ("models.py", "models")):
            continue
        problems += [
            f"{app.name} keeps records but has no {name}"
            for name in RECORD_KEEPING_FILES
            if (app.name, name) not in FILE_SET_EXCEPTIONS
            and not any((app / candidate).exists() for candidate in (name, f"{name}.py"))
        ]
    return problems


def _binds_audit_services(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Names bound to the audit service module, and to its `record` function."""
    modules, functions = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "mappa.audit":
            modules |= {a.asname or a.name for a in node.names if a.name == "services"}
        elif isinstance(node, ast.ImportFrom) and node.module == "mappa.audit.services":
            functions |= {a.asname or a.name for a in node.names if a.name == "record"}
    return modules, functions


def writes_outside_services(source: str, module: str) -> list[str]:
    """Calls of `audit.record` or `transaction.atomic` in a module that is not a service."""
    if re.search(r"\.services(\.|$)", module):
        return []
    tree = ast.parse(source)
    modules, functions = _binds_audit_services(tree)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if func.attr == "record" and func.value.id in modules:
                problems.append(f"{module}:{node.lineno} records an audit event")
            elif func.attr == "atomic" and func.value.id == "transaction":
                problems.append(f"{module}:{node.lineno} opens a transaction")
        elif isinstance(func, ast.Name) and func.id in functions:
            problems.append(f"{module}:{node.lineno} records an audit event")
    return sorted(problems, key=lambda problem: int(problem.split(":")[1].split()[0]))


def all_writes_outside_services(root: Path = MAPPA, allowed=WRITES_ALLOWED) -> list[str]:
    return [
        problem
        for path in application_modules(root)
        if module_name(path, root) not in allowed
        for problem in writes_outside_services(path.read_text(), module_name(path, root))
    ]


def documented_layers(text: str) -> tuple[tuple[str, ...], ...]:
    """The floors as docs/architecture.md draws them: the ```text block after "## Layers", one
    floor a line, top first, its modules separated by commas (anything after "--" is a note)."""
    block = text.split("## Layers", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    floors = [
        tuple(name.strip() for name in line.split("--")[0].split(","))
        for line in block.splitlines()
        if line.strip()
    ]
    return tuple(reversed(floors))
