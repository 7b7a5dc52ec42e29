"""JUnit XML for GitLab, Jenkins and Azure DevOps test reports: a suite per file, a
failing test case per finding, one passing case for a clean file."""

from __future__ import annotations

from xml.etree import ElementTree as ET


def render(results, summary, context) -> str:
    root = ET.Element(
        "testsuites",
        name="skincare-lint",
        tests=str(sum(max(1, len(r.findings)) for r in results)),
        failures=str(summary.findings),
        errors=str(summary.errors),
    )
    for result in results:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=result.path,
            tests=str(max(1, len(result.findings))),
            failures=str(len(result.findings)),
            errors="1" if result.error else "0",
        )
        if result.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=result.path)
            ET.SubElement(
                case, "error", message=result.error, type="unreadable"
            ).text = f"{result.path}: {result.error}"
            continue
        if not result.findings:
            ET.SubElement(suite, "testcase", name="skincare-lint", classname=result.path)
            continue
        for f in result.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.rule} at line {f.line}, column {f.column}",
                classname=result.path,
                file=result.path,
                line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=f.message, type=f.rule)
            body = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"]
            if f.hint:
                body.append(f"Fix: {f.hint}")
            body += [f"See {r.path}:{r.line}:{r.column}: {r.message}" for r in f.related]
            failure.text = "\n".join(body)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
