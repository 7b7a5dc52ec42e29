"""A self-contained HTML report for medical reviewers who do not read terminals.

One file, no network and no external assets: totals per rule and per article, each
finding with its sentence highlighted in the source line, related locations for
contradictions, the rule's explanation, and filters by rule and severity.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from .. import __version__
from ..checks import RULES
from .summary import summary_line

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;
background:#f6f7f9}
header{background:#24324a;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85}
main{padding:20px 28px;max-width:1100px}
section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:14px 18px;
margin:0 0 16px}
h2{font-size:17px;margin:0 0 10px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff3;font-size:14px}
.filters label{margin-right:14px;font-size:14px}
.finding{border-left:4px solid #999;padding:8px 12px;margin:10px 0;background:#fbfbfc}
.finding.error{border-color:#c62828}.finding.warning{border-color:#e6a100}
.finding.info{border-color:#1e88e5}
.where{font-family:ui-monospace,monospace;font-size:13px;color:#555}
.badge{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;color:#fff}
.badge.error{background:#c62828}.badge.warning{background:#b07a00}.badge.info{background:#1e88e5}
.rule{font-weight:600}
.source{font-family:ui-monospace,monospace;font-size:13px;background:#f1f3f6;padding:6px 8px;
border-radius:4px;white-space:pre-wrap;word-break:break-word;margin:6px 0}
mark{background:#ffe08a;padding:0 1px}
.related,.hint{font-size:14px;margin:4px 0}
details{font-size:14px;margin-top:6px}
details p{margin:4px 0}
.clean{color:#2e7d32}
.hidden{display:none}
"""

_SCRIPT = """
function applyFilters(){
  var rules=[].slice.call(document.querySelectorAll('input[data-rule]'))
    .filter(function(b){return b.checked}).map(function(b){return b.dataset.rule});
  var levels=[].slice.call(document.querySelectorAll('input[data-severity]'))
    .filter(function(b){return b.checked}).map(function(b){return b.dataset.severity});
  document.querySelectorAll('.finding').forEach(function(f){
    var show=rules.indexOf(f.dataset.rule)>=0&&levels.indexOf(f.dataset.severity)>=0;
    f.classList.toggle('hidden',!show);
  });
  document.querySelectorAll('section.article').forEach(function(s){
    var any=s.querySelector('.finding:not(.hidden)')||s.dataset.clean==='yes';
    s.classList.toggle('hidden',!any);
  });
}
document.addEventListener('change',applyFilters);
"""


def _highlight(line: str, start: int, end: int) -> str:
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    return (
        escape(line[:start]) + "<mark>" + escape(line[start:end]) + "</mark>" + escape(line[end:])
    )


def _finding(f, lines: list[str]) -> str:
    source = ""
    if f.quote and 1 <= f.line <= len(lines):
        line = lines[f.line - 1]
        end = f.end_column - 1 if f.end_line == f.line else len(line)
        source = f'<div class="source">{_highlight(line, f.column - 1, end)}</div>'
    related = "".join(
        f'<p class="related">Earlier, at <span class="where">line {r.line}, column {r.column}'
        f"</span>: {escape(r.message)}</p>"
        for r in f.related
    )
    hint = f'<p class="hint"><strong>What to do:</strong> {escape(f.hint)}</p>' if f.hint else ""
    rule = RULES.get(f.rule)
    explanation = ""
    if rule is not None:
        explanation = (
            f"<details><summary>About {escape(rule.id)}</summary>"
            f"<p>{escape(rule.what)}</p><p><strong>Why it matters:</strong> {escape(rule.why)}</p>"
            f"<p><strong>Instead:</strong> {escape(rule.instead)}</p></details>"
        )
    return (
        f'<div class="finding {f.severity}" data-rule="{escape(f.rule)}" '
        f'data-severity="{f.severity}">'
        f'<div><span class="badge {f.severity}">{f.severity}</span> '
        f'<span class="rule">{escape(f.rule)}</span> '
        f'<span class="where">line {f.line}, column {f.column}</span></div>'
        f"<p>{escape(f.message)}</p>{source}{related}{hint}{explanation}</div>"
    )


def render(results, summary, context) -> str:
    by_rule = Counter(f.rule for r in results for f in r.findings)
    by_severity = Counter(f.severity for r in results for f in r.findings)
    rule_rows = "".join(
        f"<tr><td>{escape(rule)}</td><td>{RULES[rule].severity if rule in RULES else ''}</td>"
        f"<td>{count}</td></tr>"
        for rule, count in by_rule.most_common()
    )
    article_rows = "".join(
        f'<tr><td><a href="#file-{i}">{escape(r.path)}</a></td>'
        f"<td>{len(r.findings) if not r.error else escape(r.error)}</td></tr>"
        for i, r in enumerate(results)
    )
    rule_filters = "".join(
        f'<label><input type="checkbox" checked data-rule="{escape(rule)}"> {escape(rule)} '
        f"({by_rule.get(rule, 0)})</label>"
        for rule in RULES
    )
    severity_filters = "".join(
        f'<label><input type="checkbox" checked data-severity="{level}"> {level} '
        f"({by_severity.get(level, 0)})</label>"
        for level in ("error", "warning", "info")
    )
    articles = []
    for i, result in enumerate(results):
        if result.error:
            body = f"<p>Could not be read: {escape(result.error)}</p>"
        elif not result.findings:
            body = '<p class="clean">No findings.</p>'
        else:
            lines = context.source_lines(result.path)
            body = "".join(_finding(f, lines) for f in result.findings)
        clean = "yes" if not result.findings else "no"
        articles.append(
            f'<section class="article" id="file-{i}" data-clean="{clean}">'
            f"<h2>{escape(result.path)}</h2>{body}</section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>skincare-lint report</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>skincare-lint report</h1><p>{escape(summary_line(summary))} · "
        f"skincare-lint {__version__}</p></header><main>"
        "<section><h2>Totals by rule</h2><table><thead><tr><th>Rule</th><th>Default</th>"
        f"<th>Findings</th></tr></thead><tbody>{rule_rows}</tbody></table></section>"
        "<section><h2>Articles</h2><table><thead><tr><th>Article</th><th>Findings</th></tr>"
        f"</thead><tbody>{article_rows}</tbody></table></section>"
        f'<section class="filters"><h2>Show</h2><p>{rule_filters}</p><p>{severity_filters}</p>'
        f"</section>{''.join(articles)}</main><script>{_SCRIPT}</script></body></html>\n"
    )
