#!/usr/bin/env bash
# Makes the standard benchmark clips from a real live-face video: 5 s at 640x480, 5 s and 10 s at 1280x720, and
# 5 s at 1920x1080 and 3840x2160 (frames over Video:SampledFramePixels, scaled down before the pipeline), all H.264 (yuv420p, CRF 23) at 30 fps without audio. The source is portrait: it is scaled to the target height, so the
# whole face stays in the frame and fills most of its height, over a blurred copy of itself that fills the width.
# Not black bars: MiniFASNet looks at the context around the face, and bars beside it read as a phone's bezel (a
# live face padded with black scores as an attack).
# Usage: bench/make-clips.sh [SOURCE_VIDEO]   (writes bench/clips/, which git ignores)
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
shared=${LIVENESS_SHARED:-$bench/../../shared}
source=${1:-$shared/data/videos/tranvanluyt2203_real.mp4}
mkdir -p "$bench/clips"

clip() { # NAME WIDTH HEIGHT SECONDS
  ffmpeg -nostdin -hide_banner -loglevel error -y -t "$4" -i "$source" -an \
    -filter_complex "split[a][b];[a]scale=$2:$3:force_original_aspect_ratio=increase,crop=$2:$3,boxblur=20[back];[b]scale=-2:$3[face];[back][face]overlay=(W-w)/2:0,setsar=1,fps=30" \
    -c:v libx264 -preset medium -crf 23 -pix_fmt yuv420p -movflags +faststart "$bench/clips/$1"
  echo "$bench/clips/$1"
}

clip 640x480_5s.mp4 640 480 5
clip 1280x720_5s.mp4 1280 720 5
clip 1280x720_10s.mp4 1280 720 10
clip 1920x1080_5s.mp4 1920 1080 5
clip 3840x2160_5s.mp4 3840 2160 5
