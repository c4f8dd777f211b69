#!/usr/bin/env python3
"""Lints the two CI templates that publish a Samsyn site.

    python3 scripts/check-ci-templates.py

  .github/workflows/pages.yml   actionlint reports nothing; the Pages actions,
                                triggers, permissions and full history are there.
  .gitlab-ci.yml                parsed with PyYAML: stages exist, every job has
                                a script, the pages job publishes public/ and
                                runs on the default branch only, the check job
                                runs in merge requests.
  both                          every samsyn command line (also one shown in a
                                comment) uses only subcommands and options that
                                exist, listed in SAMSYN_OPTIONS below; the
                                site is built --as-of the commit date.

Prints one line per check (PASS/FAIL, details indented below) and last
"N passed, M failed". Exit status: 0 all passed, 1 a check failed.
Needs scripts/install-browser-deps to have run (actionlint, PyYAML).
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import yaml

# samsyn's subcommands and the options each one takes, as in
# Sources/samsyn/*.swift. The value says what the option takes: None for a
# flag, else the kind of value. Add a line here when the command line grows.
SAMSYN_OPTIONS = {
    "check": {"--root": "DIR", "--as-of": "DATE", "--format": "FORMAT", "--strict": None},
    "build": {"--root": "DIR", "--as-of": "DATE", "--output": "DIR", "--format": "FORMAT", "--strict": None},
    "export": {"--root": "DIR", "--as-of": "DATE"},
}
FORMATS = {"text", "github", "json"}
# How the CI templates compute --as-of: the date of the commit being built.
COMMIT_DATE = "git log -1 --format=%cs"

ROOT = Path(__file__).resolve().parent.parent
GITHUB_WORKFLOW = ".github/workflows/pages.yml"
GITLAB_CI = ".gitlab-ci.yml"

# Top-level keys of .gitlab-ci.yml that are not jobs.
GITLAB_RESERVED = {"default", "include", "stages", "variables", "workflow", "image", "services",
                   "cache", "before_script", "after_script", "spec"}
GITLAB_DEFAULT_STAGES = [".pre", "build", "test", "deploy", ".post"]


# --------------------------------------------------------------------------
# Reporting (the same form as scripts/check-site.py)

class Report:
    """Counts checks and prints one line per check, details indented."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, name, summary="", details=()):
        word = "PASS" if ok else "FAIL"
        print(f"{word} {name}" + (f": {summary}" if summary else ""), flush=True)
        for line in details:
            print(f"    {line}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


# --------------------------------------------------------------------------
# samsyn command lines

SHELL_KEYWORDS = {"if", "then", "else", "elif", "do", "while", "until", "!", "time", "exec", "command"}
SEPARATORS = {";", "&&", "||", "|", "&", "(", ")", ";;"}
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
COMMENTED_COMMAND = re.compile(r"^\s*#\s*(?:-\s+)?(samsyn\s.*)$")


def shell_commands(script):
    """The simple commands in a shell script, each a list of words. Good
    enough for CI scripts: continuation lines are joined, comments dropped,
    and commands are split at ; && || | & ( )."""
    script = script.replace("\\\n", " ")
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        try:
            tokens = list(lexer)
        except ValueError:          # an unclosed quote: not a line we can read
            continue
        command = []
        for token in tokens + [";"]:
            if token in SEPARATORS:
                if command:
                    yield command
                command = []
            else:
                command.append(token)


def samsyn_invocations(script):
    """The argument lists (after the word samsyn) of every samsyn command."""
    for words in shell_commands(script):
        while words and (words[0] in SHELL_KEYWORDS or ASSIGNMENT.match(words[0])):
            words = words[1:]
        if words and (words[0] == "samsyn" or words[0].endswith("/samsyn")):
            yield words[1:]


def commented_invocations(text):
    """samsyn command lines shown in YAML comments, such as the --strict
    alternative: readers copy them, so they must be right too."""
    for number, line in enumerate(text.splitlines(), 1):
        match = COMMENTED_COMMAND.match(line)
        if match:
            try:
                yield number, shlex.split(match.group(1))[1:]
            except ValueError:      # an unclosed quote
                yield number, ["(unreadable: unclosed quote)"]


def invocation_problems(args):
    """What is wrong with one samsyn command line, as a list of messages."""
    if not args or args[0].startswith("-"):
        return ["no subcommand (expected one of " + ", ".join(SAMSYN_OPTIONS) + ")"]
    subcommand, rest = args[0], args[1:]
    if subcommand not in SAMSYN_OPTIONS:
        return [f"unknown subcommand '{subcommand}' (expected one of " + ", ".join(SAMSYN_OPTIONS) + ")"]
    options = SAMSYN_OPTIONS[subcommand]
    problems = []
    i = 0
    while i < len(rest):
        word = rest[i]
        name, has_value, value = word.partition("=")
        if not name.startswith("--"):
            problems.append(f"'{word}': samsyn {subcommand} takes no arguments, only options")
        elif name not in options:
            problems.append(f"unknown option '{name}' for samsyn {subcommand} "
                            f"(it takes {', '.join(options)})")
        elif options[name] is None:
            if has_value:
                problems.append(f"{name} is a flag and takes no value")
        else:
            if not has_value:
                if i + 1 >= len(rest) or rest[i + 1].startswith("--"):
                    problems.append(f"{name} needs a value ({options[name]})")
                    i += 1
                    continue
                value = rest[i + 1]
                i += 1
            if options[name] == "FORMAT" and value not in FORMATS:
                problems.append(f"--format {value}: expected one of {', '.join(sorted(FORMATS))}")
            if options[name] == "DATE" and "$" not in value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                problems.append(f"--as-of {value}: expected YYYY-MM-DD or a computed date")
        i += 1
    return problems


def check_samsyn_lines(report, label, scripts, text):
    """One check: every samsyn command line in the file is valid. Returns the
    argument lists found in scripts, for the checks that look for particular
    commands."""
    found, problems = [], []
    for where, script in scripts:
        for args in samsyn_invocations(script):
            found.append(args)
            problems += [f"{where}: samsyn {' '.join(args)}: {p}" for p in invocation_problems(args)]
    commented = list(commented_invocations(text))
    for number, args in commented:
        problems += [f"line {number} (comment): samsyn {' '.join(args)}: {p}" for p in invocation_problems(args)]
    total = len(found) + len(commented)
    if not found:
        problems.append("no samsyn command found in any script")
    report.check(not problems, f"{label} samsyn command lines",
                 f"{total} checked ({len(commented)} in comments)" if not problems else "", problems)
    return found


def has_option(args, name, value=None):
    for i, word in enumerate(args):
        if word == name and (value is None or (i + 1 < len(args) and args[i + 1] == value)):
            return True
        if value is not None and word == f"{name}={value}":
            return True
    return False


def script_text(value):
    """A GitLab script entry (string, or a list nested at most a few deep) as text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(script_text(item) for item in value)
    return ""


# --------------------------------------------------------------------------
# GitHub

def find_actionlint():
    """actionlint as installed by pip for this Python (its scripts folder need
    not be on PATH, e.g. under pyenv), else from PATH."""
    for scheme in (None, f"{os.name}_user"):
        try:
            folder = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        except KeyError:
            continue
        candidate = Path(folder) / "actionlint"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("actionlint")


def check_github(report):
    path = ROOT / GITHUB_WORKFLOW
    label = GITHUB_WORKFLOW
    if not path.is_file():
        report.check(False, f"{label} exists")
        return

    # actionlint: it uses shellcheck on the run: scripts when shellcheck is installed.
    actionlint = find_actionlint()
    if actionlint is None:
        report.check(False, f"{label} actionlint", "actionlint not installed; run scripts/install-browser-deps")
    else:
        version = subprocess.run([actionlint, "-version"], capture_output=True, text=True).stdout.split("\n")[0]
        run = subprocess.run([actionlint, "-no-color", "-oneline", GITHUB_WORKFLOW],
                             cwd=ROOT, capture_output=True, text=True)
        findings = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
        ok = run.returncode == 0 and not findings
        report.check(ok, f"{label} actionlint", f"no findings ({version})" if ok else f"exit {run.returncode}",
                     findings)

    text = path.read_text(encoding="utf-8")
    try:
        workflow = yaml.safe_load(text)
    except yaml.YAMLError as error:
        report.check(False, f"{label} parses", str(error))
        return
    jobs = workflow.get("jobs") or {}
    steps = [(job_id, step) for job_id, job in jobs.items() for step in (job.get("steps") or [])]
    uses = [step.get("uses", "") for _, step in steps]

    # PyYAML reads the key `on` as the boolean true (YAML 1.1).
    triggers = workflow.get("on", workflow.get(True)) or {}
    if isinstance(triggers, (str, list)):
        triggers = {name: None for name in ([triggers] if isinstance(triggers, str) else triggers)}
    push_branches = (triggers.get("push") or {}).get("branches") or []
    missing = [name for name, ok in (("pull_request", "pull_request" in triggers),
                                     ("push to main", "main" in push_branches),
                                     ("workflow_dispatch", "workflow_dispatch" in triggers)) if not ok]
    report.check(not missing, f"{label} triggers", "pull_request, push to main, workflow_dispatch"
                 if not missing else "missing " + ", ".join(missing))

    wanted = ["actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"]
    missing = [w.rstrip("@") for w in wanted if not any(u.startswith(w) for u in uses)]
    report.check(not missing, f"{label} official Pages actions",
                 ", ".join(u for u in uses if "pages" in u) if not missing else "missing " + ", ".join(missing))

    deployers = [job for job in jobs.values()
                 if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps") or [])]
    problems = []
    for job in deployers:
        permissions = job.get("permissions") or workflow.get("permissions") or {}
        for scope in ("pages", "id-token"):
            if not isinstance(permissions, dict) or permissions.get(scope) != "write":
                problems.append(f"the deploy job needs permissions: {scope}: write")
        if (job.get("environment") or {}).get("name") != "github-pages":
            problems.append("the deploy job needs environment: github-pages")
    if not workflow.get("concurrency"):
        problems.append("no concurrency group")
    report.check(not problems, f"{label} permissions, environment and concurrency", "", problems)

    checkouts = [step for _, step in steps if step.get("uses", "").startswith("actions/checkout@")
                 and not (step.get("with") or {}).get("repository")]
    ok = bool(checkouts) and all(str((step.get("with") or {}).get("fetch-depth")) == "0" for step in checkouts)
    report.check(ok, f"{label} full history", "checkout with fetch-depth: 0" if ok
                 else "the project's checkout needs fetch-depth: 0 (samsyn reads dates from git)")

    scripts = [(f"job {job_id}, step '{step.get('name', '?')}'", step["run"])
               for job_id, step in steps if isinstance(step.get("run"), str)]
    found = check_samsyn_lines(report, label, scripts, text)
    ok = any(args[:1] == ["check"] and has_option(args, "--format", "github") for args in found)
    report.check(ok, f"{label} check annotates", "samsyn check --format github" if ok
                 else "no samsyn check --format github")
    ok = (any(args[:1] == ["build"] and has_option(args, "--as-of") for args in found)
          and COMMIT_DATE in text)
    report.check(ok, f"{label} build as of the commit date", f"--as-of from {COMMIT_DATE}" if ok
                 else f"no samsyn build --as-of with the date from {COMMIT_DATE}")


# --------------------------------------------------------------------------
# GitLab

def merged(base, override):
    """GitLab's `extends`: mappings merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def resolve(config, name, seen=()):
    job = config.get(name)
    if not isinstance(job, dict):
        raise KeyError(name)
    parents = job.get("extends") or []
    parents = [parents] if isinstance(parents, str) else parents
    result = {}
    for parent in parents:
        if parent in seen:
            raise KeyError(f"{parent} (circular)")
        result = merged(result, resolve(config, parent, seen + (name,)))
    return merged(result, {k: v for k, v in job.items() if k != "extends"})


def default_branch_only(rules):
    """True when every rule that can add the job requires the default branch."""
    if not isinstance(rules, list) or not rules:
        return False
    default_branch = re.compile(r"\$\{?CI_COMMIT_(?:BRANCH|REF_NAME)\}?\s*==\s*\$\{?CI_DEFAULT_BRANCH\}?"
                                r"|\$\{?CI_DEFAULT_BRANCH\}?\s*==\s*\$\{?CI_COMMIT_(?:BRANCH|REF_NAME)\}?")
    for rule in rules:
        if not isinstance(rule, dict):
            return False
        if rule.get("when") == "never":
            continue
        condition = rule.get("if", "")
        if not default_branch.search(condition) or "||" in condition:
            return False
    return True


def check_gitlab(report):
    path = ROOT / GITLAB_CI
    label = GITLAB_CI
    if not path.is_file():
        report.check(False, f"{label} exists")
        return
    text = path.read_text(encoding="utf-8")
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as error:
        report.check(False, f"{label} parses", str(error))
        return
    if not isinstance(config, dict):
        report.check(False, f"{label} parses", "the top level is not a mapping")
        return
    report.check(True, f"{label} parses")

    stages = config.get("stages")
    ok = isinstance(stages, list) and bool(stages) and all(isinstance(s, str) for s in stages)
    report.check(ok, f"{label} stages", ", ".join(stages) if ok else "no list of stages")
    known_stages = set(stages if ok else GITLAB_DEFAULT_STAGES) | {".pre", ".post"}

    names = [k for k in config if isinstance(k, str) and k not in GITLAB_RESERVED and not k.startswith(".")]
    jobs, problems = {}, []
    for name in names:
        try:
            jobs[name] = resolve(config, name)
        except KeyError as error:
            problems.append(f"{name}: extends an unknown or circular job {error}")
    for name, job in jobs.items():
        if not script_text(job.get("script")).strip() and not job.get("trigger"):
            problems.append(f"{name}: no script")
        if job.get("stage", "test") not in known_stages:
            problems.append(f"{name}: stage '{job.get('stage', 'test')}' is not among the stages")
        if not job.get("image") and not (config.get("default") or {}).get("image") and not config.get("image"):
            problems.append(f"{name}: no image (the job needs one with Swift)")
        if "only" in job or "except" in job:
            problems.append(f"{name}: uses only/except; use rules")
    report.check(bool(jobs) and not problems, f"{label} jobs",
                 f"{', '.join(jobs)}: each has a stage, an image and a script" if not problems else "", problems)

    pages = jobs.get("pages")
    problems = []
    if pages is None:
        problems.append("no job named pages (GitLab Pages publishes that job's public/)")
    else:
        paths = ((pages.get("artifacts") or {}).get("paths")) or []
        if "public" not in [str(p).rstrip("/") for p in paths]:
            problems.append("artifacts: paths: does not hold public")
        # GitLab 17.x can publish another folder (publish:, or pages: publish:).
        publish = pages.get("publish")
        if isinstance(pages.get("pages"), dict):
            publish = pages["pages"].get("publish", publish)
        if publish and str(publish).rstrip("/") != "public":
            problems.append(f"publishes {publish}, not public")
    report.check(not problems, f"{label} pages job publishes public/", "", problems)

    ok = pages is not None and default_branch_only(pages.get("rules"))
    report.check(ok, f"{label} pages job runs on the default branch only",
                 "rules: if $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" if ok
                 else "every rule must require $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")

    scripts = []
    for name, job in config.items():
        if isinstance(job, dict):
            for key in ("before_script", "script", "after_script"):
                if key in job:
                    scripts.append((f"{name} {key}", script_text(job[key])))
    check_samsyn_lines(report, label, scripts, text)

    def job_commands(job):
        text = "\n".join(script_text(job.get(k)) for k in ("before_script", "script", "after_script"))
        return list(samsyn_invocations(text)), text

    checkers = [(name, job) for name, job in jobs.items()
                if any(args[:1] == ["check"] for args in job_commands(job)[0])]
    mr = re.compile(r"\$\{?CI_PIPELINE_SOURCE\}?\s*==\s*[\"']merge_request_event[\"']")
    ok = bool(checkers) and all(any(isinstance(r, dict) and mr.search(r.get("if", "")) for r in job.get("rules") or [])
                                for _, job in checkers)
    report.check(ok, f"{label} check job runs in merge requests",
                 ", ".join(name for name, _ in checkers) if ok
                 else "no job runs samsyn check with rules: if $CI_PIPELINE_SOURCE == \"merge_request_event\"")

    problems = []
    if pages is not None:
        commands, pages_text = job_commands(pages)
        builds = [args for args in commands if args[:1] == ["build"]]
        if not any(has_option(args, "--output", "public") for args in builds):
            problems.append("the pages job does not run samsyn build --output public")
        if not any(has_option(args, "--as-of") for args in builds) or COMMIT_DATE not in pages_text:
            problems.append(f"the pages job does not build --as-of the date from {COMMIT_DATE}")
        if str((pages.get("variables") or {}).get("GIT_DEPTH", (config.get("variables") or {}).get("GIT_DEPTH"))) != "0":
            problems.append("the pages job needs GIT_DEPTH: \"0\" (samsyn reads dates from git)")
    report.check(pages is not None and not problems, f"{label} pages job builds as of the commit date",
                 f"--output public --as-of from {COMMIT_DATE}, full history" if not problems else "", problems)


def main():
    report = Report()
    check_github(report)
    check_gitlab(report)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
