#!/usr/bin/env bash
# The ablation table of docs/accuracy.md: tools/Eval on the shared samples plus synthetic prints, once with the
# classifier alone, once with the default fusion, and once with each cue switched against its default.
#
#   tools/Eval/ablation.sh [OUT_DIR]      (default eval-ablation; the shared folder is ../shared or $LIVENESS_SHARED)
#
# Prints a Markdown table; each run's metrics.json, scores.csv and det.png stay in OUT_DIR/NAME/.
set -euo pipefail
cd "$(dirname "$0")/../.."

shared=$(cd "${LIVENESS_SHARED:-../shared}" && pwd)
out=${1:-eval-ablation}
mkdir -p "$out"

tools/Eval/make-synthetic-prints.sh "$shared/data" "$out/synthetic" > /dev/null
{
    echo "file,label,attack_type"
    awk -v data="$shared/data/" -F, 'NR > 1 { print data $0 }' "$shared/data/manifest.csv" | cut -d, -f1,3-
    awk -v dir="$(cd "$out/synthetic" && pwd)/" 'NR > 1 { print dir $0 }' "$out/synthetic/manifest.csv"
} > "$out/manifest.csv"

dotnet build tools/Eval -c Release -v quiet -nologo > /dev/null
eval_dll=tools/Eval/bin/Release/net10.0/linux-x64/Liveness.Tools.Eval.dll

off_all="--Fusion:ScreenBorder:Weight=0 --Fusion:Moire:Weight=0 --Fusion:Glare:Weight=0 --Fusion:PlanarMotion:Weight=0 --Fusion:MicroMotion:Weight=0"
runs=(
    "classifier alone, uncalibrated, threshold 0.5|$off_all --Fusion:Slope=1 --Fusion:Intercept=0 --Pipeline:PassThreshold=0.5"
    "classifier alone, calibrated|$off_all"
    "default fusion|"
    "default without glare|--Fusion:Glare:Weight=0"
    "default without planar motion|--Fusion:PlanarMotion:Weight=0"
    "default without micro-motion|--Fusion:MicroMotion:Weight=0"
    "default with screen border (weight 2)|--Fusion:ScreenBorder:Weight=2"
    "default with moire (weight 2)|--Fusion:Moire:Weight=2"
)

echo "| run | videos: AUC | videos: APCER / BPCER | synthetic prints accepted | videos: APCER @ BPCER ≤ 5% | frames: AUC | frames: APCER (pooled) / BPCER | frames: APCER (pooled) @ BPCER ≤ 5% |"
echo "|---|---|---|---|---|---|---|---|"
index=0
for run in "${runs[@]}"; do
    index=$((index + 1))
    name=${run%%|*}
    settings=${run#*|}
    # shellcheck disable=SC2086 # the settings are separate arguments
    dotnet "$eval_dll" --manifest "$out/manifest.csv" --out "$out/run$index" --Models:Mirror="$shared/models" $settings > "$out/run$index.log" 2>&1
    synthetic=$(awk -F, '/print_/ && $6 == "accept" { n++ } /print_/ { all++ } END { printf "%d of %d", n, all }' "$out/run$index/scores.csv")
    jq -r --arg name "$name" --arg synthetic "$synthetic" '
        def r: if . == null then "-" else (. * 1000 | round / 1000 | tostring) end;
        "| \($name) | \(.videos.auc | r) | \(.videos.apcer_pooled | r) / \(.videos.bpcer | r) | \($synthetic) | \(.videos.apcer_pooled_at_bpcer_5 | r) | \(.frames.auc | r) | \(.frames.apcer_pooled | r) / \(.frames.bpcer | r) | \(.frames.apcer_pooled_at_bpcer_5 | r) |"
    ' "$out/run$index/metrics.json"
done
