#!/usr/bin/env bash
# Capture perturbations of the shared videos: each video as another camera, app or room would have given it, with
# the label of its source. They check that a decision does not rest on how a video happened to be captured; they are
# made, never committed, like the samples themselves, and each is labelled synthetic in its attack type.
#
#   tools/Eval/make-perturbations.sh [SHARED_DATA_DIR] [OUT_DIR] [VIDEO...]
#
# VIDEO: manifest names (videos/lestari15_real.mp4) to perturb only those; all the manifest's videos by default.
# Writes OUT_DIR/NAME__PERTURBATION.mp4 (H.264, as uploaded; rotation metadata applied) and OUT_DIR/manifest.csv
# (file,label,attack_type: the source's, marked synthetic). The perturbations:
#   half     half the width and height (only of videos 360 px wide or more)
#   crf40    the same size encoded at CRF 40: a starved bitrate, blocks and smeared detail
#   fps10    10 frames a second
#   dark     darker and flatter (ffmpeg eq brightness -0.12, gamma 0.7): a dim room, a backlit face
#   darker   darker still (brightness -0.2, gamma 0.6)
#   washed   brighter with less contrast (brightness 0.12, contrast 0.75): an overexposed sensor
#   noise    sensor noise varying over time (ffmpeg noise, strength 14)
#   blur     out of focus (Gaussian, sigma 1.5)
#   flip     mirrored, as front cameras and selfie apps often record
#   tilt     turned by 10 degrees, black corners
#   first3s  the first 3 s only
#   warm     lit by tungsten (ffmpeg colortemperature 3000 K)
#   cool     lit by a cold daylight lamp or a screen (9000 K)
#   gray     no colour, as some sensors and apps give
#   sharpened  the strong unsharp mask phone cameras apply (5x5, amount 1.5)
#   smoothed   a beauty filter's skin smoothing (bilateral, spatial sigma 4, range sigma 0.08)
#   vignette   the dark corners of a cheap lens (ffmpeg vignette, its default angle)
#   dup30    a camera slowed to 7.5 frames a second by a dim room, stored at 30 with each frame repeated
#   double   twice the width and height, as an app upscaling a small camera's picture (only of videos under 720 px wide)
set -euo pipefail

data=${1:-../shared/data}
out=${2:-eval/perturbations}
shift $(($# < 2 ? $# : 2))
mkdir -p "$out"
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
# Even sides for the encoder, after whatever a perturbation did to them.
even="scale=trunc(iw/2)*2:trunc(ih/2)*2"
encode=(-an -c:v libx264 -preset veryfast -pix_fmt yuv420p)

perturbations=(
    "crf40|$even|-crf 40"
    "fps10|fps=10,$even|-crf 23"
    "dark|eq=brightness=-0.12:gamma=0.7,$even|-crf 23"
    "darker|eq=brightness=-0.2:gamma=0.6,$even|-crf 23"
    "washed|eq=brightness=0.12:contrast=0.75,$even|-crf 23"
    "noise|noise=alls=14:allf=t+u,$even|-crf 23"
    "blur|gblur=sigma=1.5,$even|-crf 23"
    "flip|hflip,$even|-crf 23"
    "tilt|rotate=10*PI/180:fillcolor=black,$even|-crf 23"
    "first3s|$even|-crf 23 -t 3"
    "warm|colortemperature=temperature=3000,$even|-crf 23"
    "cool|colortemperature=temperature=9000,$even|-crf 23"
    "gray|hue=s=0,$even|-crf 23"
    "sharpened|unsharp=5:5:1.5,$even|-crf 23"
    "smoothed|bilateral=sigmaS=4:sigmaR=0.08,$even|-crf 23"
    "vignette|vignette,$even|-crf 23"
    "dup30|fps=7.5,fps=30,$even|-crf 23"
)

echo "file,label,attack_type" > "$out/manifest.csv"
tail -n +2 "$data/manifest.csv" | while IFS=, read -r file kind label attack _; do
    if [ "$kind" != video ] || { [ $# -gt 0 ] && [[ " $* " != *" $file "* ]]; }; then
        continue
    fi

    source="$data/$file"
    name=$(basename "${file%.*}")
    # The width as shown, after the rotation a phone video declares.
    width=$(ffmpeg -nostdin -hide_banner -i "$source" -frames:v 1 -f rawvideo -pix_fmt gray -vf "showinfo" -y /dev/null 2>&1 \
        | sed -n 's/.* s:\([0-9]*\)x[0-9]* .*/\1/p' | head -1)
    variants=("${perturbations[@]}")
    if [ "$width" -ge 360 ]; then
        variants+=("half|scale=trunc(iw/4)*2:-2|-crf 23")
    fi
    if [ "$width" -lt 720 ]; then
        variants+=("double|scale=iw*2:-2:flags=bicubic|-crf 23")
    fi

    for variant in "${variants[@]}"; do
        IFS='|' read -r perturbation filters options <<< "$variant"
        # shellcheck disable=SC2086 # the options are separate arguments
        ff -i "$source" -vf "$filters" "${encode[@]}" $options "$out/${name}__$perturbation.mp4"
        # One attack type for all the perturbations of a kind of attack, so that its APCER pools them.
        if [ "$label" = live ]; then type="none (synthetic perturbation)"; else type="$attack (synthetic perturbation)"; fi
        echo "${name}__$perturbation.mp4,$label,$type" >> "$out/manifest.csv"
    done
done
