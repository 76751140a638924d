package io.capdex.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Track;
import io.capdex.caption.json.JsonReader;
import io.capdex.caption.json.JsonView;
import io.capdex.caption.json.JsonWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The stored interviews under {@code DATA/tracks/} (DESIGN.md §1: the source of truth the index is rebuilt from).
 * Each interview is a folder: {@code interview.json} with its facts, one {@code LANG.SOURCE.json} per processed
 * track (capdex's JSON view), and {@code transcript[.LANG].txt} per transcript.
 *
 * <p>Writes are atomic per interview: the new folder is written beside the old one as {@code .tmp-ID-…}, synced
 * to disk, and renamed into place; the old folder is first renamed aside as {@code .old-ID-…}. A crash leaves the
 * old folder, the new one, or (between the two renames) only the renamed-aside old one, which {@link #open} puts
 * back. {@link #open} also deletes leftover temporary folders. Thread-safe; one process at a time (the index's
 * writer lock keeps a second ingest out).
 */
public final class TrackStore {
    /** The layout version written into every {@code interview.json}; a newer one is refused on reading. */
    public static final int SCHEMA_VERSION = 1;

    static final String INTERVIEW_FILE = "interview.json";
    private static final String TMP_PREFIX = ".tmp-";
    private static final String OLD_PREFIX = ".old-";
    private static final Pattern SAFE_LANG = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // the stored shape only grows: an older capdex reads a newer file's known fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonWriter TRACK_WRITER = new JsonWriter();
    private static final JsonReader TRACK_READER = new JsonReader();

    private final Path folder;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private TrackStore(Path folder) {
        this.folder = folder;
    }

    /**
     * Opens (creating it if needed) the store in {@code DATA/tracks/}, finishing what a crash left: a renamed-aside
     * old folder whose interview has no folder is put back; other leftovers are deleted.
     */
    public static TrackStore open(Path dataFolder) throws IOException {
        Path tracks = dataFolder.resolve("tracks");
        Files.createDirectories(tracks);
        TrackStore store = new TrackStore(tracks);
        store.recover();
        return store;
    }

    /**
     * Opens the store in {@code DATA/tracks/} for reading only: creates nothing and leaves leftovers alone (an
     * ingest running beside the reader owns them). For readers such as {@code serve}; {@link #put} and
     * {@link #remove} must not be called on it. A missing folder reads as an empty store.
     */
    public static TrackStore openReadOnly(Path dataFolder) {
        return new TrackStore(dataFolder.resolve("tracks"));
    }

    /** The folder holding the interviews ({@code DATA/tracks}). */
    public Path folder() {
        return folder;
    }

    private void recover() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(leftovers::add);
        }
        leftovers.sort(null);
        for (Path entry : leftovers) {
            String name = entry.getFileName().toString();
            if (name.startsWith(TMP_PREFIX)) {
                deleteTree(entry); // a write that never reached its rename
            } else if (name.startsWith(OLD_PREFIX)) {
                String interview = ownerOf(name.substring(OLD_PREFIX.length()));
                Path current = folder.resolve(interview);
                if (!interview.isEmpty() && !Files.exists(current)) {
                    Files.move(entry, current, StandardCopyOption.ATOMIC_MOVE); // crashed between the two renames
                } else {
                    deleteTree(entry);
                }
            }
        }
    }

    /** The interview folder name in {@code NAME-UUID}; empty when the name is not one this class made. */
    private static String ownerOf(String nameAndUuid) {
        int dash = nameAndUuid.length() - 37; // "-" + a 36-character UUID
        return dash > 0 && nameAndUuid.charAt(dash) == '-' ? nameAndUuid.substring(0, dash) : "";
    }

    /** Stores an interview, replacing any stored one with the same ID atomically. */
    public void put(StoredInterview interview) throws IOException {
        String id = InterviewIds.check(interview.id());
        for (StoredTrack t : interview.tracks()) {
            checkLang(t.facts().lang(), id);
        }
        interview.transcripts().keySet().forEach(lang -> {
            if (!lang.isEmpty()) {
                checkLang(lang, id);
            }
        });
        String name = InterviewIds.folderName(id);
        synchronized (lockFor(id)) {
            Path temporary = folder.resolve(TMP_PREFIX + name + "-" + UUID.randomUUID());
            Files.createDirectory(temporary);
            boolean placed = false;
            try {
                for (StoredTrack t : interview.tracks()) {
                    writeSynced(temporary.resolve(t.fileName()), TRACK_WRITER.write(t.track(), t.problems()));
                }
                for (Map.Entry<String, String> e : interview.transcripts().entrySet()) {
                    writeSynced(temporary.resolve(transcriptFile(e.getKey())), e.getValue());
                }
                InterviewRecord record = interview.record();
                writeSynced(temporary.resolve(INTERVIEW_FILE), MAPPER.writeValueAsString(record) + "\n");
                syncFolder(temporary);
                Path target = folder.resolve(name);
                Path aside = null;
                if (Files.exists(target)) {
                    aside = folder.resolve(OLD_PREFIX + name + "-" + UUID.randomUUID());
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                placed = true;
                syncFolder(folder);
                if (aside != null) {
                    deleteTree(aside);
                }
            } finally {
                if (!placed) {
                    deleteTree(temporary);
                }
            }
        }
    }

    /** The stored interview with its tracks and transcripts, or empty when none is stored under {@code id}. */
    public Optional<StoredInterview> get(String id) throws IOException {
        Optional<InterviewRecord> record = record(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Path dir = folder.resolve(InterviewIds.folderName(id));
        List<StoredTrack> tracks = new ArrayList<>();
        for (TrackFacts facts : record.get().tracks()) {
            Path file = dir.resolve(facts.lang() + "." + facts.source() + ".json");
            JsonView view = TRACK_READER.readView(Files.readString(file, StandardCharsets.UTF_8));
            if (view.result().problems().stream().anyMatch(ParseProblem::isError)) {
                throw new IOException(file + ": damaged track file (" + view.result().problems().get(0).message() + ")");
            }
            Track track = view.result().track();
            tracks.add(new StoredTrack(facts, track, view.recorded()));
        }
        Map<String, String> transcripts = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "transcript*.txt")) {
            for (Path entry : entries) {
                String n = entry.getFileName().toString();
                String lang = n.equals("transcript.txt") ? "" : n.substring("transcript.".length(), n.length() - 4);
                transcripts.put(lang, Files.readString(entry, StandardCharsets.UTF_8));
            }
        }
        return Optional.of(new StoredInterview(record.get(), tracks, transcripts));
    }

    /**
     * Only the facts of a stored interview ({@code interview.json}), without reading its tracks: what {@code list}
     * and the incremental skip need.
     *
     * @throws IOException when the file is damaged or written by a newer capdex
     */
    public Optional<InterviewRecord> record(String id) throws IOException {
        InterviewIds.check(id);
        Path file = folder.resolve(InterviewIds.folderName(id)).resolve(INTERVIEW_FILE);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        InterviewRecord record;
        try {
            record = MAPPER.readValue(json, InterviewRecord.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": damaged (" + e.getOriginalMessage() + ")", e);
        }
        if (record.schemaVersion() > SCHEMA_VERSION) {
            throw new IOException(file + ": written by a newer capdex (store schema " + record.schemaVersion()
                    + ", this one reads up to " + SCHEMA_VERSION + ")");
        }
        return Optional.of(record);
    }

    /** The content hashes of a stored interview's inputs, for incremental skip decisions. */
    public Optional<List<InputHash>> hashes(String id) throws IOException {
        return record(id).map(InterviewRecord::inputs);
    }

    /** The IDs of every stored interview, sorted. */
    public List<String> list() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return ids; // a read-only store before the first ingest
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(entry.resolve(INTERVIEW_FILE))) {
                    InterviewIds.fromFolderName(name).ifPresent(ids::add);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Removes a stored interview ({@code --prune}); false when none was stored. Atomic: renamed aside first. */
    public boolean remove(String id) throws IOException {
        String name = InterviewIds.folderName(InterviewIds.check(id));
        synchronized (lockFor(id)) {
            Path target = folder.resolve(name);
            if (!Files.exists(target)) {
                return false;
            }
            // a temporary name is deleted by the next open if this process dies half-way through deleting
            Path aside = folder.resolve(TMP_PREFIX + name + "-" + UUID.randomUUID());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(aside);
            return true;
        }
    }

    private Object lockFor(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    private static void checkLang(String lang, String id) {
        if (!SAFE_LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("language \"" + lang + "\" of " + id + " is not a BCP 47 tag");
        }
    }

    private static String transcriptFile(String lang) {
        return lang.isEmpty() ? "transcript.txt" : "transcript." + lang + ".txt";
    }

    private static void writeSynced(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** Makes a folder's entries durable (the renames); some systems cannot open a folder, which is fine there. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
