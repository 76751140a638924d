package io.capdex.web;

import io.capdex.batch.IngestPipeline;
import io.capdex.batch.InterviewIds;
import io.capdex.batch.InterviewRecord;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.StoredTrack;
import io.capdex.batch.TrackStore;
import io.capdex.caption.Cue;
import io.capdex.media.MediaException;
import io.capdex.media.MediaInfo;
import io.capdex.media.MediaProbe;
import io.capdex.search.QueryException;
import io.capdex.search.SearchPage;
import io.capdex.search.SearchRequest;
import io.capdex.search.SearchResult;
import io.capdex.search.TranscriptSearch;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder as the server sees it, read only: stored interview facts and tracks (cached briefly, so an
 * ingest running beside the server shows up within a second), the search index (opened when it appears, and
 * refreshed by {@link TranscriptSearch} itself), and media facts. Thread-safe.
 */
final class Archive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Archive.class);
    /**
     * How long a stored interview's facts are trusted before {@code interview.json} is looked at again (its
     * attributes; it is read and parsed again only when they changed).
     */
    private static final long RECORD_TTL_NANOS = 1_000_000_000L;
    /** How often a missing index is looked for again. */
    private static final long INDEX_RETRY_NANOS = 1_000_000_000L;
    private static final int TRACK_CACHE_SIZE = 16;

    private final Path dataFolder;
    private final TrackStore store;
    private final Map<String, CachedRecord> records = new ConcurrentHashMap<>();
    private final Map<String, StoredInterview> interviews = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredInterview> eldest) {
            return size() > TRACK_CACHE_SIZE;
        }
    };
    private final Map<String, Long> durations = new ConcurrentHashMap<>();
    private final Map<String, MediaInfo> probes = new ConcurrentHashMap<>();
    private final Object searchLock = new Object();
    /**
     * Searches run at most one per core, first come first served. A search is pure CPU, so more at once only
     * shares the cores among them: every request then takes as long as the whole queue (processor sharing),
     * while a queue in front of the cores keeps a long query from being stretched by the ones beside it.
     * Measured with 8 clients on 2 cores: the p99 of {@code bench serve} falls while throughput stays.
     */
    private final Semaphore searchSlots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private volatile @Nullable TranscriptSearch search;
    private volatile long lastIndexLookNanos;

    /** A cached record with the attributes its file had just before it was read. */
    private record CachedRecord(Optional<InterviewRecord> value, @Nullable FileStamp stamp, long atNanos) {}

    /** What tells an {@code interview.json} replaced by an ingest (a new file by rename) or rewritten in place. */
    private record FileStamp(@Nullable Object fileKey, long modifiedMs, long size) {
        static @Nullable FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
            } catch (IOException e) {
                return null; // missing (or being replaced): never equal, so the record is read again
            }
        }
    }

    Archive(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.store = TrackStore.openReadOnly(dataFolder);
    }

    Path dataFolder() {
        return dataFolder;
    }

    /** {@code DATA/cache}: the only place the server writes. */
    Path cacheFolder() {
        return dataFolder.resolve("cache");
    }

    /** The stored facts of an interview; empty for an unknown or malformed ID. */
    Optional<InterviewRecord> record(String id) {
        if (InterviewIds.problem(id).isPresent()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        CachedRecord cached = records.get(id);
        if (cached != null && now - cached.atNanos() < RECORD_TTL_NANOS) {
            return cached.value();
        }
        // a stat instead of reading and parsing the JSON again: a busy search page shows hundreds of interviews a
        // second, and re-reading each once a second was a good part of a request's CPU
        FileStamp stamp = FileStamp.of(store.recordFile(id));
        if (cached != null && stamp != null && stamp.equals(cached.stamp())) {
            records.put(id, new CachedRecord(cached.value(), stamp, now));
            return cached.value();
        }
        Optional<InterviewRecord> read = readRecord(id);
        if (records.size() > 100_000) {
            records.clear(); // a scan of made-up IDs must not grow the map without bound
        }
        records.put(id, new CachedRecord(read, stamp, now));
        return read;
    }

    private Optional<InterviewRecord> readRecord(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return store.record(id);
            } catch (IOException | RuntimeException e) {
                // an ingest replaces the folder by two renames: a read between them fails once, then succeeds
                if (attempt < 2) {
                    pause();
                    continue;
                }
                LOG.warn("{}: cannot read the stored interview ({})", id, e.getMessage());
                return Optional.empty();
            }
        }
    }

    /** The record, or a 404. */
    InterviewRecord require(String id) {
        return record(id).orElseThrow(() -> WebError.notFound("no interview '" + id + "' in this archive"));
    }

    /** The stored interview with its tracks (cached while its {@code ingestedAt} stays the same), or a 404. */
    StoredInterview interview(String id) {
        InterviewRecord record = require(id);
        synchronized (interviews) {
            StoredInterview cached = interviews.get(id);
            if (cached != null && cached.record().ingestedAt().equals(record.ingestedAt())) {
                return cached;
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                Optional<StoredInterview> read = store.get(id);
                if (read.isEmpty()) {
                    throw WebError.notFound("no interview '" + id + "' in this archive");
                }
                synchronized (interviews) {
                    interviews.put(id, read.get());
                }
                return read.get();
            } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                if (attempt >= 2) {
                    throw WebError.notFound("interview '" + id + "' is being replaced by an ingest; try again");
                }
                pause();
            } catch (IOException e) {
                throw new WebError(500, "cannot read the stored interview '" + id + "': " + e.getMessage());
            }
        }
    }

    /** Every stored interview ID, sorted. */
    List<String> ids() {
        try {
            return store.list();
        } catch (IOException e) {
            LOG.warn("{}: cannot list the stored interviews ({})", store.folder(), e.getMessage());
            return List.of();
        }
    }

    /** The interview's video file, when it has one and it still exists. */
    Optional<Path> video(InterviewRecord record) {
        if (record.video() == null) {
            return Optional.empty();
        }
        Path p = Path.of(record.video());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** FFmpeg's facts of a media file, cached by path, size and modification time. */
    MediaInfo probe(Path file) throws MediaException {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new MediaException(file.getFileName() + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        MediaInfo cached = probes.get(key);
        if (cached != null) {
            return cached;
        }
        MediaInfo info = MediaProbe.probe(file);
        probes.put(key, info);
        return info;
    }

    /**
     * How long the interview lasts: the video's duration, else (caption-only) the end of its last cue; null when
     * neither is known. Cached per ingest of the interview.
     */
    @Nullable Long durationMs(InterviewRecord record) {
        String key = record.id() + "|" + record.ingestedAt();
        Long cached = durations.get(key);
        if (cached != null) {
            return cached < 0 ? null : cached;
        }
        long d = -1;
        Optional<Path> video = video(record);
        if (video.isPresent()) {
            try {
                Long ms = probe(video.get()).durationMs();
                d = ms == null ? -1 : ms;
            } catch (MediaException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
        if (d < 0) {
            try {
                for (StoredTrack t : interview(record.id()).tracks()) {
                    List<Cue> cues = t.track().cues();
                    for (Cue c : cues) {
                        d = Math.max(d, c.endMs());
                    }
                }
            } catch (WebError e) {
                d = -1;
            }
        }
        durations.put(key, d);
        return d < 0 ? null : d;
    }

    /**
     * Runs a search; an archive without an index yet answers with no results. The index is opened when it first
     * appears (an ingest may create it while the server runs).
     */
    SearchResult search(SearchRequest request) throws IOException, QueryException {
        TranscriptSearch s = searcher();
        if (s == null) {
            Map<String, Map<String, Integer>> none = new LinkedHashMap<>();
            for (String facet : List.of("lang", "source", "speaker", "collection", "year")) {
                none.put(facet, Map.of());
            }
            return new SearchResult(request.query(), 0, request.offset(), List.of(), none, request.soundsLike());
        }
        acquireSlot();
        try {
            return s.search(request);
        } finally {
            searchSlots.release();
        }
    }

    /**
     * A search with the timeline strip (at most {@code timelineMax} matching cue starts) of each interview on the
     * page, in one pass; an archive without an index yet answers with no results.
     */
    SearchPage page(SearchRequest request, int timelineMax) throws IOException, QueryException {
        TranscriptSearch s = searcher();
        if (s == null) {
            return new SearchPage(search(request), Map.of());
        }
        acquireSlot();
        try {
            return s.page(request, timelineMax);
        } finally {
            searchSlots.release();
        }
    }

    private void acquireSlot() throws IOException {
        try {
            searchSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("search interrupted while waiting for a core");
        }
    }

    private @Nullable TranscriptSearch searcher() throws IOException {
        TranscriptSearch s = search;
        if (s != null) {
            return s;
        }
        synchronized (searchLock) {
            if (search != null) {
                return search;
            }
            long now = System.nanoTime();
            if (lastIndexLookNanos != 0 && now - lastIndexLookNanos < INDEX_RETRY_NANOS) {
                return null;
            }
            lastIndexLookNanos = now;
            Path index = IngestPipeline.indexFolder(dataFolder);
            if (!Files.isDirectory(index)) {
                return null;
            }
            Path synonyms = dataFolder.resolve("synonyms.txt");
            try {
                search = TranscriptSearch.open(index, Files.isRegularFile(synonyms) ? synonyms : null);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("no index in")) {
                    return null; // the folder exists but the first commit has not happened yet
                }
                throw e;
            }
            return search;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        TranscriptSearch s = search;
        if (s != null) {
            s.close();
        }
    }
}
