#!/usr/bin/env python3
"""The clinical realism measures of docs/clinical-validity.md, computed over a file of Synthea FHIR R4 bundles
(one bundle per line, gzip ndjson, e.g. ../shared/data/synthea-r4-seed7.ndjson.gz) with the definitions of
io.synthfhir.validity.ClinicalMeasures, independently of the Java code. Standard library only.

usage: python3 docs/scripts/synthea_corpus_measures.py ../shared/data/synthea-r4-seed7.ndjson.gz 2026-11-22
"""
import datetime as dt
import gzip
import json
import sys

SCT, LOINC = "http://snomed.info/sct", "http://loinc.org"
HYPERTENSION = {"59621000"}
DIABETES = {"44054006", "73211009", "46635009"}
PREDIABETES = {"714628002", "15777000"}
HTN_EXCLUSIONS = {"72892002", "77386006", "47200007", "46177005"}
CRC_EXCLUSIONS = {"363406005", "93761005", "109838007", "94260004", "26390003"}
COLONOSCOPY = {"73761001"}
FIVE_YEAR = {"44441009", "396226005", "418714002"}
FOBT = {"12503-9", "12504-7", "14563-1", "14564-9", "14565-6", "2335-8", "27396-1", "27401-9", "27925-7",
        "27926-5", "29771-3", "56490-6", "56491-4", "57905-2", "58453-2", "80372-6", "104435004"}
FIT_DNA = {"77353-1", "77354-9"}
# rules/reference/complications.json: complication -> causes
T2D = {"44054006"}
ANY_DM = {"73211009", "44054006", "46635009"}
HTN_CAUSES = {"59621000", "38341003"}
COMPLICATIONS = {c: T2D for c in ["368581000119106", "422034002", "1551000119108", "1501000119109",
                                  "97331000119101", "60951000119105", "90781000119102", "157141000119108"]}
COMPLICATIONS.update({c: ANY_DM for c in ["127013003", "4855003", "230572002", "280137006"]})
COMPLICATIONS.update({c: HTN_CAUSES for c in ["64715009", "38481006", "86234004"]})


def when(text):
    if text is None:
        return None
    if len(text) == 10:
        text += "T00:00:00+00:00"
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def years_before(ref, n):
    return ref.replace(year=ref.year - n)


def share(num, den):
    return f"{100 * num / den:.1f} % ({num} / {den})" if den else "n/a (0)"


def main(path, reference):
    ref = dt.datetime.fromisoformat(reference + "T00:00:00+00:00")
    year_ago, six_months = years_before(ref, 1), ref - dt.timedelta(days=182.6)
    a1c, latest_below7 = [], [0, 0]
    labs = [0, 0]
    uncaused = [0, 0]
    htn, crc = [0, 0], [0, 0]
    prev = {"hypertension": [0, 0], "diabetes": [0, 0], "prediabetes": [0, 0]}
    with gzip.open(path, "rt") as lines:
        for line in lines:
            bundle = json.loads(line)
            res = [e["resource"] for e in bundle["entry"]]
            by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
            patient = next(r for r in res if r["resourceType"] == "Patient")
            birth = when(patient["birthDate"])
            death = when(patient.get("deceasedDateTime"))
            alive = death is None or death > ref
            age = (ref - birth).days / 365.25
            conditions = [(r["code"]["coding"][0]["code"], when(r.get("onsetDateTime")))
                          for r in res if r["resourceType"] == "Condition"]
            conditions = [(c, t) for c, t in conditions if t is not None]
            codes = {c for c, _ in conditions}
            diabetes_orders = []
            for r in res:
                if r["resourceType"] != "MedicationRequest":
                    continue
                reasons = [by_url.get(x["reference"]) for x in r.get("reasonReference", [])]
                reason_codes = {x["code"]["coding"][0]["code"] for x in reasons if x}
                if reason_codes & (DIABETES | PREDIABETES):
                    diabetes_orders.append(when(r["authoredOn"]))
            encounters = [when(r["period"]["start"]) for r in res if r["resourceType"] == "Encounter"]
            dated = []  # (code, time) of procedures and observations
            bp = []
            latest = None
            for r in sorted((r for r in res if r["resourceType"] == "Observation"),
                            key=lambda r: r.get("effectiveDateTime", "")):
                code = r["code"]["coding"][0]["code"]
                t = when(r.get("effectiveDateTime"))
                dated.append((code, t))
                category = r.get("category", [{}])[0].get("coding", [{}])[0].get("code")
                if category == "laboratory" and "valueQuantity" in r:
                    labs[1] += 1
                    labs[0] += 1 if r.get("referenceRange") and r.get("interpretation") else 0
                if code == "4548-4" and "valueQuantity" in r and any(o < t for o in diabetes_orders):
                    a1c.append(r["valueQuantity"]["value"])
                    latest = r["valueQuantity"]["value"]
                if code == "85354-9":
                    comp = {c["code"]["coding"][0]["code"]: c.get("valueQuantity", {}).get("value")
                            for c in r.get("component", [])}
                    if comp.get("8480-6") is not None and comp.get("8462-4") is not None:
                        bp.append((t, comp["8480-6"], comp["8462-4"]))
            for r in res:
                if r["resourceType"] == "Procedure":
                    period = r.get("performedPeriod", {})
                    dated.append((r["code"]["coding"][0]["code"], when(period.get("start") or r.get("performedDateTime"))))
            if latest is not None:
                latest_below7[1] += 1
                latest_below7[0] += 1 if latest < 7.0 else 0
            uncaused[1] += 1
            uncaused[0] += 1 if any(c in COMPLICATIONS and not any(d in COMPLICATIONS[c] and u <= t
                                                                    for d, u in conditions)
                                    for c, t in conditions) else 0
            if alive and age >= 18:
                for name, group in (("hypertension", HYPERTENSION), ("diabetes", DIABETES), ("prediabetes", PREDIABETES)):
                    prev[name][1] += 1
                    prev[name][0] += 1 if codes & group else 0
            visit = any(year_ago < t <= ref for t in encounters)
            if (alive and 18 <= age < 86 and visit and not codes & HTN_EXCLUSIONS
                    and any(c in HYPERTENSION and t < six_months for c, t in conditions)):
                readings = [b for b in bp if year_ago < b[0] <= ref]
                htn[1] += 1
                htn[0] += 1 if readings and readings[-1][1] < 140 and readings[-1][2] < 90 else 0
            if alive and 50 <= age < 76 and visit and not codes & CRC_EXCLUSIONS and not any(
                    c in CRC_EXCLUSIONS for c, _ in dated):
                def within(group, n):
                    return any(c in group and t is not None and years_before(ref, n) < t <= ref for c, t in dated)
                crc[1] += 1
                crc[0] += 1 if within(COLONOSCOPY, 10) or within(FIVE_YEAR, 5) or within(FIT_DNA, 3) or within(FOBT, 1) else 0
    a1c.sort()
    q = lambda p: a1c[min(len(a1c) - 1, int(p * (len(a1c) - 1)))] if a1c else float("nan")
    print(f"HbA1c under treatment (%): n={len(a1c)} min {q(0):.2f} p5 {q(0.05):.1f} median {q(0.5):.1f} "
          f"p95 {q(0.95):.1f} max {q(1):.1f}")
    print("treated diabetics, latest HbA1c < 7 %:", share(*latest_below7))
    print("numeric labs with range and interpretation:", share(*labs))
    print("patients with a complication without its cause:", share(*uncaused))
    print("hypertension controlled (< 140/90 at the last reading, NQF 0018):", share(*htn))
    print("colorectal screening up to date, 50-75 (CMS130):", share(*crc))
    for name, c in prev.items():
        print(f"adults with {name}:", share(*c))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "2026-11-22")
