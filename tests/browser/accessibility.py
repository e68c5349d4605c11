"""axe-core checks for pages driven by Playwright, reusable by every browser test."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the service's commitment.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def accessibility_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now and return its WCAG A/AA violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "async (tags) => await window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return results["violations"]


def assert_accessible(page) -> None:
    """Fail listing every WCAG A/AA violation axe-core finds on the page, with the offending elements."""
    violations = accessibility_violations(page)
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{', '.join(violation['tags'])}]")
            lines.extend(f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"][:5])
        raise AssertionError("\n".join(lines))


def assert_pages_accessible(page, paths) -> None:
    """Visit each path in turn and check it as assert_accessible does."""
    for path in paths:
        page.goto(path)
        assert_accessible(page)
