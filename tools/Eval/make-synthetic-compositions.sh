#!/usr/bin/env bash
# Synthetic compositions of the shared samples for the cases the shared data lacks (issue 12). Each is labelled
# synthetic in its attack type or name; they are made, never committed, like the samples themselves.
#
#   tools/Eval/make-synthetic-compositions.sh [SHARED_DATA_DIR] [OUT_DIR]
#
# Writes OUT_DIR/*.mp4 and OUT_DIR/manifest.csv (file,label,attack_type):
#   phone_beside_then_over.mp4  spoof  a real replay (tranvanluyt2203_fake) shown on a "phone" (the clip in a black
#                                      bezel) beside a live face (lestari15_real) for 2.5 s, moved over it in 1 s,
#                                      held there for 2.5 s: two faces, then the main face switches to the screen
#   letterboxed_live.mp4        live   the live clip with black bars above and below (640x426 in 640x640)
#   poster_behind_live.mp4      live   the live clip with a small still face (a frame of tdreal_621ea6c1 at a fifth
#                                      of the user's face width) in the background, as a poster or a bystander
#   print_still.mp4             spoof  a live frame (tdreal_621ea6c1 at 1 s) as a photo held perfectly still, 4 s
#   print_bent.mp4              spoof  the same photo bent back and forth (a perspective that rocks), 4 s
set -euo pipefail

data=${1:-../shared/data}
out=${2:-eval/synthetic-compositions}
mkdir -p "$out"
live="$data/videos/lestari15_real.mp4"
replay="$data/videos/tranvanluyt2203_fake.mp4"
other="$data/videos/tdreal_621ea6c1.mov"
encode=(-an -r 30 -c:v libx264 -preset veryfast -pix_fmt yuv420p)
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }

# The live face fills x 330-690 of the 1080x720 clip; the phone's face is about 0.45 of its width.
ff -stream_loop 1 -i "$live" -i "$replay" -filter_complex \
    "[0:v]setsar=1[bg];[1:v]scale=360:-2,pad=iw+24:ih+40:12:20:black,setsar=1[phone];[bg][phone]overlay=x='if(lt(t,2.5),690,if(lt(t,3.5),690-(t-2.5)*360,330))':y=20[v]" \
    -map "[v]" -t 6 "${encode[@]}" "$out/phone_beside_then_over.mp4"

ff -i "$live" -vf "scale=640:426,setsar=1,pad=640:640:0:107:black" "${encode[@]}" "$out/letterboxed_live.mp4"

ff -i "$live" -ss 1 -i "$other" -filter_complex \
    "[1:v]trim=end_frame=1,scale=216:-2,setsar=1,loop=-1:size=1[poster];[0:v]setsar=1[bg];[bg][poster]overlay=x=840:y=40:shortest=1[v]" \
    -map "[v]" "${encode[@]}" "$out/poster_behind_live.mp4"

ff -ss 1 -i "$other" -frames:v 1 -vf "scale=640:480,setsar=1" "$out/photo.png"
ff -loop 1 -i "$out/photo.png" -t 4 "${encode[@]}" "$out/print_still.mp4"
ff -loop 1 -i "$out/photo.png" -vf \
    "perspective=x0='40*sin(in/14)':y0='25*(1-cos(in/14))':x1='W-40*sin(in/14)':y1='-25*(1-cos(in/14))':x2='30*sin(in/14)':y2='H':x3='W-30*sin(in/14)':y3='H':eval=frame,scale=640:480" \
    -t 4 "${encode[@]}" "$out/print_bent.mp4"
rm "$out/photo.png"

cat > "$out/manifest.csv" <<'CSV'
file,label,attack_type
phone_beside_then_over.mp4,spoof,replay (synthetic phone beside then over a live face)
letterboxed_live.mp4,live,none
poster_behind_live.mp4,live,none
print_still.mp4,spoof,print (synthetic still photo held still)
print_bent.mp4,spoof,print (synthetic still photo bent)
CSV
