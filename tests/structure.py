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
