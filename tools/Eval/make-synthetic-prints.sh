#!/usr/bin/env bash
# Synthetic print attacks for measuring the video cues: the shared data has no print or photo video.
# One live frame from each live collection of the shared manifest becomes a 4 s, 640x480 H.264 clip of that
# still photo held in a hand: a slow drift and zoom, different for each clip. The classifier sees the live face
# the photo shows; only the motion, which is one plane, gives it away.
#
#   tools/Eval/make-synthetic-prints.sh [SHARED_DATA_DIR] [OUT_DIR]
#
# Writes OUT_DIR/print_*.mp4 and OUT_DIR/manifest.csv (label spoof, attack_type "print (synthetic still photo)").
# The clips are made from the shared samples: they stay out of the repository like the samples themselves.
set -euo pipefail

data=${1:-../shared/data}
out=${2:-eval/synthetic}
mkdir -p "$out"
echo "file,label,attack_type" > "$out/manifest.csv"

index=0
while IFS=, read -r file _ _ _ group _; do
    index=$((index + 1))
    name="print_$(basename "${file%.*}").mp4"
    # Each clip gets its own speed and phase of drift and zoom.
    zoom="1.08+0.04*sin(on/$((17 + index * 3)))"
    drift_x="iw/2-(iw/zoom/2)+$((8 + index % 5 * 2))*sin(on/$((13 + index * 2)))"
    drift_y="ih/2-(ih/zoom/2)+$((5 + index % 3 * 2))*cos(on/$((19 + index)))"
    ffmpeg -nostdin -hide_banner -loglevel error -y -loop 1 -i "$data/$file" -an \
        -vf "scale=640:480:force_original_aspect_ratio=increase,crop=640:480,scale=1280:960,zoompan=z='$zoom':x='$drift_x':y='$drift_y':d=1:s=640x480:fps=30" \
        -frames:v 120 -c:v libx264 -pix_fmt yuv420p "$out/$name"
    echo "$name,spoof,print (synthetic still photo)" >> "$out/manifest.csv"
    echo "$name  from $file ($group)"
done < <(awk -F, '$2 == "frame" && $3 == "live" && !seen[$5]++' "$data/manifest.csv")
