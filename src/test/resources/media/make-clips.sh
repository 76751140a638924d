#!/bin/sh
# Makes the tiny committed clips with Debian's ffmpeg (test authoring only; capdex never runs ffmpeg).
# Each has a 1 kHz beep whose presentation time the tests know.
set -e
cd "$(dirname "$0")"
BEEP='if(between(t\,1\,1.3)\,0.4*sin(2*PI*1000*t)\,0)'

# Audio starts 0.5 s after the video (an MP4 edit list with an empty edit): beep at 1.5 s, sample 0 = t 0.
ffmpeg -v error -y -f lavfi -i "testsrc2=size=160x90:rate=10" -itsoffset 0.5 -f lavfi -i "aevalsrc=$BEEP:s=44100:d=2" \
  -t 3 -c:v libx264 -preset ultrafast -b:v 50k -c:a aac -b:a 48k -map 0:v -map 1:a -movflags +faststart \
  delayed-audio.mp4

# MPEG-TS clocks start at 1.4 s by default: beep at 1.0 s of the presentation.
ffmpeg -v error -y -f lavfi -i "testsrc2=size=160x90:rate=10" -f lavfi -i "aevalsrc=$BEEP:s=48000:d=2" \
  -t 2 -c:v libx264 -preset ultrafast -b:v 50k -c:a aac -b:a 48k -f mpegts broadcast.ts

# Two audio tracks, English (beep at 1.0 s, default) and Spanish (beep at 1.5 s), no video.
ffmpeg -v error -y -f lavfi -i "aevalsrc=$BEEP:s=48000:d=2" \
  -f lavfi -i "aevalsrc=if(between(t\,1.5\,1.8)\,0.4*sin(2*PI*1000*t)\,0):s=48000:d=2" \
  -map 0 -map 1 -c:a libopus -b:a 24k -metadata:s:a:0 language=eng -metadata:s:a:1 language=spa \
  -disposition:a:0 default -disposition:a:1 0 two-languages.mkv
