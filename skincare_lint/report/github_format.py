"""GitHub Actions workflow commands, shown as annotations on pull requests."""

from __future__ import annotations

from .summary import summary_line

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, summary, context) -> str:
    out = []
    for result in results:
        if result.error:
            out.append(
                f"::error file={_escape_property(result.path)},title=unreadable input::"
                f"{_escape_data(result.error)}"
            )
            continue
        for f in result.findings:
            props = [f"file={_escape_property(f.path)}", f"line={f.line}"]
            if f.end_line == f.line:
                props += [f"col={f.column}", f"endColumn={f.end_column}"]
            else:
                props.append(f"endLine={f.end_line}")
            props.append(f"title={_escape_property('skincare-lint ' + f.rule)}")
            message = f.message
            if f.hint:
                message += f"\nFix: {f.hint}"
            for r in f.related:
                message += f"\nSee {r.path}:{r.line}:{r.column}: {r.message}"
            out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}")
    out.append(summary_line(summary))
    return "\n".join(out)
