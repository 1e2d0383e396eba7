#!/bin/sh
# Rebuilds the readiness worked example from real runs: the evidence in evidence/, the data contract
# adult.schema.yaml, the model card's generated sections, and the sign-offs in assay.signoffs.jsonl.
# Run from anywhere after 'npm run build'; it starts from scratch (evidence and log are replaced).
set -eu
cd "$(dirname "$0")"
ASSAY="${ASSAY:-node ../../dist/src/cli/main.js}"
export ASSAY_HOME=.            # reports go to ./evidence, where the card's 'evidence' field points
rm -rf evidence assay.signoffs.jsonl
L="--label income-per-year --positive >50K"

# level 2: the data is profiled
$ASSAY profile adult_train.csv > /dev/null
# level 3: a reviewed contract, the test file validated against it, data bugs looked for
$ASSAY schema infer adult_train.csv --out adult.schema.yaml > /dev/null
$ASSAY validate adult_test.csv --schema adult.schema.yaml > /dev/null
$ASSAY lint adult_train.csv --label income-per-year --against adult_test.csv > /dev/null
# level 4: drift between training and test data; the model with intervals, slices, fairness, baselines
$ASSAY drift adult_train.csv adult_test.csv > /dev/null
$ASSAY evaluate adult_test.csv $L --model adult_v1.yaml --sensitive sex,race --slices auto \
  --train adult_train.csv > /dev/null
# the update gate from v1 to a candidate v2 (it fails: v2 regresses; infrastructure.4 of the ML Test Score)
$ASSAY compare adult_test.csv $L --old adult_v1.yaml --new adult_v2.yaml --sensitive sex,race > /dev/null || true
# documentation: the model card's generated sections from the card and the evaluation, then the check
$ASSAY docs check --card assay.card.yaml --fill > /dev/null || true

# the reviews: levels 1-4 by the reviewer, the ethics checklist at level 4 by the ethics reviewer
for level in 1 2 3 4; do
  $ASSAY signoff --card assay.card.yaml --level $level --role reviewer --by ben --decision approve \
    --note "gate $level reviewed against the evidence in evidence/" > /dev/null
done
$ASSAY signoff --card assay.card.yaml --level 4 --role ethics --by chen --decision approve --items all \
  --note "answers E1-E8 read with the fairness audit of the evaluation" > /dev/null

ASSAY_EVIDENCE=off $ASSAY readiness --card assay.card.yaml
