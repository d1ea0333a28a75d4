#!/usr/bin/env python3
"""Writes a scaled corpus for the store benchmarks (README "Benchmarks").

Takes real articles (JSON Lines in the corpus format, and .txt files) and
writes N records: the originals first, then reworded copies of them with
shifted dates, as content sites and tabloids produce them: some words swapped
for synonyms, paragraphs reordered, a new headline line, boilerplate added.
Each copy round shifts publication dates by --shift-days, so the density of
events per day stays that of the real corpus however large N is.

For measuring only: the output holds third-party text and must never be
committed. Deterministic for a given --seed.

  scripts/scale-corpus.py -n 10000 -o /tmp/scaled-10k.jsonl ../shared/corpus/gdelt-ukraine \
      ../shared/corpus/ru-official/mfa_telegram.jsonl ../shared/corpus/seeds
"""
import argparse
import datetime
import json
import os
import random
import sys

SYNONYMS = {
    "said": "stated", "says": "states", "soldiers": "troops", "troops": "soldiers", "attack": "assault",
    "killed": "slain", "Russian": "Russia's", "Ukrainian": "Ukraine's", "forces": "units", "city": "town",
    "village": "settlement", "region": "area", "reported": "announced", "according": "according",
    "large": "big", "several": "a number of", "near": "close to", "strike": "attack", "missile": "rocket",
    "however": "but", "also": "as well", "officials": "authorities", "army": "military",
}
BOILERPLATE = [
    "Subscribe to our newsletter for the latest updates.",
    "Follow us on social media for breaking news.",
    "Read more: other stories from the front line.",
]


def read_inputs(paths):
    docs = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for f in sorted(files):
                    docs.extend(read_inputs([os.path.join(root, f)]))
        elif p.endswith(".jsonl"):
            with open(p, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        r = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip():
                        docs.append(r)
        elif p.endswith(".txt"):
            with open(p, encoding="utf-8", errors="replace") as fh:
                docs.append({"id": os.path.basename(p), "published": None, "text": fh.read()})
    return docs


def reword(text, rng):
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3 and rng.random() < 0.7:
        body = paras[1:]
        i, j = rng.randrange(len(body)), rng.randrange(len(body))
        body[i], body[j] = body[j], body[i]
        paras = paras[:1] + body
    out = []
    for p in paras:
        words = p.split(" ")
        for k, w in enumerate(words):
            if w in SYNONYMS and rng.random() < 0.5:
                words[k] = SYNONYMS[w]
        out.append(" ".join(words))
    if rng.random() < 0.5:
        out[0] = "UPDATE: " + out[0]
    if rng.random() < 0.6:
        out.append(rng.choice(BOILERPLATE))
    return "\n\n".join(out)


def shift(date, days):
    if not date:
        date = "2024-01-01"
    try:
        d = datetime.date.fromisoformat(date[:10])
    except ValueError:
        d = datetime.date(2024, 1, 1)
    return (d + datetime.timedelta(days=days)).isoformat()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, required=True)
    ap.add_argument("-o", required=True)
    ap.add_argument("--shift-days", type=int, default=45)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    base = read_inputs(a.inputs)
    if not base:
        sys.exit("scale-corpus: no documents in the inputs")
    rng = random.Random(a.seed)
    with open(a.o, "w", encoding="utf-8") as out:
        for i in range(a.n):
            r = dict(base[i % len(base)])
            rnd = i // len(base)
            rid = str(r.get("id") or i)
            if rnd > 0:
                r["text"] = reword(r["text"], rng)
                r["published"] = shift(r.get("published"), rnd * a.shift_days)
                r["id"] = f"{rid}-copy{rnd}"
                r["outlet"] = f"Copy Site {rng.randrange(50)}"
                r["url"] = f"https://copies.example.org/{rnd}/{rid}"
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"scale-corpus: {a.n} records from {len(base)} originals -> {a.o}")


if __name__ == "__main__":
    main()
