package io.capdex.export;

import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import io.capdex.caption.sbv.SbvWriter;
import io.capdex.caption.srt.SrtWriter;
import io.capdex.caption.ttml.TtmlWriter;
import io.capdex.caption.vtt.VttWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a track in an export format with the AI-accuracy warning on it: warning cues in caption files (plus a
 * {@code NOTE} block in WebVTT and {@code ttm:desc} metadata in TTML; merged above the captions in SBV), a header
 * in transcripts (TXT, HTML, DOCX, JSON). Tracks that already carry the warning are not stamped twice. Writes
 * no files: text formats return bytes or go to the caller's stream; video formats go through the
 * {@link MediaExport} the caller wires. Immutable and thread-safe.
 */
public final class Exporter {
    private final WarningTexts texts;
    private final Stamp stamp;
    private final ExportOptions options;
    private final @Nullable MediaExport media;
    private final Verifier verifier;

    /** An exporter for the text formats only. */
    public Exporter(WarningTexts texts, ExportOptions options) {
        this(texts, options, null);
    }

    /** An exporter for every format, video ones through {@code media}. */
    public Exporter(WarningTexts texts, ExportOptions options, @Nullable MediaExport media) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.stamp = new Stamp(texts);
        this.options = Objects.requireNonNull(options, "options");
        this.media = media;
        this.verifier = new Verifier(texts);
    }

    public WarningTexts texts() {
        return texts;
    }

    /** The stamping this exporter uses, for callers that stamp tracks themselves (the web player's WebVTT). */
    public Stamp stamp() {
        return stamp;
    }

    /** The track in a text format, without a title. */
    public Exported export(Track track, ExportFormat format) {
        return export(track, format, null);
    }

    /**
     * The track in a text format (every format whose kind is not {@link ExportFormat.Kind#VIDEO}). Before it is
     * returned, the content is verified the way {@link Verifier} verifies files: an export without the warning is
     * never handed out.
     *
     * @param title the interview's title for transcript headers (HTML {@code <title>}, DOCX title), or null
     * @throws IllegalArgumentException for a video format (use {@link #exportMedia})
     * @throws IllegalStateException if the written content does not carry the warning (a bug in capdex)
     */
    public Exported export(Track track, ExportFormat format, @Nullable String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, track.cues().size() * 96));
        WarningText w;
        try {
            w = render(track, format, title, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        byte[] content = out.toByteArray();
        VerifyResult check = verifier.verifyExport(format, content);
        if (!check.stamped()) {
            throw new IllegalStateException("the " + format.id() + " export of a " + track.language() + " track does "
                    + "not carry the warning (" + check.detail() + "); nothing was written");
        }
        return new Exported(format, content, w);
    }

    /**
     * Writes the track in a text format to {@code out} (not closed) and returns the warning written. The content
     * is built and verified in memory first, so nothing reaches {@code out} without the warning.
     *
     * @throws IOException when {@code out} fails
     * @throws IllegalArgumentException for a video format
     */
    public WarningText write(Track track, ExportFormat format, @Nullable String title, OutputStream out)
            throws IOException {
        Exported e = export(track, format, title);
        out.write(e.content());
        return e.warning();
    }

    private WarningText render(Track track, ExportFormat format, @Nullable String title, OutputStream out)
            throws IOException {
        // a track stamped before (re-exported from an export) keeps its text, so NOTE and metadata agree with it
        // (flagged as a fallback when it is not the track's own language's text)
        WarningText own = texts.textFor(track.language());
        WarningText warning = stamp.existing(track).map(w -> w.language().equals(own.language()) && !own.fellBack()
                ? w : new WarningText(w.language(), w.text(), true)).orElse(own);
        WarningText label = texts.labelFor(warning.language()); // the label in the language of the text beside it
        WriteOptions wo = WriteOptions.defaults().withCrlf(options.crlf());
        String nl = wo.newline();
        String text = switch (format) {
            case SRT -> new SrtWriter().write(stamp.stamped(track, warning,
                    options.style().withMerged(false).withTop(options.srtAn8())), wo);
            case VTT -> new VttWriter().write(stamp.stamped(track, warning,
                    options.style().withMerged(false).withTop(true)), List.of(label.text() + ": " + warning.text()), wo);
            case SBV -> new SbvWriter().write(stamp.stamped(track, warning,
                    options.style().withMerged(true).withTop(false)), wo);
            case TTML -> new TtmlWriter().withDescription(warning.text()).write(stamp.stamped(track, warning,
                    options.style().withMerged(false).withTop(true)), wo);
            case TXT -> TextTranscript.write(stamp.unstamped(track), warning, label, title, nl);
            case HTML -> HtmlTranscript.write(stamp.unstamped(track), warning, label, title, nl);
            case JSON -> JsonExport.write(stamp.unstamped(track), warning, label, texts.organisation(), title, nl);
            case DOCX -> {
                DocxTranscript.write(stamp.unstamped(track), warning, label, title, out);
                yield null;
            }
            case MP4, MKV, MP4_BURNED -> throw new IllegalArgumentException(format.id()
                    + " is a video format: use exportMedia");
        };
        if (text != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return warning;
    }

    /**
     * The request a {@link MediaExport} gets for these tracks: each stamped in its language (merged above the
     * captions for MP4, whose mov_text plays one sample at a time; separate top cues for MKV and burn-in), titled
     * {@code LANG — label}, and a container comment with the English warning and each track's language.
     */
    public MediaExportRequest mediaRequest(Path video, List<Track> tracks, ExportFormat format, Path target) {
        StampStyle style = format == ExportFormat.MP4 ? options.style().withMerged(true).withTop(false)
                : options.style().withMerged(false).withTop(true);
        List<SubtitleTrack> stamped = new ArrayList<>(tracks.size());
        Map<String, Boolean> languages = new LinkedHashMap<>();
        for (Track t : tracks) {
            WarningText w = texts.textFor(t.language());
            String title = displayLanguage(t.language()) + " — " + texts.labelFor(t.language()).text();
            stamped.add(new SubtitleTrack(stamp.stamped(t, w, style), title, w));
            languages.put(t.language(), w.fellBack());
        }
        String comment = texts.textFor("en").text() + " Subtitle tracks (AI-generated): "
                + String.join(", ", languages.keySet()) + ".";
        return new MediaExportRequest(video, format, stamped, comment, target);
    }

    /**
     * Writes a video output through the wired {@link MediaExport} and returns the warnings stamped, one per track.
     *
     * @throws IllegalStateException when no MediaExport was wired
     * @throws IOException from the media export
     */
    public List<WarningText> exportMedia(Path video, List<Track> tracks, ExportFormat format, Path target)
            throws IOException {
        if (media == null) {
            throw new IllegalStateException(format.id() + " export needs a MediaExport; none was wired");
        }
        MediaExportRequest request = mediaRequest(video, tracks, format, target);
        media.write(request);
        return request.tracks().stream().map(SubtitleTrack::warning).toList();
    }

    /** {@code English}, {@code Spanish (Brazil)}: the language's English name, or the tag when Java knows none. */
    private static String displayLanguage(String tag) {
        Locale l = Locale.forLanguageTag(tag);
        String name = l.getDisplayName(Locale.ENGLISH);
        return name.isBlank() ? tag : name;
    }
}
