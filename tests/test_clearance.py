"""One category 4 clearance rule: `cases.rules.NEEDS_CLEARANCE` and `may_see_category`.

A category 4 (terrorism) case is seen only by users with terrorism clearance (shared/design.md,
"Security model"; MAPPA Guidance ch.24). The rule is written once, in `mappa/cases/rules.py`;
every other module asks it. This check fails, naming the file and line, when a module compares a
category with a bare 4 (or `Category.TERRORISM`) again, in an expression (`category != 4`) or a
filter (`Q(category=4)`, `category__in=[4]`).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "mappa"
# The rule itself, and the list of categories it names
ALLOWED = {ROOT / "cases" / "rules.py", ROOT / "cases" / "constants.py"}


def _is_category_4(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return node.value == 4 and not isinstance(node.value, bool)
    if isinstance(node, ast.Attribute):
        return node.attr == "TERRORISM"
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_category_4(element) for element in node.elts)
    return False


def _names_a_category(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return "category" in node.id.lower()
    if isinstance(node, ast.Attribute):
        return "category" in node.attr.lower()
    if isinstance(node, ast.Subscript):
        key = node.slice
        return isinstance(key, ast.Constant) and "category" in str(key.value).lower()
    if isinstance(node, ast.Call):
        return any(_names_a_category(argument) for argument in node.args)
    return False


def bare_category_4(source: str, filename: str = "<source>") -> list[str]:
    """Each place in `source` that compares or filters a category against a bare 4."""
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(map(_names_a_category, sides)) and any(map(_is_category_4, sides)):
                problems.append(f"{filename}:{node.lineno}: compares a category with 4")
        if isinstance(node, ast.keyword) and node.arg and "category" in node.arg:
            if _is_category_4(node.value):
                problems.append(f"{filename}:{node.value.lineno}: filters {node.arg} on 4")
    return problems


def modules() -> list[Path]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if path in ALLOWED or "tests" in parts or "migrations" in parts:
            continue
        found.append(path)
    return found


def test_no_module_compares_a_category_with_a_bare_4():
    checked = modules()
    assert len(checked) > 100, "expected the whole code base to be checked"
    problems = [p for path in checked for p in bare_category_4(path.read_text(), str(path))]
    assert not problems, (
        "Use cases.rules.NEEDS_CLEARANCE / may_see_category (or cases.queries."
        "open_cases_needing_clearance) instead:\n" + "\n".join(problems)
    )


def test_the_check_catches_each_way_of_writing_the_rule_again():
    source = "\n".join(
        [
            'if action["case__category"] != 4 or user.terrorism_clearance: pass',
            "if case.category == Category.TERRORISM: pass",
            "shared = ~Q(category=4)",
            "cases = MappaCase.objects.filter(case__category__in=[4])",
            "if 4 == int(category): pass",
        ]
    )
    problems = bare_category_4(source)
    assert sorted(p.split(":")[1] for p in problems) == ["1", "2", "3", "4", "5"]


def test_the_check_lets_the_rule_and_other_fours_through():
    source = "\n".join(
        [
            "if not rules.may_see_category(case.category, cleared=user.terrorism_clearance): pass",
            "shared &= ~Q(category__in=NEEDS_CLEARANCE)",
            "ids = ids[: LIMIT * 4]",
            "if level == 4: pass",
            "MappaCase.objects.filter(level=4)",
        ]
    )
    assert bare_category_4(source) == []


def test_the_rule_is_written_in_cases_rules_with_its_own_four():
    source = (ROOT / "cases" / "rules.py").read_text()
    assert "NEEDS_CLEARANCE = frozenset({CATEGORY_4})" in source
    assert "CATEGORY_4 = 4" in source
