#!/usr/bin/env python3
"""One-off transcription of the two ST1398 source texts into Skills England feed JSON.

Usage (from the repository root):
    python3 standards-service/src/main/seed-tools/extract_st1398.py \
        ../shared/seeds/001_6b153785a0180345.txt ../shared/seeds/000_5cb25fef3d20b0ad.txt \
        standards-service/src/main/resources/seed

Only the JSON it writes is loaded by the service; this script is kept so the transcription can be checked
and repeated. Rules it follows, so that no text is invented:
- Texts are copied as the source prints them. The only change is layout: a line break inside a text becomes
  one space, except after a line ending in '-' (a word split across lines, e.g. "non-" / "technical").
- The published summary cuts long texts off with "..."; those are kept as shown (ellipsis included) and listed
  as truncated in the manifest. Items it does not show at all get "detail": null.
- Fields the source does not state are null (never copied from the other source or from elsewhere).
- Ids are name-based UUIDs (version 3, MD5 of e.g. "ST1398_1.0/K6", the same as Java's
  UUID.nameUUIDFromBytes), so regenerating gives the same ids and reloading is idempotent.
"""
import hashlib
import json
import re
import sys
import uuid
from datetime import datetime
from pathlib import Path

KINDS = {"K": ("knowledges", "knowledgeId", "mappedKnowledge"),
         "S": ("skills", "skillId", "mappedSkills"),
         "B": ("behaviours", "behaviourId", "mappedBehaviour")}
ITEM = re.compile(r"^([KSB])(\d+): (.*)$")
CODES_LINE = re.compile(r"^(?:[KSB]\d+ ?)+$")


def name_uuid(name):
    return str(uuid.UUID(bytes=hashlib.md5(name.encode("utf-8")).digest(), version=3))


def join_lines(raw_lines):
    """Undo the PDF's line wrapping: one space per break, none after a word split with '-'."""
    text, split_word = "", False
    for raw in raw_lines:
        piece = raw.strip()
        if not piece:
            continue
        if text and not split_word:
            text += " "
        text += piece
        # "non-" at the very end of a line (no trailing space) is a word carried over to the next line.
        split_word = raw.rstrip("\n").endswith("-")
    return text


def feed_date(text):
    return datetime.strptime(text, "%d %b %Y").strftime("%Y-%m-%dT00:00:00")


def value_after(lines, label):
    index = next(i for i, line in enumerate(lines) if line.strip() == label)
    return next(line.strip() for line in lines[index + 1:] if line.strip())


def block_after(lines, label):
    """The paragraph after a label: every line up to the next blank line, unwrapped."""
    index = next(i for i, line in enumerate(lines) if line.strip() == label) + 1
    while not lines[index].strip():
        index += 1
    end = next(i for i in range(index, len(lines)) if not lines[i].strip())
    return join_lines(lines[index:end])


def ksb_lists(key, items_by_kind):
    feed = {}
    for kind, (array, id_field, _) in KINDS.items():
        feed[array] = [{id_field: name_uuid(f"{key}/{kind}{n}"), "detail": detail}
                       for n, detail in enumerate(items_by_kind[kind], start=1)]
    return feed


# ------------------------------------------------------------------------------------------------ proposal

def proposal_duties(lines):
    start = next(i for i, l in enumerate(lines) if l.strip() == "DUTY KSBS") + 1
    end = next(i for i, l in enumerate(lines) if l.strip() == "KSBs")
    duties = []
    for raw in lines[start:end]:
        line = raw.strip()
        match = re.match(r"^Duty (\d+) (.*)$", line)
        if match:
            assert int(match.group(1)) == len(duties) + 1, line
            duties.append({"text": [raw[raw.index(match.group(2)):]], "codes": []})
        elif line and CODES_LINE.match(line):
            duties[-1]["codes"] += line.split()
        elif line:
            duties[-1]["text"].append(raw)
    return [(join_lines(d["text"]), d["codes"]) for d in duties]


def proposal_ksbs(lines):
    start = next(i for i, l in enumerate(lines) if l.strip() == "KSBs")
    end = next(i for i, l in enumerate(lines) if l.strip() == "Qualifications")
    items = {"K": [], "S": [], "B": []}
    current = None
    for raw in lines[start + 1:end]:
        line = raw.strip()
        match = ITEM.match(line)
        if match:
            kind, number = match.group(1), int(match.group(2))
            assert number == len(items[kind]) + 1, line
            current = [raw[raw.index(match.group(3)):]]
            items[kind].append(current)
        elif line and line not in ("Knowledge", "Skills", "Behaviours"):
            current.append(raw)
    return {kind: [join_lines(parts) for parts in texts] for kind, texts in items.items()}


def proposal(text):
    lines = text.splitlines(keepends=True)
    reference, version = value_after(lines, "UOS reference number"), "0.1"
    key = f"{reference}_{version}"
    ksbs = proposal_ksbs(lines)
    assert [len(ksbs[k]) for k in "KSB"] == [29, 32, 4], [len(ksbs[k]) for k in "KSB"]
    duties = proposal_duties(lines)
    assert len(duties) == 9
    ids = {f"{kind}{n}": name_uuid(f"{key}/{kind}{n}") for kind in "KSB" for n in range(1, len(ksbs[kind]) + 1)}
    core_and_options = value_after(lines, "Core and options") == "Yes"
    feed = {
        "referenceNumber": reference,
        "title": value_after(lines, "Title of occupation"),
        "level": int(re.search(r"\d+", value_after(lines, "Level of occupation")).group()),
        "version": version,
        "status": "In development",
        "larsCode": None,
        "route": re.search(r"Route: (\w+)", text).group(1),
        "approvedForDelivery": None,
        "earliestStartDate": None,
        "latestStartDate": None,
        "latestEndDate": None,
        "typicalDuration": int(re.search(r"\d+", value_after(lines, "Typical duration of apprenticeship")).group()),
        "maxFunding": None,
        "eQAProvider": None,
        "coreAndOptions": core_and_options,
        "options": [],
        "duties": [],
        "qualifications": [],
        # The proposal runs the titles together; each starts with a capital letter.
        "typicalJobTitles": re.split(r" (?=[A-Z])", block_after(lines, "Typical job titles")),
    }
    for n, (detail, codes) in enumerate(duties, start=1):
        duty = {"dutyID": name_uuid(f"{key}/D{n}"), "dutyDetail": detail,
                # Without options every duty is core (the proposal says "Core and options: No").
                "isThisACoreDuty": None if core_and_options else 1}
        for kind, (_, _, mapped) in KINDS.items():
            duty[mapped] = [ids[c] for c in codes if c[0] == kind]
        duty["mappedOptions"] = []
        feed["duties"].append(duty)
    feed.update(ksb_lists(key, ksbs))
    return feed


# ----------------------------------------------------------------------------------------- published 1.0

def summary_ksbs(lines):
    shown = {"K": [], "S": [], "B": []}
    expected = {}
    for line in lines:
        match = re.match(r"^(\d+)?- ([KSB])(\d+): (.*)$", line.strip())
        if match:
            count, kind, number, detail = match.groups()
            if count:
                expected[kind] = int(count)
            assert int(number) == len(shown[kind]) + 1, line
            shown[kind].append(detail)
    more = [int(m) for m in re.findall(r"^- \+ (\d+) more items$", "\n".join(l.strip() for l in lines), re.M)]
    assert [len(shown[k]) + m for k, m in zip("KSB", more + [0])] == [expected[k] for k in "KSB"], more
    return shown, expected


def summary_version_facts(lines):
    start = next(i for i, l in enumerate(lines) if l.strip() == "Version & Source") + 1
    values = []
    for line in lines[start:]:
        if not line.startswith("- "):
            break
        values.append(line[2:].strip())
    version, status, pairs = values[1], values[2], values[3:]
    assert values[0] == "Version"
    return version, status, dict(zip(pairs[0::2], pairs[1::2]))


def summary(text):
    lines = text.splitlines()
    shown, expected = summary_ksbs(lines)
    version, status, facts = summary_version_facts(lines)
    reference = re.search(r"the (ST\d{4}) standard", text).group(1)
    key = f"{reference}_{version}"
    start = next(i for i, l in enumerate(lines) if re.match(r"^Duties \(\d+\)$", l.strip()))
    duty_count = int(re.search(r"\d+", lines[start]).group())
    duties = [l.strip() for l in lines[start + 1:start + 1 + duty_count]]
    assert lines[start + 1 + duty_count].strip() == "End-Point Assessment"
    titles = re.search(r"job titles include ([^)]*)\)", text).group(1)
    items = {k: shown[k] + [None] * (expected[k] - len(shown[k])) for k in "KSB"}
    feed = {
        "referenceNumber": reference,
        "title": re.search(r"The (.+) apprenticeship has \d+ knowledge items", text).group(1),
        "level": int(re.search(r"Level (\d+) apprenticeship", text).group(1)),
        "version": version,
        "status": status,
        "larsCode": None,
        "route": None,
        "approvedForDelivery": feed_date(facts["Approved for delivery"]),
        "earliestStartDate": feed_date(facts["Earliest start"]),
        "latestStartDate": None,
        "latestEndDate": None,
        "typicalDuration": int(re.search(r"typically lasts (\d+) months", text).group(1)),
        "maxFunding": int(re.search(r"maximum funding of £([\d,]+)", text).group(1).replace(",", "")),
        "eQAProvider": {"providerName": facts["EQA Provider"], "contactName": None, "contactAddress": None,
                        "contactEmail": None, "webLink": None},
        # The summary does not say whether the standard has options, nor which duties are core or which KSBs
        # each duty maps, so those stay null (unknown) rather than empty (none).
        "coreAndOptions": None,
        "options": [],
        "duties": [{"dutyID": name_uuid(f"{key}/D{n}"), "dutyDetail": d, "isThisACoreDuty": None,
                    "mappedKnowledge": None, "mappedSkills": None, "mappedBehaviour": None,
                    "mappedOptions": None} for n, d in enumerate(duties, start=1)],
        "qualifications": [],
        "typicalJobTitles": re.split(r", | and ", titles),
    }
    feed.update(ksb_lists(key, items))
    truncated = [f"{k}{n}" for k in "KSB" for n, d in enumerate(shown[k], start=1) if d.endswith("...")]
    return feed, expected, duty_count, truncated


def main(proposal_path, summary_path, out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    prop = proposal(Path(proposal_path).read_text(encoding="utf-8"))
    pub, expected, duty_count, truncated = summary(Path(summary_path).read_text(encoding="utf-8"))
    files = {"st1398-1.0.json": pub, "st1398-proposal.json": prop}
    for name, feed in files.items():
        (out / name).write_text(json.dumps(feed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest = {
        "description": "Seed catalogue loaded at start-up (standards.seed.enabled). Each entry names a file in "
                       "the Skills England feed format and what the feed format cannot say about its source. "
                       "Generated by src/main/seed-tools/extract_st1398.py.",
        "idScheme": "KSB, duty and option ids are name-based UUIDs (version 3, MD5) of '<reference>_<version>/<code>',"
                    " e.g. 'ST1398_1.0/K6' or 'ST1398_1.0/D1' (Java: UUID.nameUUIDFromBytes).",
        "sources": [
            {"file": "st1398-1.0.json", "source": "Skills England published summary",
             "sourceDocument": Path(summary_path).name,
             "note": "The published summary of version 1.0 shows only the first five knowledge items, skills and "
                     "behaviours (several cut off with '...'), the duties without their KSB mapping, and the "
                     "counts of every kind; the texts it does not show are missing, not empty.",
             "expected": {"knowledge": expected["K"], "skills": expected["S"], "behaviours": expected["B"],
                          "duties": duty_count},
             "truncated": truncated},
            {"file": "st1398-proposal.json", "source": "Proposal",
             "sourceDocument": Path(proposal_path).name,
             "note": "The proposal ('Standard in development') has no version number; this platform files it as "
                     "version 0.1 so it can be addressed beside 1.0. It gives every KSB text and the duty-to-KSB "
                     "mapping; its texts differ from version 1.0 and are not copied into it.",
             "expected": {"knowledge": len(prop["knowledges"]), "skills": len(prop["skills"]),
                          "behaviours": len(prop["behaviours"]), "duties": len(prop["duties"])},
             "truncated": []},
        ],
        # Hand-written, not extracted: listed here so regenerating the manifest keeps it.
        "assessmentPlans": [
            {"file": "st1398-1.0-assessment-plan.json", "reference": "ST1398", "version": "1.0",
             "note": "Written by hand (not generated): the assessment plan in the PUT .../assessment-plan format, "
                     "stored at start-up if the version has no plan. What no source confirms is marked "
                     "confirmed: false."},
        ],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
