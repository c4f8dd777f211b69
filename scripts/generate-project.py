#!/usr/bin/env python3
"""Generate a synthetic, valid Samsyn project for performance measurements.

    scripts/generate-project.py --records N --seed S --out DIR [--hugo-out DIR]

Writes DIR/config/site.yaml and DIR/content/<kind>/<id>.yaml (one record per
file, the file name is the id) with about N records in total, spread over
2023-01 .. 2025-12 in the proportions of the example project:

    agreements 15 %, trainings 25 %, theme days 10 %, meetings 30 %, assessments 20 %

The picture is a national one: max(12, N/200) organisations (kommuner, regioner,
samordningsförbund, statliga myndigheter, others) and max(6, N/500) subprojects
with 2-6 partners each. The project period is 2023-01-01 .. 2026-12-31, so no
record falls outside it. Names are made up ("Exempelby kommun 17"); there is no
personal data and no string shaped like a personal identity number (organisation
numbers have a third digit >= 2, as real ones do).

The output is deterministic: the same (N, seed) gives byte-identical files.
Standard library only (Python 3.11).

With --hugo-out DIR it also writes an equivalent Hugo site (one Markdown page
per record with the same title, a list page per kind) for side-by-side timing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
from pathlib import Path

MARKER = ".samsyn-generated-project"
HUGO_MARKER = ".samsyn-generated-hugo"

PROJECT_START = dt.date(2023, 1, 1)
PROJECT_END = dt.date(2026, 12, 31)
RECORDS_FIRST = dt.date(2023, 1, 1)
RECORDS_LAST = dt.date(2025, 12, 31)

SHARES = [  # kind, folder, share of N
    ("agreement", "agreements", 0.15),
    ("training", "trainings", 0.25),
    ("theme-day", "theme-days", 0.10),
    ("meeting", "meetings", 0.30),
    ("assessment", "assessments", 0.20),
]

QUESTIONS = ["trust_culture", "work_focus", "parallel_services",
             "no_breaks", "continuity", "progression_focus"]
PRINCIPLES = ["gender-equality", "accessibility", "non-discrimination"]
METHODS = ["case-management", "supported-employment", "supported-education",
           "motivational-interviewing", "bip", "ips", "other"]
SCOPES = ["parallel-services", "referral", "joint-follow-up",
          "four-party-meeting", "information-sharing", "other"]
MEETING_TYPES = [("team", 30), ("caseworker", 35), ("steering-group", 15),
                 ("workshop", 12), ("other", 8)]

PLACES = [
    "Exempelby", "Norrtorp", "Västerå", "Sjöhamn", "Björkdal", "Ängsby",
    "Lindstad", "Ekeberga", "Granvik", "Åsbacka", "Hällestad", "Mossinge",
    "Östermark", "Furuhed", "Strandviken", "Kvarnbo", "Lövsjö", "Bergsmo",
    "Tallåsen", "Ådalen", "Rosenlund", "Solberga", "Storhamn", "Myrviken",
]
COUNTIES = ["Exempellän", "Norrlän", "Mellanlän", "Kustlän", "Skogslän",
            "Slättlän", "Fjällän", "Sjölän"]

SUBPROJECT_KINDS = [
    ("vsb", "VSB", "Vuxna med samverkansbehov"),
    ("usb", "USB", "Unga med samverkansbehov"),
    ("insam", "Insam", "Integrerad samverkan mellan psykiatri och socialtjänst"),
    ("iris", "IRIS", "Individanpassat stöd i samverkan"),
    ("kompetens", "Kompetenstrappan", "gemensam kompetensutveckling för personalen"),
    ("steget", "Steget", "arbetslivsinriktad rehabilitering i samverkan"),
    ("brygga", "Bryggan", "övergång från skola till arbete"),
]

TRAINING_TOPICS = [
    ("cm-grund", "Grundutbildning i Case management", ["case-management"]),
    ("cm-fordjupning", "Case management – fördjupning för coacher", ["case-management"]),
    ("mi-grund", "Motiverande samtal (MI), grundkurs", ["motivational-interviewing"]),
    ("mi-handledning", "Handledning i motiverande samtal", ["motivational-interviewing"]),
    ("se-grund", "Supported Employment för handläggare", ["supported-employment"]),
    ("sed-intro", "Supported Education: studier som väg till arbete", ["supported-education"]),
    ("ips-grund", "IPS – individanpassat stöd till arbete", ["ips", "supported-employment"]),
    ("bip-intro", "Introduktion till BIP och organisatorisk självskattning", ["bip"]),
    ("samverkan-juridik", "Sekretess och samtycke i samverkan", ["other"]),
    ("trauma", "Traumamedvetet förhållningssätt i mötet med deltagaren", ["other"]),
    ("npf", "NPF och arbetslivsinriktat stöd", ["supported-employment", "other"]),
    ("digitala-moten", "Tillgängliga digitala möten för deltagare", []),
]
THEME_TOPICS = [
    ("jamstalldhet", "Temadag: jämställd handläggning och bemötande", ["gender-equality"]),
    ("tillganglighet", "Temadag: tillgänglighet i mötet med deltagaren", ["accessibility"]),
    ("diskriminering", "Temadag: diskrimineringsgrunderna i praktiken", ["non-discrimination"]),
    ("normkritik", "Temadag: normkritiskt arbetssätt", ["gender-equality", "non-discrimination"]),
    ("klarsprak", "Temadag: klarspråk och lättläst information", ["accessibility"]),
    ("principerna", "Temadag om de horisontella principerna", PRINCIPLES),
]
MEETING_TITLES = {
    "team": ("teammote", "Teammöte"),
    "caseworker": ("handlaggartraff", "Handläggarträff"),
    "steering-group": ("styrgrupp", "Styrgruppsmöte"),
    "workshop": ("workshop", "Workshop om gemensam uppföljning"),
    "other": ("natverkstraff", "Nätverksträff"),
}
AGREEMENT_TOPICS = [
    ("fyrpartsmoten", "Samverkansöverenskommelse om fyrpartsmöten", ["four-party-meeting", "parallel-services"]),
    ("remissvagar", "Överenskommelse om remissvägar och överlämning", ["referral"]),
    ("uppfoljning", "Överenskommelse om gemensam uppföljning av deltagare", ["joint-follow-up"]),
    ("informationsoverforing", "Överenskommelse om informationsöverföring med samtycke", ["information-sharing"]),
    ("parallella-insatser", "Överenskommelse om samordning av parallella insatser", ["parallel-services"]),
    ("arbetsmarknadsinsatser", "Överenskommelse om arbetsmarknadsinsatser för deltagare", ["referral", "other"]),
]
PROVIDERS = ["MISA", "Socialhögskolan", "FoU-enheten", "Nationellt kompetenscentrum",
             "Extern utbildare", "Studieförbundet Exempel", "Länsstyrelsen, utvecklingsenheten"]
NOTES = [
    "Genomfördes enligt plan.",
    "Dokumentation och presentationer finns hos projektledningen.",
    "Deltagarna efterfrågade en uppföljning under nästa termin.",
    "Antalet avser närvarande deltagare enligt närvarolistan.",
    "Hölls digitalt för att fler skulle kunna delta.",
    "Planeras att upprepas för nyanställda.",
    "Utvärderingen visar att innehållet upplevdes som relevant.",
]
AGREEMENT_NOTES = [
    "Överenskommelsen reglerar samverkan på organisationsnivå, inte mellan enskilda handläggare.",
    "Förslag under beredning i styrgruppen.",
    "Ersätter en tidigare överenskommelse med samma parter.",
    "Följs upp av styrgruppen en gång per år.",
]
COMMENTS = [
    "Skattningen gjordes gemensamt i teamet.",
    "Samordningen av parallella insatser bedöms som svagast.",
    "Personalomsättning har påverkat kontinuiteten för deltagarna.",
    "Arbetsfokus från första mötet har blivit tydligare.",
    "Svaren lämnades anonymt och sammanställdes av projektledningen.",
]


# ---------------------------------------------------------------- helpers

def slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e",
                           "Å": "a", "Ä": "a", "Ö": "o"})
    s = text.translate(table).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


PLAIN_OK = re.compile(r"^[A-Za-zÅÄÖåäöÉé(][^\n]*$")


def ystr(value: str) -> str:
    """A YAML scalar for a free-text string: plain when unambiguous, else double-quoted."""
    plain = (PLAIN_OK.match(value) is not None
             and ": " not in value and " #" not in value
             and not value.endswith(":")
             and not any(c in value for c in "[]{}\"'`|>&*!%@")
             and value.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "y", "n"))
    if plain:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ylist(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def fmt_hours(h: float) -> str:
    return str(int(h)) if h == int(h) else f"{h:.1f}"


def rand_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def weighted(rng: random.Random, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    acc = 0.0
    for value, w in pairs:
        acc += w
        if x <= acc:
            return value
    return pairs[-1][0]


def luhn_digit(digits: str) -> int:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def org_number(rng: random.Random, first_digit: int) -> str:
    # Third digit >= 2 (as for every Swedish legal entity): never a valid
    # month, so never shaped like a personal identity number.
    nine = f"{first_digit}{rng.randint(0, 9)}{rng.randint(2, 9)}{rng.randint(0, 999):03d}{rng.randint(0, 999):03d}"
    return f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"


# ---------------------------------------------------------------- model

class Org:
    def __init__(self, oid, name, otype, target, number):
        self.id, self.name, self.type, self.target, self.number = oid, name, otype, target, number


class Sub:
    def __init__(self, sid, name, start, end, partners, short):
        self.id, self.name, self.start, self.end, self.partners, self.short = sid, name, start, end, partners, short


def split_counts(n: int) -> dict[str, int]:
    shares = [("agreement", 0.15), ("training", 0.25), ("theme-day", 0.10),
              ("meeting", 0.30), ("assessment", 0.20)]
    counts = {k: int(round(n * s)) for k, s in shares}
    if n >= 5:
        for k in counts:
            counts[k] = max(1, counts[k])
    counts["meeting"] += n - sum(counts.values())
    if counts["meeting"] < 0:
        counts["meeting"] = 0
    return counts


def make_orgs(rng: random.Random, n_orgs: int) -> list[Org]:
    # The first five cover every type; then a national mix.
    types = ["coordination-association", "state-agency", "region", "municipality", "other"]
    mix = [("municipality", 55), ("coordination-association", 18), ("region", 8),
           ("state-agency", 12), ("other", 7)]
    orgs = []
    for i in range(1, n_orgs + 1):
        otype = types[i - 1] if i <= len(types) else weighted(rng, mix)
        place = PLACES[(i * 7) % len(PLACES)]
        if otype == "municipality":
            name = f"{place} kommun {i}"
            target = rng.randint(5, 40)
            number = org_number(rng, 2)
        elif otype == "region":
            name = f"Region {COUNTIES[i % len(COUNTIES)]} {i}"
            target = rng.randint(10, 60)
            number = org_number(rng, 2)
        elif otype == "coordination-association":
            name = f"Samordningsförbundet {place} {i}"
            target = rng.randint(1, 3)
            number = org_number(rng, 2) if rng.random() < 0.5 else None
        elif otype == "state-agency":
            agency = ["Arbetsförmedlingen, område", "Försäkringskassan, lokalkontor"][i % 2]
            name = f"{agency} {place} {i}"
            target = rng.randint(5, 30)
            number = org_number(rng, 2)
        else:
            name = f"{['Stiftelsen', 'Studieförbundet', 'Föreningen'][i % 3]} {place} {i}"
            target = rng.randint(0, 10)
            number = org_number(rng, 8) if rng.random() < 0.6 else None
        if rng.random() < 0.1:
            target = None
        orgs.append(Org(slug(name), name, otype, target, number))
    return orgs


def make_subs(rng: random.Random, n_subs: int, orgs: list[Org]) -> list[Sub]:
    subs = []
    n_orgs = len(orgs)
    for i in range(1, n_subs + 1):
        key, short, long = SUBPROJECT_KINDS[(i - 1) % len(SUBPROJECT_KINDS)]
        place = PLACES[(i * 5) % len(PLACES)]
        sid = f"{key}-{slug(place)}-{i}"
        name = f"{short} {place} {i} – {long}"
        start = None
        end = None
        if rng.random() < 0.3:
            start = dt.date(2023, rng.randint(2, 9), 1)
        if rng.random() < 0.2:
            end = dt.date(2026, rng.choice([6, 9]), 30)
        k = rng.randint(2, 6)
        # a local cluster of organisations, topped up from the whole country
        base = ((i - 1) * n_orgs) // n_subs
        local = [orgs[(base + j) % n_orgs] for j in range(min(3, k))]
        partners = []
        for o in local:
            if o not in partners:
                partners.append(o)
        while len(partners) < k:
            o = orgs[rng.randrange(n_orgs)]
            if o not in partners:
                partners.append(o)
        subs.append(Sub(sid, name, start, end, [o.id for o in partners], f"{short} {place} {i}"))
    return subs


# ---------------------------------------------------------------- records

def participants_block(rng: random.Random, candidates: list[str], all_orgs: list[Org],
                       k_min: int, k_max: int) -> list[str]:
    k = rng.randint(k_min, k_max)
    chosen: list[str] = []
    pool = list(candidates)
    rng.shuffle(pool)
    for oid in pool:
        if len(chosen) >= k:
            break
        if oid not in chosen:
            chosen.append(oid)
    guard = 0
    while len(chosen) < k and guard < 50:
        guard += 1
        oid = all_orgs[rng.randrange(len(all_orgs))].id
        if oid not in chosen:
            chosen.append(oid)
    lines = ["participants:"]
    for oid in chosen:
        lines.append(f"  - organisation: {oid}")
        if rng.random() < 0.6:
            lines.append(f"    count: {rng.randint(1, 12)}")
        else:
            women = rng.randint(0, 9)
            men = rng.randint(0, 5)
            nb = 1 if rng.random() < 0.07 else 0
            if women + men + nb == 0:
                women = 1
            if rng.random() < 0.1:
                lines.append(f"    count: {women + men + nb}")
            lines.append(f"    women: {women}")
            lines.append(f"    men: {men}")
            if rng.random() < 0.85:
                lines.append(f"    non_binary: {nb}")
            elif nb:
                lines.append(f"    non_binary: {nb}")
    return lines


def pick_subs(rng: random.Random, subs: list[Sub], p_none: float, max_k: int) -> list[Sub]:
    if rng.random() < p_none:
        return []
    k = 1 if rng.random() < 0.75 else rng.randint(2, max_k)
    chosen: list[Sub] = []
    while len(chosen) < k:
        s = subs[rng.randrange(len(subs))]
        if s not in chosen:
            chosen.append(s)
    return chosen


def make_activity(rng: random.Random, kind: str, seq: int, orgs: list[Org], subs: list[Sub],
                  meeting_type: str | None = None) -> tuple[str, str, str]:
    date = rand_date(rng, RECORDS_FIRST, RECORDS_LAST)
    if kind == "training":
        key, title, methods = TRAINING_TOPICS[rng.randrange(len(TRAINING_TOPICS))]
        subs_sel = pick_subs(rng, subs, 0.35, 3)
    elif kind == "theme-day":
        key, title, principles_fixed = THEME_TOPICS[rng.randrange(len(THEME_TOPICS))]
        subs_sel = pick_subs(rng, subs, 0.6, 2)
    else:
        key, title = MEETING_TITLES[meeting_type]
        subs_sel = pick_subs(rng, subs, 0.9 if meeting_type == "steering-group" else 0.1, 2)
        if subs_sel:
            title = f"{title} {subs_sel[0].short}"
        else:
            title = f"{title}, hela projektet"
    if subs_sel:
        key = f"{key}-{subs_sel[0].id}"
    rid = f"{key}-{date.year}-{date.month:02d}-{seq}"
    if kind == "training" and rng.random() < 0.3:
        title = f"{title} – grupp {rng.randint(1, 9)}"

    lines = [f"title: {ystr(title)}", f"date: {date.isoformat()}"]
    if kind == "training" and rng.random() < 0.2:
        lines.append(f"end_date: {(date + dt.timedelta(days=rng.randint(1, 2))).isoformat()}")
    if kind == "training":
        if rng.random() < 0.85:
            lines.append(f"hours: {fmt_hours(rng.choice([1, 1.5, 2, 2.5, 3, 3.5, 4, 6, 7.5, 8, 12, 16, 24]))}")
        if rng.random() < 0.8:
            if rng.random() < 0.3:
                provider = orgs[rng.randrange(len(orgs))].name
            else:
                provider = PROVIDERS[rng.randrange(len(PROVIDERS))]
            lines.append(f"provider: {ystr(provider)}")
        m = list(methods)
        if rng.random() < 0.2:
            extra = METHODS[rng.randrange(len(METHODS))]
            if extra not in m:
                m.append(extra)
        if m:
            lines.append(f"methods: {ylist(m)}")
        if rng.random() < 0.3:
            lines.append(f"principles: {ylist(sorted(rng.sample(PRINCIPLES, rng.randint(1, 2)), key=PRINCIPLES.index))}")
    elif kind == "theme-day":
        lines.append(f"hours: {fmt_hours(rng.choice([2, 3, 3.5, 4, 5.5, 6, 7]))}")
        if rng.random() < 0.7:
            lines.append(f"provider: {ystr(PROVIDERS[rng.randrange(len(PROVIDERS))])}")
        if rng.random() < 0.1:
            lines.append(f"methods: [{METHODS[rng.randrange(len(METHODS))]}]")
        lines.append(f"principles: {ylist(principles_fixed)}")
    else:
        if rng.random() < 0.5:
            lines.append(f"hours: {fmt_hours(rng.choice([1, 1.5, 2, 2.5, 3]))}")
        if rng.random() < 0.15:
            lines.append(f"methods: [{METHODS[rng.randrange(len(METHODS))]}]")
        if rng.random() < 0.1:
            lines.append(f"principles: [{PRINCIPLES[rng.randrange(3)]}]")
    if subs_sel:
        lines.append(f"subprojects: {ylist([s.id for s in subs_sel])}")
    if kind == "meeting":
        lines.append(f"meeting_type: {meeting_type}")

    candidates: list[str] = []
    for s in subs_sel:
        candidates.extend(p for p in s.partners if p not in candidates)
    if kind == "training":
        lines += participants_block(rng, candidates, orgs, 1, 8)
    elif kind == "theme-day":
        lines += participants_block(rng, candidates, orgs, 2, 8)
    elif rng.random() < 0.8:
        lines += participants_block(rng, candidates, orgs, 1, 6)
    if rng.random() < 0.3:
        lines.append(f"notes: {ystr(NOTES[rng.randrange(len(NOTES))])}")
    return rid, title, "\n".join(lines) + "\n"


def make_agreement(rng: random.Random, seq: int, orgs: list[Org], subs: list[Sub]) -> tuple[str, str, str]:
    key, topic, scope = AGREEMENT_TOPICS[rng.randrange(len(AGREEMENT_TOPICS))]
    subs_sel = pick_subs(rng, subs, 0.25, 2)
    status = weighted(rng, [("signed", 65), ("terminated", 20), ("draft", 15)])
    candidates: list[str] = []
    for s in subs_sel:
        candidates.extend(p for p in s.partners if p not in candidates)
    k = rng.randint(2, 5)
    parties: list[str] = []
    pool = list(candidates)
    rng.shuffle(pool)
    parties = pool[:k]
    while len(parties) < 2 or (len(parties) < k and rng.random() < 0.5):
        oid = orgs[rng.randrange(len(orgs))].id
        if oid not in parties:
            parties.append(oid)
    if subs_sel:
        title = f"{topic} i {subs_sel[0].short}"
        key = f"{subs_sel[0].id}-{key}"
    else:
        title = f"{topic}, projektgemensam"
    signed = rand_date(rng, RECORDS_FIRST, RECORDS_LAST)
    rid = f"{key}-{signed.year}-{seq}"

    lines = [f"title: {ystr(title)}", f"parties: {ylist(parties)}"]
    if subs_sel:
        lines.append(f"subprojects: {ylist([s.id for s in subs_sel])}")
    lines.append(f"status: {status}")
    if status != "draft":
        lines.append(f"signed: {signed.isoformat()}")
        valid_from = signed
        r = rng.random()
        if r < 0.35:
            valid_from = signed + dt.timedelta(days=rng.randint(1, 45))
            lines.append(f"valid_from: {valid_from.isoformat()}")
        elif r < 0.40 and signed - dt.timedelta(days=30) >= PROJECT_START:
            valid_from = signed - dt.timedelta(days=rng.randint(1, 30))  # retroactive
            lines.append(f"valid_from: {valid_from.isoformat()}")
        valid_until = None
        if rng.random() < 0.6:
            valid_until = valid_from + dt.timedelta(days=rng.randint(180, 1200))
            lines.append(f"valid_until: {valid_until.isoformat()}")
        if status == "terminated":
            latest = min(valid_until or RECORDS_LAST, RECORDS_LAST)
            if latest < valid_from:
                latest = valid_from
            span = (latest - valid_from).days
            terminated = valid_from + dt.timedelta(days=rng.randint(min(30, span), span))
            lines.append(f"terminated: {terminated.isoformat()}")
    s = list(scope)
    if rng.random() < 0.3:
        extra = SCOPES[rng.randrange(len(SCOPES))]
        if extra not in s:
            s.append(extra)
    if rng.random() < 0.9:
        lines.append(f"scope: {ylist(s)}")
    r = rng.random()
    if r < 0.5:
        lines.append("independent_of_individuals: true")
    elif r < 0.65:
        lines.append("independent_of_individuals: false")
    if status == "draft" or rng.random() < 0.3:
        lines.append(f"notes: {ystr(AGREEMENT_NOTES[rng.randrange(len(AGREEMENT_NOTES))])}")
    return rid, title, "\n".join(lines) + "\n"


def make_assessment(rng: random.Random, seq: int, subs: list[Sub]) -> tuple[str, str, str]:
    sub = subs[rng.randrange(len(subs))]
    first = max(RECORDS_FIRST, sub.start or PROJECT_START)
    last = min(RECORDS_LAST, sub.end or PROJECT_END)
    date = rand_date(rng, first, last)
    rid = f"{sub.id}-{date.year}-{date.month:02d}-{seq}"
    title = f"Självskattning {sub.short} {date.isoformat()}"
    level = rng.randint(2, 4)

    def score() -> int:
        return max(1, min(5, level + rng.choice([-1, 0, 0, 0, 1])))

    lines = [f"subproject: {sub.id}", f"date: {date.isoformat()}"]
    if rng.random() < 0.5:
        lines.append("scores:")
        for q in QUESTIONS:
            lines.append(f"  {q}: {score()}")
    else:
        lines.append("responses:")
        for _ in range(rng.randint(3, 8)):
            answered = [q for q in QUESTIONS if rng.random() >= 0.08]
            if not answered:
                answered = [QUESTIONS[rng.randrange(len(QUESTIONS))]]
            lines.append("  - { " + ", ".join(f"{q}: {score()}" for q in answered) + " }")
    if rng.random() < 0.4:
        lines.append(f"comment: {ystr(COMMENTS[rng.randrange(len(COMMENTS))])}")
    return rid, title, "\n".join(lines) + "\n"


def site_yaml(n: int, seed: int, orgs: list[Org], subs: list[Sub]) -> str:
    owner = next(o for o in orgs if o.type == "coordination-association")
    out = [
        f"# Syntetiskt projekt för prestandamätningar: {n} poster, seed {seed}.",
        "# Genererat av scripts/generate-project.py; alla namn är påhittade.",
        "project:",
        f"  name: {ystr(f'Finsam nationell lägesbild (syntetisk, {n} poster)')}",
        "  reference: 23-000-S99",
        f"  owner: {owner.id}",
        f"  start: {PROJECT_START.isoformat()}",
        f"  end: {PROJECT_END.isoformat()}",
        "language: sv",
        "",
        "organisations:",
    ]
    for o in orgs:
        out.append(f"  - id: {o.id}")
        out.append(f"    name: {ystr(o.name)}")
        out.append(f"    type: {o.type}")
        if o.target is not None:
            out.append(f"    training_target: {o.target}")
        if o.number is not None:
            out.append(f"    org_number: {o.number}")
    out += ["", "subprojects:"]
    for s in subs:
        out.append(f"  - id: {s.id}")
        out.append(f"    name: {ystr(s.name)}")
        if s.start:
            out.append(f"    start: {s.start.isoformat()}")
        if s.end:
            out.append(f"    end: {s.end.isoformat()}")
        out.append(f"    partners: {ylist(s.partners)}")
    out += [
        "",
        "targets:",
        "  caseworker_meetings_per_year: 3",
        "  theme_days_per_year: 2",
        "  agreement_expiry_warning_days: 90",
        "  assessment_interval_months: 6",
        "",
        "site:",
        '  accent: "#1f5c99"',
        f"  footer: {ystr('Syntetiskt exempel för prestandamätningar, med stöd från Europeiska socialfonden (ESF+).')}",
        "  accessibility:",
        f"    organisation: {ystr(owner.name)}",
        "    compliance: partial",
        "    contact_email: info@example.se",
        "    assessed: 2025-11-01",
        "    method: egen bedömning",
        "",
    ]
    return "\n".join(out)


# ---------------------------------------------------------------- output

def prepare_dir(out: Path, marker: str) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / marker).exists():
            sys.exit(f"generate-project: {out} exists, is not empty and was not made by this script; "
                     "choose an empty or new folder")
        for child in out.iterdir():
            if child.name == marker:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / marker).write_text("made by scripts/generate-project.py\n", encoding="utf-8")


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def hugo_escape(title: str) -> str:
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


HUGO_CONFIG = """baseURL = "https://example.invalid/"
languageCode = "sv"
title = "Finsam nationell lägesbild (syntetisk)"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""
HUGO_BASEOF = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Params.kind }} · {{ .Date.Format "2006-01-02" }}</p>{{ .Content }}{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<table><thead><tr><th>Datum</th><th>Titel</th></tr></thead><tbody>
{{ range .Pages.ByDate }}<tr><td>{{ .Date.Format "2006-01-02" }}</td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td></tr>
{{ end }}</tbody></table>{{ end }}
"""
HUGO_INDEX = """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}
"""
KIND_TITLES = {"agreements": "Samverkansöverenskommelser", "trainings": "Utbildningar",
               "theme-days": "Temadagar", "meetings": "Möten", "assessments": "Självskattningar"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, required=True, help="about how many records in total")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="project folder to write (new, empty, or made by this script)")
    ap.add_argument("--hugo-out", type=Path, help="also write an equivalent Hugo site here")
    args = ap.parse_args()
    n = args.records
    if n < 1:
        ap.error("--records must be at least 1")

    rng = random.Random(f"samsyn-bench:{n}:{args.seed}")
    orgs = make_orgs(rng, max(12, n // 200))
    subs = make_subs(rng, max(6, n // 500), orgs)
    counts = split_counts(n)

    records: dict[str, list[tuple[str, str, str, str]]] = {f: [] for _, f, _ in SHARES}
    for kind, folder, _ in SHARES:
        for seq in range(1, counts[kind] + 1):
            if kind == "agreement":
                rid, title, text = make_agreement(rng, seq, orgs, subs)
            elif kind == "assessment":
                rid, title, text = make_assessment(rng, seq, subs)
            elif kind == "meeting":
                rid, title, text = make_activity(rng, kind, seq, orgs, subs, weighted(rng, MEETING_TYPES))
            else:
                rid, title, text = make_activity(rng, kind, seq, orgs, subs)
            assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", rid), rid
            date = re.search(r"^(?:date|signed): (\S+)$", text, re.M)
            records[folder].append((rid, title, text, date.group(1) if date else "2023-01-01"))

    out: Path = args.out
    prepare_dir(out, MARKER)
    (out / "config").mkdir()
    write(out / "config" / "site.yaml", site_yaml(n, args.seed, orgs, subs))
    for _, folder, _ in SHARES:
        d = out / "content" / folder
        d.mkdir(parents=True)
        for rid, _, text, _ in records[folder]:
            write(d / f"{rid}.yaml", text)

    if args.hugo_out:
        h: Path = args.hugo_out
        prepare_dir(h, HUGO_MARKER)
        write(h / "hugo.toml", HUGO_CONFIG)
        (h / "layouts" / "_default").mkdir(parents=True)
        write(h / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
        write(h / "layouts" / "_default" / "single.html", HUGO_SINGLE)
        write(h / "layouts" / "_default" / "list.html", HUGO_LIST)
        write(h / "layouts" / "index.html", HUGO_INDEX)
        (h / "content").mkdir()
        write(h / "content" / "_index.md", "---\ntitle: Start\n---\n")
        for kind, folder, _ in SHARES:
            d = h / "content" / folder
            d.mkdir()
            write(d / "_index.md", f"---\ntitle: {hugo_escape(KIND_TITLES[folder])}\n---\n")
            for rid, title, _, date in records[folder]:
                write(d / f"{rid}.md",
                      f"---\ntitle: {hugo_escape(title)}\ndate: {date}\nkind: {kind}\n---\n")

    total = sum(len(v) for v in records.values())
    print(f"wrote {total} records ({', '.join(f'{f} {len(v)}' for f, v in records.items())}), "
          f"{len(orgs)} organisations, {len(subs)} subprojects to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
