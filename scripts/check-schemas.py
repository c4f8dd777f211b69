#!/usr/bin/env python3
"""Checks the editor schemas in schemas/ against real YAML, with check-jsonschema.

1. Each schema is a valid draft-07 schema.
2. Every example record (config/site.yaml, content/**/*.yaml) passes its
   schema, and so do a few legal forms the data format promises (LEGAL).
3. Every bad-input fixture (Tests/SamsynCoreTests/Fixtures/bad/) is classified
   below. Where a schema can see the defect, the file at fault must fail its
   schema; where only `samsyn check` can, every file must pass, which shows
   that the schema is no stricter than the program.

Prints one line per check and ends with "N passed, M failed"; exits 1 on any
failure. Needs check-jsonschema (scripts/requirements-browser.txt).
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"
CORPUS = REPO / "Tests/SamsynCoreTests/Fixtures/bad"
FOLDERS = {"agreements": "agreement", "trainings": "training", "theme-days": "theme-day",
           "meetings": "meeting", "assessments": "assessment"}

# The schema sees the defect: this file must fail its schema (the others of the case must pass).
SCHEMA_LEVEL = {
    "agreement-draft-with-signed-date": "content/agreements/avtal.yaml",
    "agreement-one-party": "content/agreements/avtal.yaml",
    "agreement-signed-date-missing": "content/agreements/avtal.yaml",
    "agreement-terminated-date-missing": "content/agreements/avtal.yaml",
    "agreement-terminated-date-on-signed": "content/agreements/avtal.yaml",
    "assessment-without-answers": "content/assessments/alfa-2024.yaml",
    "date-in-words": "content/trainings/kurs.yaml",
    "date-with-slashes": "content/trainings/kurs.yaml",
    "date-with-time": "content/trainings/kurs.yaml",
    "empty-config": "config/site.yaml",
    "hours-decimal-comma": "content/trainings/kurs.yaml",
    "hours-zero": "content/trainings/kurs.yaml",
    "id-non-ascii-letter": "content/trainings/kurs.yaml",
    "id-upper-case": "content/trainings/kurs.yaml",
    "impossible-date": "content/trainings/kurs.yaml",
    "invalid-boolean": "content/agreements/avtal.yaml",
    "list-file-record-without-id": "content/trainings/kurser.yaml",
    "meeting-type-on-training": "content/trainings/kurs.yaml",
    "missing-date": "content/trainings/kurs.yaml",
    "missing-meeting-type": "content/meetings/team.yaml",
    "missing-organisations": "config/site.yaml",
    "missing-parties": "content/agreements/avtal.yaml",
    "missing-principles": "content/theme-days/temadag.yaml",
    "missing-project-end": "config/site.yaml",
    "missing-project-name": "config/site.yaml",
    "missing-project-start": "config/site.yaml",
    "missing-status": "content/agreements/avtal.yaml",
    "missing-subproject": "content/assessments/alfa-2024.yaml",
    "missing-title": "content/trainings/kurs.yaml",
    "participants-negative-count": "content/trainings/kurs.yaml",
    "participants-neither-count-nor-split": "content/trainings/kurs.yaml",
    "record-is-list-of-scalars": "content/trainings/kurser.yaml",
    "response-answers-nothing": "content/assessments/alfa-2024.yaml",
    "responses-empty": "content/assessments/alfa-2024.yaml",
    "score-out-of-scale": "content/assessments/alfa-2024.yaml",
    "scores-and-responses": "content/assessments/alfa-2024.yaml",
    "scores-missing-question": "content/assessments/alfa-2024.yaml",
    "site-accent-not-hex": "config/site.yaml",
    "site-logo-outside-project": "config/site.yaml",
    "theme-day-empty-principles": "content/theme-days/temadag.yaml",
    "unknown-enum-meeting-type": "content/meetings/team.yaml",
    "unknown-enum-status-typo": "content/agreements/avtal.yaml",
    "unknown-key-in-organisation": "config/site.yaml",
    "unknown-key-in-project": "config/site.yaml",
    "unknown-key-no-suggestion": "content/trainings/kurs.yaml",
    "unknown-key-typo": "content/trainings/kurs.yaml",
    "unknown-principle": "content/theme-days/temadag.yaml",
    "unknown-question-in-response": "content/assessments/alfa-2024.yaml",
    "unknown-question-in-scores": "content/assessments/alfa-2024.yaml",
    "wrong-type-list-for-text": "content/trainings/kurs.yaml",
    "wrong-type-mapping-for-list": "content/agreements/avtal.yaml",
    "wrong-type-quoted-number": "content/trainings/kurs.yaml",
    "wrong-type-text-for-number": "config/site.yaml",
    "wrong-type-word-for-list": "content/trainings/kurs.yaml",
}

# Only samsyn check sees the defect, or the input is legal and only warned
# about: every file must pass its schema.
PROGRAM_LEVEL = {
    "activity-end-date-before-date": "compares two dates",
    "agreement-same-party-twice": "counts distinct parties",
    "agreement-terminated-before-start": "compares two dates",
    "agreement-valid-until-before-start": "compares two dates",
    "content-folder-typo": "a folder name; no schema applies to it",
    "duplicate-agreement-id-across-files": "an id used in two files",
    "duplicate-id-across-files": "an id used in two files",
    "duplicate-id-file-name-and-list": "an id used in two files",
    "duplicate-organisation-id": "an id used twice in one list",
    "file-name-non-ascii-letter": "the file name is the id",
    "file-name-upper-case": "the file name is the id",
    "owner-unknown-organisation": "a reference to config/site.yaml",
    "participants-count-not-sum": "arithmetic across keys",
    "participants-unknown-organisation": "a reference to config/site.yaml",
    "partners-unknown-organisation": "a reference within config/site.yaml",
    "personnummer-in-comment": "personal numbers: comments, dates and check digits",
    "personnummer-in-notes": "personal numbers: comments, dates and check digits",
    "personnummer-twelve-digits": "personal numbers: comments, dates and check digits",
    "project-end-before-start": "compares two dates",
    "samordningsnummer": "personal numbers: comments, dates and check digits",
    "site-accent-low-contrast": "computes a contrast ratio",
    "site-logo-missing": "a file on disk",
    "subproject-end-before-start": "compares two dates",
    "unknown-assessment-subproject": "a reference to config/site.yaml",
    "unknown-organisation-in-parties": "a reference to config/site.yaml",
    "unknown-organisation-leaves-one-party": "a reference to config/site.yaml",
    "unknown-subproject-reference": "a reference to config/site.yaml",
    "warn-activity-outside-project-period": "legal: a warning",
    "warn-assessment-outside-subproject-period": "legal: a warning",
    "warn-empty-record-file": "legal: a warning",
    "warn-held-training-without-participants": "legal: a warning",
    "warn-org-number-and-bad-check-digit-pass": "legal: a warning",
    "warn-participant-organisation-twice": "legal: a warning",
    "warn-party-listed-twice": "legal: a warning",
    "warn-subproject-without-partners": "legal: a warning",
}

# Below the schema: this file is no single YAML document a schema validator can
# read, so it must fail to parse (the others of the case must pass).
YAML_LEVEL = {
    "duplicate-key": "content/trainings/kurs.yaml",
    "duplicate-key-nested": "content/trainings/kurs.yaml",
    "invalid-utf8": "content/trainings/kurs.yaml",
    "personnummer-in-broken-yaml": "content/trainings/kurs.yaml",
    "two-yaml-documents": "content/trainings/kurs.yaml",
    "yaml-bad-indentation": "content/trainings/kurs.yaml",
    "yaml-tab-indentation": "content/trainings/kurs.yaml",
    "yaml-unclosed-bracket": "content/agreements/avtal.yaml",
    "yaml-unclosed-quote": "content/trainings/kurs.yaml",
    "yaml-unquoted-colon-in-value": "content/trainings/temadag.yaml",
}

# Not run: nothing a schema validator could be given.
NOT_RUN = {
    "alias-bomb": "expands to hundreds of millions of values, which samsyn refuses and a validator would try to walk",
    "missing-config": "has no config/site.yaml",
}

# Legal input the data format promises (docs/data-format.md) that neither the
# example project nor the corpus shows: each must pass its schema.
LEGAL = [
    ("training", "title: 2024\ndate: 2024-03-12\n", "a number as a title is text"),
    ("training", 'title: Kurs\ndate: "2024-03-12"\n', "a date in quotes"),
    ("training", "title: Kurs\ndate: 2024-03-12\nend_date:\nhours: ~\nparticipants: null\n", "empty keys count as absent"),
    ("training", "title: Kurs\ndate: 2024-03-12\nhours: 1.5\nparticipants: [{ organisation: fk, women: 2, men: ~ }]\n",
     "a decimal hours; a split without count"),
    ("training", "- id: a\n  title: Kurs\n  date: 2024-03-12\n- id: b\n  title: Kurs 2\n  date: 2024-04-12\n", "a list of records"),
    ("training", "# fylls i senare\n", "a file with only a comment"),
    ("agreement", "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nsigned:\nterminated: ~\n", "a draft with empty dates"),
    ("agreement", "title: Avtal\nparties: [fk, kommunen]\nstatus: terminated\nsigned: 2024-01-02\nterminated: 2024-06-30\n",
     "a terminated agreement"),
    ("assessment", "subproject: alfa\ndate: 2024-06-15\nscores: ~\nresponses:\n  - { trust_culture: 3, work_focus: ~ }\n",
     "a response that skips a question"),
]


def schema_for(relative):
    """The schema file for a project file, or None (not a record samsyn reads)."""
    parts = relative.split("/")
    if any(part.startswith((".", "_")) for part in parts) or not relative.endswith((".yaml", ".yml")):
        return None  # samsyn skips these too
    if relative == "config/site.yaml":
        return "site.schema.json"
    if parts[0] == "content" and len(parts) > 2 and parts[1] in FOLDERS:
        return FOLDERS[parts[1]] + ".schema.json"
    return None


def project_files(root):
    """Project-relative path -> schema name, for every file a schema applies to."""
    found = {}
    for path in [root / "config/site.yaml"] + sorted((root / "content").rglob("*")):
        relative = path.relative_to(root).as_posix()
        schema = schema_for(relative) if path.is_file() else None
        if schema:
            found[relative] = schema
    return found


def validate(schema, files):
    """Path -> list of problems (empty when the file passes), one run per schema."""
    if not files:
        return {}
    run = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS / schema),
                          "-o", "json", "--verbose", *map(str, files)], capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        sys.exit(f"check-jsonschema failed on {schema}:\n{run.stdout}{run.stderr}")
    problems = {str(f): [] for f in files}
    for error in report.get("errors", []):
        problems[error["filename"]].append(reason(error))
    for error in report.get("parse_errors", []):
        problems[error["filename"]].append("not readable as one YAML document")
    return problems


def reason(error):
    """The most telling message of an error: a file's root may be a record, a
    list or empty, so "not a list" and "not empty" at the root say nothing."""
    candidates = [error.get("best_deep_match")] + error.get("sub_errors", []) + [error]
    for c in filter(None, candidates):
        if not (c["path"] == "$" and c["message"].endswith(("is not of type 'array'", "is not of type 'null'"))):
            break
    message = c["message"]
    if len(message) > 150:  # a whole record printed first: name it instead
        message = re.sub(r"^[\[{].*?(?= (is|should) )", "the value", message)
        message = message[:150] + ("…" if len(message) > 150 else "")
    return f"{c['path']}: {message}"


def validate_all(paths):
    """Every file against its schema: {(root, relative): problems}."""
    by_schema = {}
    for root, relative, schema in paths:
        by_schema.setdefault(schema, []).append(root / relative)
    results = {}
    for schema, files in by_schema.items():
        for path, problems in validate(schema, files).items():
            results[Path(path)] = problems
    return {(root, relative): results[root / relative] for root, relative, _ in paths}


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, text):
        print(("ok    " if ok else "FAIL  ") + text)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def main():
    tally = Tally()
    names = sorted(p.name for p in SCHEMAS.glob("*.schema.json"))
    for name in names:
        run = subprocess.run([sys.executable, "-m", "check_jsonschema", "--check-metaschema", str(SCHEMAS / name)],
                             capture_output=True, text=True)
        tally.check(run.returncode == 0, f"{name} is a valid draft-07 schema" + ("" if run.returncode == 0 else ": " + run.stdout.strip()))

    # Every file of the example project and of the runnable corpus cases, validated in one batch per schema.
    cases = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    roots = [REPO] + [CORPUS / case for case in cases if case not in NOT_RUN]
    paths = [(root, relative, schema) for root in roots for relative, schema in project_files(root).items()]
    results = validate_all(paths)

    for (root, relative), problems in results.items():
        if root == REPO:
            tally.check(not problems, f"example {relative} passes {schema_for(relative)}" + "".join(f"\n      {p}" for p in problems))

    with tempfile.TemporaryDirectory() as folder:
        for i, (schema, text, why) in enumerate(LEGAL):
            path = Path(folder) / f"legal-{i}.yaml"
            path.write_text(text, encoding="utf-8")
            problems = validate(schema + ".schema.json", [path])[str(path)]
            tally.check(not problems, f"legal: {why} passes {schema}.schema.json" + "".join(f"\n      {p}" for p in problems))

    listed = [SCHEMA_LEVEL, PROGRAM_LEVEL, YAML_LEVEL, NOT_RUN]
    unclassified = [c for c in cases if sum(c in group for group in listed) != 1]
    stale = sorted(c for group in listed for c in group if c not in cases)
    tally.check(not unclassified and not stale, "every corpus case is classified exactly once in check-schemas.py"
                + (f"; unclassified or listed twice: {', '.join(unclassified)}" if unclassified else "")
                + (f"; listed but missing: {', '.join(stale)}" if stale else ""))

    for case in cases:
        if case in unclassified:
            continue  # reported above
        root = CORPUS / case
        files = {relative: problems for (r, relative), problems in results.items() if r == root}
        at_fault = SCHEMA_LEVEL.get(case) or YAML_LEVEL.get(case)
        if case in NOT_RUN:
            print(f"--    bad/{case}: not run: {NOT_RUN[case]}")
            continue
        others = [f"{relative}: {problems[0]}" for relative, problems in files.items() if problems and relative != at_fault]
        if case in PROGRAM_LEVEL:
            tally.check(not others, f"bad/{case} passes the schemas (only samsyn check sees it: {PROGRAM_LEVEL[case]})"
                        + "".join(f"\n      {o}" for o in others))
            continue
        problems = files.get(at_fault)
        if problems is None:
            tally.check(False, f"bad/{case}: {at_fault} does not exist or has no schema")
            continue
        kind = "fails its schema" if case in SCHEMA_LEVEL else "is not readable YAML"
        parse_only = problems == ["not readable as one YAML document"]
        caught = bool(problems) and (parse_only if case in YAML_LEVEL else not parse_only)
        detail = f" ({problems[0]})" if caught else f": expected, but {problems[0] if problems else 'it passes'}"
        tally.check(caught and not others, f"bad/{case}: {at_fault} {kind}{detail}"
                    + "".join(f"\n      but also {o}" for o in others))

    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
