"""Compiler-style text for people: location, rule, message, source line, notes."""

from __future__ import annotations

from .summary import summary_line

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
_WIDTH = 120


def _source_line(text_lines: list[str], finding) -> list[str]:
    if not (1 <= finding.line <= len(text_lines)):
        return []
    line = text_lines[finding.line - 1].rstrip("\r\n").expandtabs(1)
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(end, start + 1)
    offset = 0
    if len(line) > _WIDTH:
        offset = max(0, min(start - 10, len(line) - _WIDTH))
        line = line[offset : offset + _WIDTH]
    start -= offset
    end = min(end - offset, len(line))
    number = str(finding.line)
    gutter = " " * len(number)
    underline = " " * start + "^" * max(1, end - start)
    return [f" {number} | {line}", f" {gutter} | {underline}"]


def render(results, summary, context) -> str:
    style = context.style
    out = []
    for result in results:
        if result.error:
            out.append(f"{result.path}: {style('error', fg='red', bold=True)}: {result.error}")
            continue
        lines = None
        for finding in result.findings:
            head = f"{finding.path}:{finding.line}:{finding.column}:"
            severity = style(finding.severity, fg=_COLOURS[finding.severity], bold=True)
            rule = style(finding.rule, bold=True)
            out.append(f"{style(head, bold=True)} {severity} {rule} {finding.message}")
            if context.show_source and finding.quote:
                if lines is None:
                    lines = context.source_lines(result.path)
                out.extend(
                    style(x, dim=True) if i else x
                    for i, x in enumerate(_source_line(lines, finding))
                )
            for related in finding.related:
                out.append(
                    f"  {style('note', fg='cyan')}: {related.path}:{related.line}:"
                    f"{related.column}: {related.message}"
                )
            if finding.hint:
                out.append(f"  {style('hint', fg='green')}: {finding.hint}")
    if not context.quiet or summary.findings or summary.errors:
        out.append(summary_line(summary))
    return "\n".join(out)
