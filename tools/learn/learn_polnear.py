#!/usr/bin/env python3
"""Learns which of claimtrace's attributions the PolNeAR scheme annotates.

claimtrace keeps nested attributions (a claim's chain needs them); PolNeAR gives
each token one role, so it mostly leaves them out, and its annotators skip some
uses of a cue that the rules accept. This script fits an L2-regularised logistic
regression on the features claimtrace writes with `--brat-features` (see
src/export/polnear.cc): the label of an attribution is whether its cue is
exactly a gold cue. The threshold maximises cue F1 over out-of-fold scores
(5 folds by article), so it is not fitted to the examples it is judged on.
Writes data/models/polnear_attribution.tsv: feature names and weights only,
no text of the corpus.

  build/claimtrace attributions --brat /tmp/feat --brat-all --brat-features \\
      ../shared/bench/attribution/polnear/data/train/text/
  python3 tools/learn/learn_polnear.py ../shared/bench/attribution/polnear/data/train /tmp/feat \\
      > data/models/polnear_attribution.tsv
"""
import collections, glob, math, os, random, sys

L2, EPOCHS, MIN_COUNT, FOLDS = 200.0, 30, 3, 5


def read_ann(path):
    spans, notes = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, rest = parts[1].split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in rest.split(";")]
            spans[parts[0]] = (label, frags)
        elif parts[0].startswith("#") and parts[1].startswith("AnnotatorNotes ") and len(parts) >= 3:
            notes.append((parts[1].split(" ", 1)[1], parts[2].split()))
    return spans, notes


def chars(text, frags):
    return frozenset(i for a, b in frags for i in range(a, b) if not text[i].isspace())


def examples(split_dir, pred_dir):
    """Per article: (number of gold cues, [(features, label)]) with one example per predicted cue span."""
    out = []
    for txt in sorted(glob.glob(os.path.join(split_dir, "text", "*.txt"))):
        article = os.path.basename(txt)[:-4]
        golds = sorted(glob.glob(os.path.join(split_dir, "attributions", article + "_*.ann")))
        pred = os.path.join(pred_dir, article + ".ann")
        if not golds or not os.path.exists(pred):
            continue
        text = open(txt, encoding="utf-8").read()
        gold_spans, _ = read_ann(golds[0])  # the smallest annotator id, as the scorer does
        gold = {chars(text, f) for label, f in gold_spans.values() if label == "Cue"}
        spans, notes = read_ann(pred)
        seen, rows = set(), []
        for cue_id, feats in notes:
            if cue_id not in spans:
                continue
            key = chars(text, spans[cue_id][1])
            if key in seen:
                continue
            seen.add(key)
            rows.append((feats, 1 if key in gold else 0))
        out.append((len(gold), rows))
    return out


def train(rows, vocab):
    w = collections.defaultdict(float)
    bias = 0.0
    g2 = collections.defaultdict(lambda: 1e-8)
    gb = 1e-8
    n = len(rows)
    rng = random.Random(7)
    order = list(range(n))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            feats, y = rows[k]
            fs = [f for f in feats if f in vocab]
            z = bias + sum(w[f] for f in fs)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            gb += g * g
            bias -= 0.1 * g / math.sqrt(gb)
            for f in fs:
                gf = g + L2 * w[f] / n
                g2[f] += gf * gf
                w[f] -= 0.1 * gf / math.sqrt(g2[f])
    return bias, w


def score(model, feats):
    bias, w = model
    return bias + sum(w.get(f, 0.0) for f in feats)


def best_threshold(scored, n_gold):
    """scored: [(score, label)]; returns (threshold, f1) maximising cue F1 against n_gold gold cues."""
    scored = sorted(scored, reverse=True)
    total_pos = sum(y for _, y in scored)
    best = (-1e9, 2 * total_pos / (len(scored) + n_gold))
    tp = 0
    for k, (s, y) in enumerate(scored, 1):
        tp += y
        f1 = 2 * tp / (k + n_gold)
        if f1 > best[1] and (k == len(scored) or scored[k][0] < s):
            best = (s, f1)
    return best


def main(split_dir, pred_dir):
    arts = examples(split_dir, pred_dir)
    n_gold = sum(g for g, _ in arts)
    counts = collections.Counter(f for _, rows in arts for feats, _ in rows for f in set(feats))
    vocab = {f for f, c in counts.items() if c >= MIN_COUNT}
    # Out-of-fold scores for the threshold.
    oof = []
    for fold in range(FOLDS):
        tr = [r for i, (_, rows) in enumerate(arts) if i % FOLDS != fold for r in rows]
        model = train(tr, vocab)
        oof += [(score(model, feats), y) for i, (_, rows) in enumerate(arts) if i % FOLDS == fold for feats, y in rows]
    threshold, f1 = best_threshold(oof, n_gold)
    all_rows = [r for _, rows in arts for r in rows]
    kept_all = 2 * sum(y for _, y in all_rows) / (len(all_rows) + n_gold)
    bias, w = train(all_rows, vocab)
    print("# GENERATED BY tools/learn/learn_polnear.py FROM PolNeAR train; DO NOT EDIT.")
    print("# Logistic model: does PolNeAR annotate this attribution's cue as claimtrace found it?")
    print("# %d articles, %d predicted cues, %d gold cues; cue F1 keeping all %.4f, out-of-fold with the threshold %.4f."
          % (len(arts), len(all_rows), n_gold, kept_all, f1))
    print("bias\t%.4f" % bias)
    print("threshold\t%.4f" % threshold)
    for f in sorted(w, key=lambda f: (-abs(w[f]), f)):
        if abs(w[f]) >= 0.005:
            print("%s\t%.4f" % (f, w[f]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
