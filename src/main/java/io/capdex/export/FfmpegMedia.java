package io.capdex.export;

import io.capdex.media.BurnIn;
import io.capdex.media.ContainerKind;
import io.capdex.media.MediaException;
import io.capdex.media.MuxOptions;
import io.capdex.media.SubtitleFile;
import io.capdex.media.SubtitleMuxer;
import io.capdex.media.SubtitleReader;
import io.capdex.media.SubtitleStreamCues;
import io.capdex.media.SubtitleTrackSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The media package's muxer, burner and subtitle reader behind {@link MediaExport} and {@link MediaVerifier}:
 * soft tracks in MP4 (mov_text) and MKV (SubRip), captions burned into MP4, and the opening cues of every
 * subtitle stream for {@code verify}.
 */
public final class FfmpegMedia implements MediaExport, MediaVerifier {
    /** How far into a file {@code verify} decodes subtitles: the warning opens every track. */
    static final long VERIFY_WINDOW_MS = 120_000;

    @Override
    public void write(MediaExportRequest request) throws IOException {
        try {
            switch (request.format()) {
                case MP4, MKV -> {
                    List<SubtitleTrackSpec> specs = new ArrayList<>();
                    for (int i = 0; i < request.tracks().size(); i++) {
                        SubtitleTrack t = request.tracks().get(i);
                        specs.add(new SubtitleTrackSpec(t.track(), t.title(), i == 0));
                    }
                    MuxOptions options = MuxOptions.defaults()
                            .withContainerTags(Map.of("comment", request.comment(), "description", request.comment()));
                    SubtitleMuxer.mux(request.video(), specs,
                            request.format() == ExportFormat.MP4 ? ContainerKind.MP4 : ContainerKind.MKV,
                            request.target(), options);
                }
                case MP4_BURNED -> BurnIn.burn(request.video(), request.tracks().get(0).track(), request.target(),
                        io.capdex.media.BurnOptions.defaults());
                default -> throw new IllegalArgumentException(request.format().id() + " is not a video format");
            }
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public MediaSubtitles read(Path media) throws IOException {
        try {
            SubtitleFile file = SubtitleReader.readFile(media, VERIFY_WINDOW_MS);
            List<MediaSubtitles.SubtitleStream> streams = new ArrayList<>();
            for (SubtitleStreamCues s : file.streams()) {
                streams.add(new MediaSubtitles.SubtitleStream(s.streamIndex(),
                        s.language() == null ? "und" : s.language(), s.title(), s.cues()));
            }
            return new MediaSubtitles(file.containerTags(), streams);
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
