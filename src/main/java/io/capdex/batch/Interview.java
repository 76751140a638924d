package io.capdex.batch;

import io.capdex.caption.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One interview discovery paired: its video (if any), caption tracks, transcripts and page, ready for the ingest
 * pipeline.
 *
 * @param collection the folder relative to the root with {@code /} separators; files directly in a root get the
 *     root folder's own name ({@code samples}), so no interview has an empty collection
 * @param folder the folder holding the files
 * @param video the video or audio file, or null for a caption-only interview (no sync, no player)
 * @param videoFacts what the probe said of the video; null without a video or when probing failed (a note says why)
 * @param spokenLanguage the BCP 47 tag of the spoken language, or empty when unknown
 * @param spokenLanguageFrom where it came from: {@code capdex.csv}, {@code video} (the audio stream's tag),
 *     {@code captions} (the one language the non-edited captions are in), or empty when unknown
 * @param captions one file per track, the richer one where two files were the same track
 * @param transcripts at most one per language
 * @param manifest the folder's {@code capdex.csv} when the interview came from it (an input: its rows decide
 *     sources and languages)
 * @param ignored files of this interview that were not used, with the reason (for the report)
 * @param notes what pairing decided that a person should know, for the report's messages
 */
public record Interview(String id, String collection, Path folder, @Nullable Path video,
                        @Nullable VideoFacts videoFacts, String spokenLanguage, String spokenLanguageFrom,
                        List<CaptionFile> captions, List<TranscriptFile> transcripts, @Nullable Path page,
                        @Nullable Path manifest, List<IgnoredFile> ignored, List<String> notes) {
    public Interview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(spokenLanguage, "spokenLanguage");
        Objects.requireNonNull(spokenLanguageFrom, "spokenLanguageFrom");
        captions = List.copyOf(captions);
        transcripts = List.copyOf(transcripts);
        ignored = List.copyOf(ignored);
        notes = List.copyOf(notes);
    }

    /** True when there is no video: the captions are stored and indexed as they are. */
    public boolean captionOnly() {
        return video == null;
    }

    /**
     * The source a track in {@code lang} gets (DESIGN.md §4), for a caption whose language was detected after
     * discovery: edited stays edited; the spoken language is {@code asr}, any other {@code mt}; with the spoken
     * language unknown, {@code asr}.
     */
    public Source sourceFor(String lang, boolean edited) {
        if (edited) {
            return Source.EDITED;
        }
        if (spokenLanguage.isEmpty() || LanguageTags.sameLanguage(lang, spokenLanguage)) {
            return Source.ASR;
        }
        return Source.MT;
    }

    /** What pairing has to tell the report: each ignored file as {@code path: reason}, then the notes. */
    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        ignored.forEach(f -> messages.add(f.message()));
        messages.addAll(notes);
        return messages;
    }

    /** The caption file of the spoken language's {@code asr} track, if discovery could tell. */
    public Optional<CaptionFile> asrTrack() {
        return captions.stream().filter(c -> c.source() == Source.ASR).findFirst();
    }

    /**
     * Every input file, in a stable order: the video, the captions, the transcripts, the page and the manifest.
     * These are what the content hashes of {@link IngestPlan} cover.
     */
    public List<InputFile> inputs() {
        List<InputFile> inputs = new ArrayList<>();
        if (video != null) {
            inputs.add(new InputFile(video, FileRole.VIDEO));
        }
        captions.forEach(c -> inputs.add(new InputFile(c.path(), FileRole.CAPTIONS)));
        transcripts.forEach(t -> inputs.add(new InputFile(t.path(), FileRole.TRANSCRIPT)));
        if (page != null) {
            inputs.add(new InputFile(page, FileRole.PAGE));
        }
        if (manifest != null) {
            inputs.add(new InputFile(manifest, null));
        }
        return inputs;
    }

    /** One input file and its role; the role is null for {@code capdex.csv}. */
    public record InputFile(Path path, @Nullable FileRole role) {
        public InputFile {
            Objects.requireNonNull(path, "path");
        }

        /** The role as stored and shown: {@code video}, {@code captions}, … or {@code manifest}. */
        public String roleId() {
            return role == null ? "manifest" : role.id();
        }
    }
}
