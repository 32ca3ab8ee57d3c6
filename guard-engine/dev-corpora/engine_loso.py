#!/usr/bin/env python3
"""Leave-one-source-out for the whole guard engine (rules + classifier + their combination).

For each source the classifier was retrained without (the round models written by
`guardstream train --leave-one-source-out --round-models DIR`), runs `guardstream eval` with the
rule set whose classifier is that round's model, on that source's corpus, and prints the engine's
prompt_attack recall (attack sources) or false-positive rate (benign sources) at the shipped
decision threshold. This is the figure that predicts how the engine does on a collection it has
never seen; in-distribution metrics do not. Python 3 standard library only.

Usage:
    C=/work/devcorpus/prompts
    ./guardstream train $(for f in $C/*.jsonl; do echo --corpus $f; done) \\
        --leave-one-source-out --round-models /tmp/rounds --output /tmp/m.bin
    python3 guard-engine/dev-corpora/engine_loso.py --models /tmp/rounds --corpora $C

Options: --rules FILE (default: the built-in rule set), --guardstream PATH (default: the
repository's launcher), --sources a,b (default: every round model with a corpus <source>.jsonl).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_RULES = os.path.join(REPO, "guard-engine", "src", "main", "resources", "io", "guardstream",
                             "guard", "default-rules.yaml")
CLASSIFIER = re.compile(r"detector:\s*\{\s*type:\s*classifier\s*([^}]*)\}")


def with_model(rules_text, model_path):
    """The rule set with its classifier rule reading model_path (other parameters kept)."""
    found = CLASSIFIER.search(rules_text)
    if not found:
        raise SystemExit("engine_loso: no classifier rule in the rule set")
    if "model:" in found.group(1):
        raise SystemExit("engine_loso: the classifier rule already names a model")
    rest = found.group(1).strip()
    replacement = "detector: {type: classifier, model: " + json.dumps(model_path) + \
        (" " + rest if rest else "") + "}"
    return rules_text[:found.start()] + replacement + rules_text[found.end():]


def evaluate(guardstream, rules_file, corpus):
    result = subprocess.run([guardstream, "eval", "--rules", rules_file, "--corpus", corpus],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"engine_loso: eval failed on {corpus}:\n{result.stderr}")
    return json.loads(result.stdout)["prompt_attack"]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", required=True, help="round models: <source>.bin")
    parser.add_argument("--corpora", required=True, help="corpora: <source>.jsonl")
    parser.add_argument("--rules", default=DEFAULT_RULES)
    parser.add_argument("--guardstream", default=os.path.join(REPO, "guardstream"))
    parser.add_argument("--sources", default=None)
    args = parser.parse_args(argv)

    rules_text = open(args.rules, encoding="utf-8").read()
    if args.sources:
        sources = args.sources.split(",")
    else:
        sources = sorted(f[:-4] for f in os.listdir(args.models) if f.endswith(".bin")
                         and os.path.exists(os.path.join(args.corpora, f[:-4] + ".jsonl")))
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            model = os.path.abspath(os.path.join(args.models, source + ".bin"))
            rules_file = os.path.join(tmp, source + ".yaml")
            with open(rules_file, "w", encoding="utf-8") as f:
                f.write(with_model(rules_text, model))
            m = evaluate(args.guardstream, rules_file, os.path.join(args.corpora, source + ".jsonl"))
            attacks, benign = m["tp"] + m["fn"], m["fp"] + m["tn"]
            rows[source] = {"attacks": attacks, "benign": benign,
                            "recall": m["tp"] / attacks if attacks else None,
                            "fpr": m["fp"] / benign if benign else None}
            print(f"engine_loso: {source} done", file=sys.stderr)
    print("| left-out source | texts | engine recall | engine FPR |")
    print("|---|---:|---:|---:|")
    for source, r in rows.items():
        recall = f"{r['recall']:.3f}" if r["recall"] is not None else ""
        fpr = f"{r['fpr']:.4f}" if r["fpr"] is not None else ""
        print(f"| {source} | {r['attacks'] + r['benign']} | {recall} | {fpr} |")
    recalls = [r["recall"] for r in rows.values() if r["recall"] is not None]
    fprs = [r["fpr"] for r in rows.values() if r["fpr"] is not None]
    summary = {"sources": rows,
               "mean_attack_recall": sum(recalls) / len(recalls) if recalls else None,
               "min_attack_recall": min(recalls) if recalls else None,
               "mean_benign_fpr": sum(fprs) / len(fprs) if fprs else None,
               "max_benign_fpr": max(fprs) if fprs else None}
    print(json.dumps({k: v for k, v in summary.items() if k != "sources"}))


if __name__ == "__main__":
    main(sys.argv[1:])
