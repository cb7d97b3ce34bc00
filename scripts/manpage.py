#!/usr/bin/env python3
"""crm-roi(1) from the command definitions (`crm-roi --experimental-dump-help`, read on stdin)
and the written sections in packaging/man-sections.roff: the commands cannot drift from the code.
Usage: crm-roi --experimental-dump-help | scripts/manpage.py VERSION DATE SECTIONS > crm-roi.1"""
import json
import sys


def roff(text):
    """Text safe in a roff line: backslashes and leading dots or quotes escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def option_synopsis(argument):
    names = argument.get("names") or []
    if argument["kind"] == "positional":
        return "\\fI" + roff(argument.get("valueName", "value")) + "\\fR"
    spelled = ", ".join(("\\-" if n["kind"] == "short" else "\\-\\-") + roff(n["name"]) for n in names)
    spelled = "\\fB" + spelled + "\\fR"
    if argument["kind"] == "option":
        spelled += " \\fI" + roff(argument.get("valueName", "value")) + "\\fR"
    return spelled


def command(node, path, out):
    name = " ".join(path)
    arguments = [a for a in node.get("arguments", []) if a.get("shouldDisplay", True)]
    subcommands = [c for c in node.get("subcommands", []) if c.get("shouldDisplay", True)]
    if len(path) > 1:
        out.append(".SS \"" + roff(name) + "\"")
        if node.get("abstract"):
            out.append(roff(node["abstract"]))
        if node.get("discussion"):
            out.append(".PP")
            out.append(".nf")
            out.append(roff(node["discussion"]))
            out.append(".fi")
        for argument in arguments:
            if argument.get("valueName") in ("help", "version") and argument["kind"] == "flag":
                continue
            out.append(".TP")
            out.append(option_synopsis(argument))
            abstract = argument.get("abstract", "")
            if argument.get("defaultValue") not in (None, ""):
                abstract += " (default: " + argument["defaultValue"] + ")"
            if argument.get("allValues"):
                abstract += " One of: " + ", ".join(argument["allValues"]) + "."
            out.append(roff(abstract))
    for sub in subcommands:
        command(sub, path + [sub["commandName"]], out)


def main():
    version, date, sections = sys.argv[1], sys.argv[2], sys.argv[3]
    tree = json.load(sys.stdin)["command"]
    out = [
        ".TH CRM\\-ROI 1 \"" + date + "\" \"crm-roi " + roff(version) + "\" \"User Commands\"",
        ".SH NAME",
        "crm\\-roi \\- " + roff(tree.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B crm\\-roi",
        "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
        ".br",
        ".B crm\\-roi\\-serve",
        "[\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fB\\-\\-port\\fR \\fIPORT\\fR] ...",
    ]
    with open(sections, encoding="utf-8") as handle:
        written = handle.read()
    description, _, rest = written.partition(".\\\" COMMANDS\n")
    out.append(description.rstrip("\n"))
    out.append(".SH COMMANDS")
    out.append("Every command takes \\fB\\-\\-db\\fR \\fIPATH\\fR and \\fB\\-\\-lang\\fR \\fIfr|en\\fR; "
               "\\fBcrm\\-roi help\\fR \\fICOMMAND\\fR prints the same text as below.")
    command(tree, ["crm-roi"], out)
    out.append(rest.rstrip("\n"))
    sys.stdout.write("\n".join(out) + "\n")


main()
