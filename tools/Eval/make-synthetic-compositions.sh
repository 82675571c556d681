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
#   face_beside_live_hidden.mp4 live   the live clip with a larger still face beside it (the same frame of tdreal_621ea6c1,
#                                      about 0.4 of the user's face width, tracked and judged) and the user's face
#                                      hidden behind a grey card from 1.6 to 2.3 s: frames where only the photo is
#                                      found must not make it the main face
#   live_jolt.mp4               live   the live clip at 1.3x seen through a 1080x720 window that jumps 324 px (0.7 of
#                                      the face's width) at 1.8 s, as a camera jolted: the face no longer overlaps
#                                      where it was, and the whole picture moved with it. Its last 1.9 s are too
#                                      still to pass as a face followed on its own: it is the same face as before
#   print_swapped_in.mp4        spoof  the same window held still, and at 1.8 s a photo of another face (a frame of
#                                      tdreal_621ea6c1 on white paper) brought up over the user's face, its face
#                                      of the user's size 0.86 of a width aside, swayed gently: a face that moved
#                                      alone, not with the picture
#   print_over_face.mp4         spoof  the same print brought up right over the user's face (its face where the
#                                      user's was): the face's track goes on, and the print must show motion of
#                                      its own from the frame the tracker lost the user's corners
#   print_over_face_lowered.mp4 spoof  the same print held over the face from 1.2 to 2.9 s only, the user's face seen
#                                      again after it: the steps into and out of the print belong to no stretch
#   print_flashed_over_face.mp4 spoof  the same print held over the face from 1.6 to 2.4 s only: too short a stretch to
#                                      be judged as the others, but one between two breaks
#   print_over_face_at_end.mp4  spoof  the same print brought up over the face for the last 0.8 s: a short stretch that
#                                      a break begins and the video's end ends
#   print_over_face_at_start.mp4 spoof the same print over the face for the first 0.8 s, then taken away: a short
#                                      stretch that the video's start begins and a break ends
#   phone_over_face_at_end.mp4  spoof  the phone of phone_beside_then_over.mp4 held right over the live face (lestari15_real,
#                                      3.7 s) for the last 0.8 s: less than a quarter of the face's time, and on its
#                                      track (the phone's face overlaps where the user's was)
#   phone_over_face_at_start.mp4 spoof the same phone over the face for the first 0.8 s, then taken away
#   phone_flashed_over_face.mp4 spoof  the same phone over the face from 1.5 to 2.3 s only
#   print_still.mp4             spoof  a live frame (tdreal_621ea6c1 at 1 s) as a photo held perfectly still, 4 s
#   print_bent.mp4              spoof  the same photo bent back and forth (a perspective that rocks), 4 s
#   masked_print_moved.mp4      spoof  the same photo with a surgical mask drawn over the face's lower half, moved
#                                      gently (a slow sway of a few pixels), 4 s
#   replay_zoom_in.mp4          spoof  a real phone replay held up to the camera (Wingscape_fake: bezel, toolbar,
#                                      hand) for 2 s, then the camera moves in for 1.5 s until the phone's screen
#                                      fills the frame, held there for 2.5 s
#   replay_player_controls.mp4  spoof  a real replay's screen alone (lestari15_fake, cropped to the phone's screen,
#                                      looped to 5.2 s) under a media player's controls: a dark bar over its lower
#                                      sixth with a progress line, a pause sign and two time fields
#   live_zoom_in.mp4            live   the live clip (looped to 6 s), the camera moved in to 1.4x between 2 and 3.5 s
#   live_exposure_step.mp4      live   a phone selfie (tdreal_621ea6c1) whose first 0.5 s are darker (brightness -0.2)
#                                      and then lit at once, as an exposure that settles in one step
set -euo pipefail

data=${1:-../shared/data}
out=${2:-eval/synthetic-compositions}
mkdir -p "$out"
live="$data/videos/lestari15_real.mp4"
replay="$data/videos/tranvanluyt2203_fake.mp4"
other="$data/videos/tdreal_621ea6c1.mov"
held="$data/videos/Wingscape_fake.webm"
screen="$data/videos/lestari15_fake.mp4"
encode=(-an -r 30 -c:v libx264 -preset veryfast -pix_fmt yuv420p)
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }

# The live face fills x 330-690 of the 1080x720 clip; the phone's face is about 0.45 of its width.
ff -stream_loop 1 -i "$live" -i "$replay" -filter_complex \
    "[0:v]setsar=1[bg];[1:v]scale=360:-2,pad=iw+24:ih+40:12:20:black,setsar=1[phone];[bg][phone]overlay=x='if(lt(t,2.5),690,if(lt(t,3.5),690-(t-2.5)*360,330))':y=20[v]" \
    -map "[v]" -t 6 "${encode[@]}" "$out/phone_beside_then_over.mp4"

# The same phone right over the live face while the enable expression holds.
phone_over_live() {
    ff -i "$live" -i "$replay" -filter_complex \
        "[0:v]setsar=1[bg];[1:v]scale=360:-2,pad=iw+24:ih+40:12:20:black,setsar=1[phone];[bg][phone]overlay=x=330:y=20:enable='$1'[v]" \
        -map "[v]" -t 3.7 "${encode[@]}" "$out/$2"
}
phone_over_live 'gte(t,2.9)' phone_over_face_at_end.mp4
phone_over_live 'lte(t,0.8)' phone_over_face_at_start.mp4
phone_over_live 'between(t,1.5,2.3)' phone_flashed_over_face.mp4

ff -i "$live" -vf "scale=640:426,setsar=1,pad=640:640:0:107:black" "${encode[@]}" "$out/letterboxed_live.mp4"

ff -i "$live" -ss 1 -i "$other" -filter_complex \
    "[1:v]trim=end_frame=1,scale=216:-2,setsar=1,loop=-1:size=1[poster];[0:v]setsar=1[bg];[bg][poster]overlay=x=840:y=40:shortest=1[v]" \
    -map "[v]" "${encode[@]}" "$out/poster_behind_live.mp4"

ff -i "$live" -ss 1 -i "$other" -filter_complex \
    "[1:v]trim=end_frame=1,scale=380:-2,setsar=1,loop=-1:size=1[photo];[0:v]setsar=1,drawbox=x=300:y=0:w=420:h=720:color=0x808080:t=fill:enable='between(t,1.6,2.3)'[bg];[bg][photo]overlay=x=760:y=40:shortest=1[v]" \
    -map "[v]" "${encode[@]}" "$out/face_beside_live_hidden.mp4"

ff -i "$live" -i "$live" -filter_complex \
    "[0:v]trim=end=1.8,setpts=PTS-STARTPTS,scale=1404:936,crop=1080:720:0:108,setsar=1[before];[1:v]trim=start=1.8,setpts=PTS-STARTPTS,scale=1404:936,crop=1080:720:324:108,setsar=1[after];[before][after]concat=n=2:v=1[v]" \
    -map "[v]" "${encode[@]}" "$out/live_jolt.mp4"

ff -ss 1 -i "$other" -frames:v 1 -vf "scale=640:480,setsar=1" "$out/photo.png"
ff -loop 1 -i "$out/photo.png" -t 4 "${encode[@]}" "$out/print_still.mp4"
ff -loop 1 -i "$out/photo.png" -vf \
    "perspective=x0='40*sin(in/14)':y0='25*(1-cos(in/14))':x1='W-40*sin(in/14)':y1='-25*(1-cos(in/14))':x2='30*sin(in/14)':y2='H':x3='W-30*sin(in/14)':y3='H':eval=frame,scale=640:480" \
    -t 4 "${encode[@]}" "$out/print_bent.mp4"
# The photo's face spans about x 150-450, y 110-360; the mask runs from below the eyes to under the chin.
mask="drawbox=x=195:y=250:w=252:h=114:color=0x9CC3E0:t=fill"
for y in 280 308 336; do mask+=",drawbox=x=195:y=$y:w=252:h=3:color=0x7AA6C8:t=fill"; done
mask+=",drawbox=x=158:y=256:w=38:h=3:color=white:t=fill,drawbox=x=446:y=256:w=40:h=3:color=white:t=fill,drawbox=x=162:y=352:w=34:h=3:color=white:t=fill"
ff -loop 1 -i "$out/photo.png" -vf "$mask,scale=704:528,crop=640:480:x='32+24*sin(t*1.5)':y='24+16*sin(t*1.1)'" \
    -t 4 "${encode[@]}" "$out/masked_print_moved.mp4"
# The paper is the photo padded with white to twice its width, scaled so that its face is as wide as the user's,
# held at x (-395: beside the user's face; 8: right over it) while the enable expression holds.
print_over_live() {
    ff -i "$live" -loop 1 -i "$out/photo.png" -filter_complex \
        "[0:v]trim=end=3.7,setpts=PTS-STARTPTS,scale=1404:936,crop=1080:720:0:108,setsar=1[bg];[1:v]pad=1280:480:0:0:white,scale=2688:1008,setsar=1[paper];[bg][paper]overlay=x='$1+6*sin(t*1.5)':y='-88+4*sin(t*1.1)':enable='$2':shortest=1[v]" \
        -map "[v]" -t 3.7 "${encode[@]}" "$out/$3"
}
print_over_live -395 'gte(t,1.8)' print_swapped_in.mp4
print_over_live 8 'gte(t,1.8)' print_over_face.mp4
print_over_live 8 'between(t,1.2,2.9)' print_over_face_lowered.mp4
print_over_live 8 'between(t,1.6,2.4)' print_flashed_over_face.mp4
print_over_live 8 'gte(t,2.9)' print_over_face_at_end.mp4
print_over_live 8 'lte(t,0.8)' print_over_face_at_start.mp4
rm "$out/photo.png"

# The phone fills x 180-370 of the 640x360 replay, its screen x 190-360; seen through a 270x360 window, then zoomed
# 1.5x towards the screen's top left, where it fills the frame.
ff -i "$held" -vf \
    "crop=270:360:140:0,scale=360:480,setsar=1,zoompan=z='if(lt(it,2),1,if(lt(it,3.5),1+0.5*(it-2)/1.5,1.5))':x='90*(zoom-1)':y='120*(zoom-1)':d=1:s=360x480:fps=30" \
    -t 6 "${encode[@]}" "$out/replay_zoom_in.mp4"

# The phone's screen spans x 345-665, y 75-635 of the 1080x720 replay.
controls="drawbox=x=0:y=ih*0.84:w=iw:h=ih*0.16:color=black@0.6:t=fill"
controls+=",drawbox=x=18:y=ih*0.87:w=(iw-36)*t/5.2:h=5:color=red:t=fill,drawbox=x=18:y=ih*0.87:w=iw-36:h=5:color=white@0.4:t=fill"
controls+=",drawbox=x=iw/2-14:y=ih*0.91:w=9:h=30:color=white:t=fill,drawbox=x=iw/2+5:y=ih*0.91:w=9:h=30:color=white:t=fill"
controls+=",drawbox=x=18:y=ih*0.92:w=50:h=10:color=white@0.8:t=fill,drawbox=x=iw-68:y=ih*0.92:w=50:h=10:color=white@0.8:t=fill"
ff -stream_loop 1 -i "$screen" -vf "crop=320:560:345:75,scale=360:630,setsar=1,$controls" -t 5.2 "${encode[@]}" "$out/replay_player_controls.mp4"

ff -stream_loop 1 -i "$live" -vf \
    "scale=720:480,setsar=1,zoompan=z='if(lt(it,2),1,if(lt(it,3.5),1+0.4*(it-2)/1.5,1.4))':x='(iw-iw/zoom)/2':y='(ih-ih/zoom)*0.35':d=1:s=720x480:fps=30" \
    -t 6 "${encode[@]}" "$out/live_zoom_in.mp4"

ff -i "$other" -vf "eq=brightness='if(lt(t,0.5),-0.2,0)':eval=frame" "${encode[@]}" "$out/live_exposure_step.mp4"

cat > "$out/manifest.csv" <<'CSV'
file,label,attack_type
phone_beside_then_over.mp4,spoof,replay (synthetic phone beside then over a live face)
phone_over_face_at_end.mp4,spoof,replay (synthetic phone held over a live face for the last second)
phone_over_face_at_start.mp4,spoof,replay (synthetic phone over a live face for the first second, then taken away)
phone_flashed_over_face.mp4,spoof,replay (synthetic phone held over a live face for under a second)
letterboxed_live.mp4,live,none
poster_behind_live.mp4,live,none
face_beside_live_hidden.mp4,live,none
live_jolt.mp4,live,none
print_still.mp4,spoof,print (synthetic still photo held still)
print_bent.mp4,spoof,print (synthetic still photo bent)
masked_print_moved.mp4,spoof,print (synthetic photo of a masked face moved gently)
print_swapped_in.mp4,spoof,print (synthetic photo brought up over a live face)
print_over_face.mp4,spoof,print (synthetic photo brought up right over a live face)
print_over_face_lowered.mp4,spoof,print (synthetic photo held over a live face, then lowered)
print_flashed_over_face.mp4,spoof,print (synthetic photo held over a live face for under a second)
print_over_face_at_end.mp4,spoof,print (synthetic photo brought up over a live face for the last second)
print_over_face_at_start.mp4,spoof,print (synthetic photo over a live face for the first second, then taken away)
replay_zoom_in.mp4,spoof,replay (synthetic phone held up then filmed until its screen fills the frame)
replay_player_controls.mp4,spoof,replay (synthetic full-screen replay under a player's controls)
live_zoom_in.mp4,live,none
live_exposure_step.mp4,live,none
CSV
