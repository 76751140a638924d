package io.capdex.media;

import io.capdex.caption.srt.SrtReader;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a whole-process measurement entry point for the figures in the report, timed from outside with
 * {@code /usr/bin/time} next to the ffmpeg command line (see the media package notes).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.capdex.media.ExportMeasure soft|mkv|burn IN.mp4 IN.srt OUT
 * </pre>
 */
final class ExportMeasure {
    private ExportMeasure() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path video = Path.of(args[1]);
        ParseResult parsed = new SrtReader().read(Files.readString(Path.of(args[2])));
        Track track = parsed.track().withLanguage("en");
        Path out = Path.of(args[3]);
        long start = System.nanoTime();
        String what;
        switch (mode) {
            case "soft", "mkv" -> {
                MuxResult r = SubtitleMuxer.mux(video, List.of(new SubtitleTrackSpec(track, "English (AI-generated)", true)),
                        mode.equals("soft") ? ContainerKind.MP4 : ContainerKind.MKV, out,
                        MuxOptions.defaults().withContainerTags(Map.of("comment", "AI subtitles; en")));
                what = r.toString();
            }
            case "burn" -> {
                long limitMs = args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE;
                BurnResult r = BurnIn.burn(video, track.withCues(track.cues().stream()
                        .filter(c -> c.startMs() < limitMs).toList()), out, BurnOptions.defaults());
                what = r.toString();
            }
            default -> throw new IllegalArgumentException(mode);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        MediaInfo info = MediaProbe.probe(out);
        System.out.printf("%s: %d ms in-process, output %d ms long (%.1fx realtime) %s%n", mode, ms,
                info.durationMs(), info.durationMs() / (double) ms, what);
    }
}
