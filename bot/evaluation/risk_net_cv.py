"""Choose the learned net's thresholds on its own training data, never on a holdout.

Five-fold cross-validation over everything the net learns from: for each
threshold, how many risk messages it flags (recall) and how many ordinary ones
it would question (false-ask rate). ``ASK_THRESHOLD`` and ``CRISIS_THRESHOLD``
in ``bot.safety.learned`` are read off this table.

    python -m bot.evaluation.risk_net_cv
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.safety.learned import RiskNet, training_examples

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99)


def cross_validate(folds: int = 5, seed: int = 13) -> dict[str, object]:
    """Out-of-fold probabilities for every training example, and the table they give."""
    from sklearn.model_selection import StratifiedKFold

    examples = training_examples()
    labels = [int(e.risk) for e in examples]
    probabilities = [0.0] * len(examples)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_index, test_index in splitter.split(examples, labels):
        net = RiskNet.train([examples[i] for i in train_index])
        for i in test_index:
            probabilities[i] = net.probability(examples[i].text)
    positives = [p for p, y in zip(probabilities, labels, strict=True) if y]
    negatives = [p for p, y in zip(probabilities, labels, strict=True) if not y]
    table = [
        {
            "threshold": t,
            "risk_recall": round(sum(p >= t for p in positives) / max(len(positives), 1), 4),
            "false_flag_rate": round(sum(p >= t for p in negatives) / max(len(negatives), 1), 4),
        }
        for t in THRESHOLDS
    ]
    return {"n_risk": len(positives), "n_other": len(negatives), "table": table}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.risk_net_cv")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    result = cross_validate()
    print(f"risk {result['n_risk']}, other {result['n_other']}")
    print(f"{'threshold':>10}{'risk recall':>13}{'false flags':>13}")
    for row in result["table"]:  # type: ignore[attr-defined]
        print(f"{row['threshold']:>10}{row['risk_recall']:>13.3f}{row['false_flag_rate']:>13.3f}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
