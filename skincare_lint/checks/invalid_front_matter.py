"""invalid-front-matter: YAML front matter that does not parse or is not a mapping."""

from __future__ import annotations

from .base import Context, Rule

RULE = Rule(
    id="invalid-front-matter",
    severity="error",
    summary="The article's YAML front matter does not parse, or is not a set of fields.",
    what=(
        "Parses the front matter between the opening and closing `---` lines with a safe "
        "YAML loader and reports the line of the first error, or front matter that is a "
        "list or a single value instead of `key: value` fields."
    ),
    why=(
        "Site generators (Hugo, Jekyll, Astro, Docusaurus) fail to build, or silently drop "
        "the title, date and author, when front matter is broken."
    ),
    example="---\ntitle: Peels: what to know\n---",
    instead='Quote values that contain a colon: `title: "Peels: what to know"`.',
)


def check(ctx: Context):
    content = ctx.document.front_matter
    if content is None or not content.strip():
        return
    import yaml

    first_line = ctx.document.front_matter_line
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        problem = getattr(exc, "problem", None) or "not valid YAML"
        line_start = ctx.document.lines.line_start(min(line, ctx.document.lines.line_count))
        offset = line_start + column - 1
        line_end = ctx.document.text.find("\n", line_start)
        yield ctx.finding(
            RULE.id,
            RULE.severity,
            offset,
            len(ctx.document.text) if line_end < 0 else line_end,
            f"front matter is not valid YAML: {problem}",
            hint="fix the YAML (quote values that contain a colon or start with a symbol)",
        )
        return
    if not isinstance(data, dict):
        offset = ctx.document.lines.line_start(first_line)
        line_end = ctx.document.text.find("\n", offset)
        yield ctx.finding(
            RULE.id,
            RULE.severity,
            offset,
            len(ctx.document.text) if line_end < 0 else line_end,
            f"front matter should be `key: value` fields, not a {type(data).__name__}",
            hint="write the front matter as fields, such as `title: ...`",
        )
