#!/bin/sh
# Runs bench/compare.ts and its numpy anchor side by side; prints both JSON documents, the time ratio
# per resample and the largest difference of the point deltas.
set -e
cd "$(dirname "$0")/.."
npx tsc -p . >/dev/null
node dist/bench/compare.js "$@" > bench/out/compare.json
/usr/bin/python3 bench/compare_numpy.py 50 > bench/out/compare-numpy.json
cat bench/out/compare.json bench/out/compare-numpy.json
/usr/bin/python3 - <<'PY'
import json
ours = json.load(open("bench/out/compare.json"))
anchor = json.load(open("bench/out/compare-numpy.json"))
assert ours["negativeFlips"] == anchor["negativeFlips"] and ours["positiveFlips"] == anchor["positiveFlips"]
print("max |assay - numpy| over point deltas:", max(abs(ours["deltas"][k]["value"] - anchor["deltas"][k]["value"]) for k in anchor["deltas"]))
print("McNemar relative difference:", abs(ours["mcnemarPValue"] - anchor["mcnemarPValue"]) / max(anchor["mcnemarPValue"], 1e-300))
print("time per resample, assay / numpy:", round(ours["bootstrapMsPerResample"] / anchor["bootstrapMsPerResample"], 3))
PY
