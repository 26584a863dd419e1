"""Checks over the code's structure, used by test_structure.py."""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

from mappa.agencies import permissions

ROOT = Path(__file__).resolve().parent.parent
# URL namespaces whose views are guarded by their site rather than one by one.
GUARDED_INCLUDES = {"admin": "mappa.agencies.admin.MappaAdminSite.permission"}


def declared_permission(callback) -> str | None:
    """The permission a route's view declares: `requires(...)`, a view class's or an API view's."""
    for holder in (callback, getattr(callback, "view_class", None), getattr(callback, "cls", None)):
        name = getattr(holder, "permission", None)
        if isinstance(name, str):
            return name
    return None


def url_patterns(urlconf=None) -> Iterator[tuple[str, URLPattern]]:
    """Every (route, pattern) in a URLconf, skipping includes guarded as a whole."""

    def walk(patterns, prefix: str) -> Iterator[tuple[str, URLPattern]]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in GUARDED_INCLUDES:
                    continue
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry

    return walk(get_resolver(urlconf).url_patterns, "")


def routes(urlconf=None) -> Iterator[tuple[str, object]]:
    """Every (route, view) in a URLconf, skipping includes guarded as a whole."""
    return ((route, entry.callback) for route, entry in url_patterns(urlconf))


def routes_not_listed(tables: dict[str, Collection[str]], urlconf=None) -> list[str]:
    """Routes in none of the tables (by name) or in more than one, and names that are no route.

    The read-audit test lists every route by whether it shows case content; a new route, or
    one without a name, is a problem until someone decides which table it belongs in.
    """
    problems, names = [], set()
    for route, entry in url_patterns(urlconf):
        view = f"{entry.callback.__module__}.{entry.callback.__name__}"
        if not entry.name:
            problems.append(f"/{route} → {view} has no name to list it by")
            continue
        names.add(entry.name)
        found_in = [table for table, listed in tables.items() if entry.name in listed]
        if not found_in:
            problems.append(f"/{route} ({entry.name!r} → {view}) is in none of {', '.join(tables)}")
        elif len(found_in) > 1:
            problems.append(f"/{route} ({entry.name!r}) is in more than one: {', '.join(found_in)}")
    for table, listed in tables.items():
        problems += [
            f"{table} lists {name!r}, which is no route" for name in listed if name not in names
        ]
    return problems


def routes_without_permission(urlconf=None) -> list[str]:
    problems = []
    for route, callback in routes(urlconf):
        name = declared_permission(callback)
        if name is None:
            problems.append(
                f"/{route} → {callback.__module__}.{callback.__name__} declares no permission"
            )
        elif name not in permissions.VOCABULARY:
            problems.append(
                f"/{route} → {callback.__module__}.{callback.__name__} declares unknown {name!r}"
            )
    return problems


def rules_modules(root: Path = ROOT / "mappa") -> list[Path]:
    return sorted(root.rglob("rules.py"))


def django_imports(path: Path) -> list[str]:
    """Lines where a module imports Django (or a Django package)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [
            f"{path}:{node.lineno} imports {name}"
            for name in names
            if name.split(".")[0].startswith(("django", "rest_framework"))
        ]
    return found


# Edits that cannot overwrite each other (mappa/versions.py; docs/decisions/0011).
#
# A form pre-filled from a stored record and saved back over it must carry a VersionField;
# a service that saves a versioned record must take the version and claim it. These are the
# exceptions, each with its reason.

PREFILLED_WITHOUT_VERSION = {
    "mappa.referrals.views.referral_section": "a draft referral has one editor, its referrer "
    "(services.save_section refuses anyone else), and each section is merged into the record "
    "as read at the save",
    "mappa.marac.views.dash.section": "a draft DASH has one editor, the person completing it "
    "(services.save_section refuses anyone else)",
    "mappa.meetings.views.attendance._page": "the chair records one fact on the day, whether "
    "the MAPPA D statement was read; the save writes nothing else",
    "mappa.safeguarding.views.mash_side.invite": "creates a social-worker invitation: the "
    "candidate's allocated worker only suggests the name, and nothing stored is written over",
    "mappa.disclosures.views.decisions.made": "records the disclosure once: the decision only "
    "suggests the recipient and method, and a second record is refused because the decision "
    "no longer waits for one",
    "mappa.information_requests.views._raise_form": "creates a new information request: the "
    "case's next review date only suggests its due date, and nothing stored is written over",
}

SAVED_WITHOUT_VERSION = {
    "mappa.agencies.services.change_password": "a user's own password, written alone "
    "(update_fields): the admin's user form does not edit it",
    "mappa.meetings.services.scheduling.cancel_meeting": "a one-way change of status, refused "
    "unless the meeting is still planned",
    "mappa.meetings.services.attendance.record_statement": "one fact recorded by the chair on "
    "the day",
    "mappa.meetings.services.attendance.mark_held": "a one-way change of status, refused unless "
    "planned",
    "mappa.meetings.services.minutes.start_minutes": "a one-way change of status, refused unless "
    "held",
    "mappa.meetings.services.minutes.record_disclosure": "links the disclosure decision it "
    "creates; the minutes' text is not written",
    "mappa.meetings.services.approval.approve_minutes": "a one-way change of status, refused "
    "unless the minutes are a draft",
    "mappa.meetings.services.invitations.withdraw": "a one-way change, refused once withdrawn",
    "mappa.marac.services.meetings.hear": "a one-way change of status",
    "mappa.marac.services.meetings.list_case": "a one-way change of status, referred to listed",
    "mappa.meetings.services.circulation.circulate": "a one-way change of status, refused "
    "unless the minutes are approved",
    "mappa.oversight.services.reviews.decide": "the board's decision, refused unless the "
    "review is still notified (its report cannot be edited before it is decided)",
    "mappa.oversight.services.reviews.complete": "a one-way change of status, refused unless "
    "in progress",
    "mappa.oversight.services.reviews.approve_circulation": "a one-way change, refused unless "
    "completed",
}


def _local_names(function: ast.FunctionDef) -> tuple[set[str], dict[str, list[ast.expr]]]:
    """A function's parameters, and what each local name is assigned from."""
    arguments = function.args
    parameters = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        assigned.setdefault(name.id, []).append(node.value)
    return parameters, assigned


def _reads_a_record(expression: ast.expr, function: ast.FunctionDef, module_names) -> bool:
    """Whether an `initial=` value is built from a local object: its attributes, a getattr on
    it, or a helper given it (following the local names it is assigned from)."""
    parameters, assigned = _local_names(function)
    local = (parameters | set(assigned)) - set(module_names) - {"request", "self"}
    seen, work = set(), [expression]
    while work:
        node = work.pop()
        called = {id(call.func) for call in ast.walk(node) if isinstance(call, ast.Call)}
        for part in ast.walk(node):
            if isinstance(part, ast.Attribute) and id(part) not in called:
                root = part
                while isinstance(root, ast.Attribute):
                    root = root.value
                if isinstance(root, ast.Name) and root.id in local:
                    return True
            if isinstance(part, ast.Call) and any(
                isinstance(argument, ast.Name) and argument.id in local for argument in part.args
            ):
                return True
            if isinstance(part, ast.Name) and part.id in assigned and part.id not in seen:
                seen.add(part.id)
                work.extend(assigned[part.id])
    return False


def _form_class(node: ast.expr, namespace: dict):
    from django import forms

    parts = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in namespace:
        return None
    found = namespace[node.id]
    for part in parts:
        found = getattr(found, part, None)
    return found if isinstance(found, type) and issubclass(found, forms.BaseForm) else None


def prefilled_forms(source: str, namespace: dict, module: str) -> Iterator[tuple[str, int, object]]:
    """(view, line, form) for each form a module's functions pre-fill from a record.

    The form is its class when the call names one; when it is chosen at run time (a section's
    form, a helper that builds one) it is the call's `version=` argument, or None without one.
    """
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef):
            continue
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            keywords = {keyword.arg: keyword.value for keyword in call.keywords}
            prefill = keywords.get("initial") or keywords.get("instance")
            if prefill is None or not _reads_a_record(prefill, function, namespace):
                continue
            form = _form_class(call.func, namespace) or keywords.get("version")
            yield f"{module}.{function.name}", call.lineno, form


def has_version_field(form) -> bool:
    """A form class that declares a VersionField, or a built form given its `version=`."""
    from mappa.versions import VersionField

    if isinstance(form, ast.expr):
        return True
    if form is None:
        return False
    return any(isinstance(field, VersionField) for field in form.base_fields.values())


def form_name(form) -> str:
    return form.__name__ if isinstance(form, type) else "a form chosen at run time"


def view_modules(urlconf=None) -> dict[str, object]:
    import sys

    names = {callback.__module__ for _, callback in routes(urlconf)}
    return {name: sys.modules[name] for name in sorted(names) if name.startswith("mappa.")}


def edit_forms_without_version(modules: dict[str, object]) -> list[str]:
    import inspect

    problems = []
    for name, module in modules.items():
        for view, line, form in prefilled_forms(inspect.getsource(module), vars(module), name):
            if view not in PREFILLED_WITHOUT_VERSION and not has_version_field(form):
                problems.append(
                    f"{view} (line {line}) pre-fills {form_name(form)} from a stored record, "
                    "but the form has no VersionField: a second editor would overwrite the first"
                )
    return problems


def stale_exceptions(modules: dict[str, object]) -> set[str]:
    """Views listed in PREFILLED_WITHOUT_VERSION that no longer pre-fill a form."""
    import inspect

    found = {
        view
        for name, module in modules.items()
        for view, _, _ in prefilled_forms(inspect.getsource(module), vars(module), name)
    }
    return set(PREFILLED_WITHOUT_VERSION) - found


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def versioned_models() -> dict[str, type]:
    from django.apps import apps

    from mappa.versions import Versioned

    found = {}
    for model in apps.get_models():
        if issubclass(model, Versioned):
            found[model.__name__] = model
            found[_snake(model.__name__)] = model
    return found


def _saves(function: ast.FunctionDef, parameter: str) -> bool:
    return any(
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "save"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == parameter
        for call in ast.walk(function)
    )


def _claims(function: ast.FunctionDef, parameter: str) -> bool:
    return any(
        isinstance(call, ast.Call)
        and (getattr(call.func, "attr", None) or getattr(call.func, "id", None)) == "claim"
        and call.args
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id == parameter
        for call in ast.walk(function)
    )


def services_saving_without_a_version(source: str, module: str, models: dict) -> list[str]:
    """Write-path functions (keyword-only, with an actor) that save a versioned record given to
    them without taking a `version` and claiming it."""
    problems = []
    for function in ast.parse(source).body:
        if not isinstance(function, ast.FunctionDef):
            continue
        keywords = {a.arg: a for a in function.args.kwonlyargs}
        if "actor" not in keywords or f"{module}.{function.name}" in SAVED_WITHOUT_VERSION:
            continue
        for name, argument in keywords.items():
            annotation = ast.unparse(argument.annotation) if argument.annotation else ""
            model = models.get(annotation.split(" ")[0]) or models.get(name)
            if model is None or not _saves(function, name):
                continue
            if "version" not in keywords or not _claims(function, name):
                problems.append(
                    f"{module}.{function.name} saves a {model.__name__} ({name}) without "
                    f"taking its version and calling versions.claim({name}, ...)"
                )
    return problems


def write_path_modules(root: Path = ROOT / "mappa") -> dict[str, str]:
    """Every module outside tests and migrations, by dotted name, with its source."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        if {"tests", "migrations"} & set(relative.parts):
            continue
        found[".".join(relative.parts)] = path.read_text()
    return found
