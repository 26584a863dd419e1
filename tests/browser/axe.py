"""Run axe-core in a Playwright page and describe its violations readably.

axe is injected with `page.evaluate` rather than a <script> tag: the site's
Content Security Policy only runs scripts carrying the page's nonce, and
evaluating through the DevTools protocol is not subject to it, so the page is
checked with its real CSP in force.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the Public Sector Bodies
# Accessibility Regulations 2018 require WCAG 2.2 AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

RUN_AXE = """
tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(results => results.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map(n => n.target.join(" ")),
    summaries: v.nodes.map(n => n.failureSummary),
  })))
"""


@cache
def axe_source() -> str:
    path = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: `make install` (npm ci) installs axe-core")
    return path.read_text()


def violations(page, tags: list[str] | None = None) -> list[dict]:
    """axe-core's WCAG A/AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(RUN_AXE, tags or WCAG_TAGS)


def describe(found: list[dict], url: str) -> str:
    lines = [f"axe-core found {len(found)} accessibility violation(s) on {url}:"]
    for violation in found:
        rule = f"{violation['id']} ({violation['impact']})"
        lines.append(f"- {rule}: {violation['help']} <{violation['helpUrl']}>")
        for target, summary in zip(violation["targets"], violation["summaries"], strict=True):
            detail = " ".join((summary or "").split())
            lines.append(f"    at {target}: {detail}")
    return "\n".join(lines)


def assert_no_violations(page, tags: list[str] | None = None) -> None:
    found = violations(page, tags)
    assert not found, describe(found, page.url)
