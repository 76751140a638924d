/**
 * Media files through FFmpeg (JavaCV/JavaCPP), the only user of those libraries: {@link
 * io.capdex.media.MediaProbe} reads container and stream facts into {@link io.capdex.media.MediaInfo}, {@link
 * io.capdex.media.AudioDecoder} streams 16 kHz mono PCM to a {@link io.capdex.media.PcmConsumer} (sample 0 is
 * t=0 of the presentation), {@link io.capdex.media.Thumbnails} makes JPEG stills, {@link
 * io.capdex.media.SubtitleMuxer} adds soft subtitle tracks to MP4/MKV by stream copy, {@link
 * io.capdex.media.SubtitleReader} decodes them back into cues, {@link io.capdex.media.BrowserVideo} says what web
 * browsers play and makes an MP4 they play from what they do not, and {@link io.capdex.media.BurnIn} draws one track
 * into the picture (bundled font: {@code fonts/DejaVuSans.ttf}, Bitstream Vera licence beside it). Start reading
 * at {@link io.capdex.media.FfmpegNatives} (loading, FFmpeg's log into SLF4J) and {@code MediaTime} (the one place JavaCV/FFmpeg microseconds become milliseconds).
 *
 * <p>Must not import {@code batch}, {@code cli} or {@code web}, and no JavaCV type leaves this package. Failures
 * surface as {@link io.capdex.media.MediaException} with a readable message ({@code FILE: not a media file
 * (…)}), never a bare FFmpeg code.
 */
@NullMarked
package io.capdex.media;

import org.jspecify.annotations.NullMarked;
