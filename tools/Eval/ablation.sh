#!/usr/bin/env bash
# The ablation table of docs/accuracy.md: tools/Eval on the shared samples plus synthetic prints and compositions,
# once with the classifier alone, once with the default fusion, once with the aggregation before issue 12 (the
# median of the main face's 5 best frames), and once with each cue or part switched against its default.
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
tools/Eval/make-synthetic-compositions.sh "$shared/data" "$out/compositions" > /dev/null
{
    echo "file,label,attack_type"
    awk -v data="$shared/data/" -F, 'NR > 1 { print data $0 }' "$shared/data/manifest.csv" | cut -d, -f1,3-
    for synthetic in synthetic compositions; do
        awk -v dir="$(cd "$out/$synthetic" && pwd)/" 'NR > 1 { print dir $0 }' "$out/$synthetic/manifest.csv"
    done
} > "$out/manifest.csv"

dotnet build tools/Eval -c Release -v quiet -nologo > /dev/null
eval_dll=tools/Eval/bin/Release/net10.0/linux-x64/Liveness.Tools.Eval.dll

off_all="--Fusion:ScreenBorder:Weight=0 --Fusion:Moire:Weight=0 --Fusion:Glare:Weight=0 --Fusion:PlanarMotion:Weight=0 --Fusion:MicroMotion:Weight=0 --Fusion:DeviceInView:Weight=0 --Fusion:StreamBitrate:Weight=0"
best_frames="--Pipeline:CoverageSeconds=0 --Fusion:ClassifierQuantile=0.5"
runs=(
    "classifier alone, uncalibrated, threshold 0.5, 5 best frames|$off_all $best_frames --Fusion:Slope=1 --Fusion:Intercept=0 --Pipeline:PassThreshold=0.5"
    "classifier alone, calibrated|$off_all"
    "default fusion|"
    "default, aggregation before issue 12 (median of the 5 best frames)|$best_frames"
    "default, median over time instead of the first quartile|--Fusion:ClassifierQuantile=0.5"
    "default, stretches between the times a face was found again not judged|--Fusion:ClassifierStretchShare=0"
    "default, main face only (a face must be as wide as the largest)|--Pipeline:TrackedFaceShare=1"
    "default without device in view|--Fusion:DeviceInView:Weight=0"
    "default without stream bitrate|--Fusion:StreamBitrate:Weight=0"
    "default without glare|--Fusion:Glare:Weight=0"
    "default without planar motion|--Fusion:PlanarMotion:Weight=0"
    "default without micro-motion|--Fusion:MicroMotion:Weight=0"
    "default with screen border (weight 2)|--Fusion:ScreenBorder:Weight=2"
    "default with moire (weight 2)|--Fusion:Moire:Weight=2"
)

echo "| run | shared videos decided wrong | shared videos: lowest live / highest attack | videos: AUC | videos: APCER / BPCER | synthetic attacks accepted | synthetic live rejected | videos: APCER @ BPCER ≤ 5% | frames: AUC | frames: APCER (pooled) / BPCER | frames: APCER (pooled) @ BPCER ≤ 5% |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
index=0
for run in "${runs[@]}"; do
    index=$((index + 1))
    name=${run%%|*}
    settings=${run#*|}
    # shellcheck disable=SC2086 # the settings are separate arguments
    dotnet "$eval_dll" --manifest "$out/manifest.csv" --out "$out/run$index" --Models:Mirror="$shared/models" $settings > "$out/run$index.log" 2>&1
    synthetic=$(awk -F, 'index($1, "/synthetic/") || index($1, "/compositions/") { if ($3 == "spoof") { all++; n += $6 == "accept" } else { lives++; m += $6 == "reject" } }
        END { printf "%d of %d|%d of %d", n, all, m, lives }' "$out/run$index/scores.csv")
    shared_wrong=$(awk -F, -v data="$shared/data/" 'index($1, data) == 1 && $2 == "video" { all++; n += ($3 == "live") != ($6 == "accept") } END { printf "%d of %d", n, all }' "$out/run$index/scores.csv")
    # The margins: a failed sample has no score and counts as neither.
    margins=$(awk -F, -v data="$shared/data/" 'index($1, data) == 1 && $2 == "video" && $5 != "" {
            if ($3 == "live") { if (low == "" || $5 < low) low = $5 } else if (high == "" || $5 > high) high = $5 }
        END { printf "%.2f / %.2f", low, high }' "$out/run$index/scores.csv")
    jq -r --arg name "$name" --arg synthetic "$synthetic" --arg shared "$shared_wrong" --arg margins "$margins" '
        def r: if . == null then "-" else (. * 1000 | round / 1000 | tostring) end;
        "| \($name) | \($shared) | \($margins) | \(.videos.auc | r) | \(.videos.apcer_pooled | r) / \(.videos.bpcer | r) | \($synthetic | sub("\\|"; " | ")) | \(.videos.apcer_pooled_at_bpcer_5 | r) | \(.frames.auc | r) | \(.frames.apcer_pooled | r) / \(.frames.bpcer | r) | \(.frames.apcer_pooled_at_bpcer_5 | r) |"
    ' "$out/run$index/metrics.json"
done
