package io.capdex.batch;


import io.capdex.align.AlignOptions;
import io.capdex.align.AlignResult;
import io.capdex.align.Aligner;
import io.capdex.align.TrackMapping;
import io.capdex.align.TranscriptText;
import io.capdex.caption.Cue;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.QcProfile;
import io.capdex.caption.Qc;
import io.capdex.caption.Repair;
import io.capdex.caption.RepairOptions;
import io.capdex.caption.RepairResult;
import io.capdex.caption.Severity;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.detect.DocumentException;
import io.capdex.detect.InterviewPage;
import io.capdex.detect.LanguageDetector;
import io.capdex.detect.LanguageGuess;
import io.capdex.detect.PageMetadata;
import io.capdex.detect.TranscriptSource;
import io.capdex.media.AudioDecoder;
import io.capdex.media.MediaException;
import io.capdex.media.MediaInfo;
import io.capdex.media.MediaProbe;
import io.capdex.search.TrackDocument;
import io.capdex.search.TranscriptIndex;
import io.capdex.sync.SpeechActivity;
import io.capdex.sync.SyncOptions;
import io.capdex.sync.SyncResult;
import io.capdex.sync.Synchronizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The batch ingest (DESIGN.md §1): per interview of an {@link IngestPlan}, probe → read captions → detect language →
 * repair → sync → page and transcript → align → store ({@link TrackStore}) → index ({@link TranscriptIndex}) →
 * report entry, interviews in parallel on a fixed pool. One failing interview never stops the batch.
 *
 * <p>Layout under the data folder: {@code tracks/} (the store, the source of truth), {@code index/} (derived,
 * rebuilt from the store when its schema changes) and {@code reports/}. The index is committed every
 * {@link Options#commitEvery} interviews (and {@link Options#commitIntervalMs}) and at the end. A killed run loses
 * no stored interview: the next run re-indexes, from the store, the unchanged interviews the index lacks (stored
 * after the last commit), and drops index tracks the store no longer has.
 */
public final class IngestPipeline {

    /**
     * How an ingest runs.
     *
     * @param commitEvery commit the index after at least this many finished interviews…
     * @param commitIntervalMs …and at least this long after the last commit (0: by count alone); each commit
     *     flushes the writer's buffer into a new segment, so committing often makes small segments and merges
     */
    public record Options(int jobs, boolean sync, boolean prune, RepairOptions repair, QcProfile profile,
                          double fps, ReadOptions read, int commitEvery, long commitIntervalMs) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
            }
            if (commitEvery < 1) {
                throw new IllegalArgumentException("commitEvery must be at least 1: " + commitEvery);
            }
            if (commitIntervalMs < 0) {
                throw new IllegalArgumentException("commitIntervalMs must not be negative: " + commitIntervalMs);
            }
            Objects.requireNonNull(repair, "repair");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(read, "read");
        }

        /** Commits by count alone. */
        public Options(int jobs, boolean sync, boolean prune, RepairOptions repair, QcProfile profile, double fps,
                       ReadOptions read, int commitEvery) {
            this(jobs, sync, prune, repair, profile, fps, read, commitEvery, 0);
        }

        /** The settings that change what is stored, compared by {@link IngestPlan}. */
        public String recipe() {
            return "sync=" + (sync ? "on" : "off");
        }
    }

    /**
     * Hears how a run goes: {@link #starting} once, {@link #began} from the worker threads as each interview starts,
     * {@link #finished} from the run's own thread as each one ends ({@code done} of {@code total}).
     */
    public interface Progress {
        void finished(int done, int total, ReportInterview entry);

        /** The run starts: {@code total} entries will be reported, the first {@code unchanged} of them at once. */
        default void starting(int total, int unchanged) {
        }

        /** A worker thread starts on an interview. */
        default void began(String id) {
        }

        /** Every interview is done; the index is being brought up to date and committed. */
        default void finishing() {
        }

        Progress NONE = (done, total, entry) -> { };
    }

    /** How long interviews under way may take to finish once a stop is requested (Docker waits 10 s). */
    public static final long STOP_GRACE_MS = 5_000;
    private static final long POLL_MS = 100;

    /** The store folder's name under the data folder. */
    public static final String INDEX_FOLDER = "index";

    private IngestPipeline() {
    }

    /** The index folder of a data folder. */
    public static Path indexFolder(Path dataFolder) {
        return dataFolder.resolve(INDEX_FOLDER);
    }

    /**
     * Plans an ingest ({@link IngestPlan#of}, trusting unchanged sizes and times). An unchanged interview whose
     * tracks the index lacks (a crash between storing and committing) stays unchanged: {@link #run} re-indexes it
     * from its stored tracks rather than processing its files again.
     */
    public static IngestPlan plan(List<Path> roots, DiscoveryResult discovery, TrackStore store, Options options)
            throws IOException {
        return IngestPlan.of(roots, discovery, store, options.recipe(), true);
    }

    /** Why the index does not hold what the record says, or empty when it does. */
    private static String indexGap(InterviewRecord record, @Nullable TranscriptIndex index) {
        String hash = contentHash(record);
        for (TrackFacts t : record.tracks()) {
            String indexed = index == null ? null
                    : index.contentHash(TrackDocument.trackId(record.id(), t.lang(), t.source()));
            if (!hash.equals(indexed)) {
                return "the " + t.lang() + " " + t.source() + " track is missing from the index";
            }
        }
        return "";
    }

    /**
     * Runs the plan: processes new and changed interviews, reports unchanged ones, prunes gone ones when asked, and
     * commits the index every few interviews and at the end. The caller holds {@code index} open (its write lock
     * is what keeps a second ingest out) and closes it.
     */
    public static IngestReport run(DiscoveryResult discovery, IngestPlan plan, TrackStore store, TranscriptIndex index,
                                   Options options, Progress progress) throws IOException {
        return run(discovery, plan, store, index, options, progress, new StopRequest());
    }

    /**
     * Like {@link #run(DiscoveryResult, IngestPlan, TrackStore, TranscriptIndex, Options, Progress)}, stopping early
     * when {@code stop} is requested: interviews not yet started are left out of the report (a rerun plans them
     * again), the ones under way get {@link #STOP_GRACE_MS} to finish, pruning is skipped, and what was stored is
     * committed to the index before the run returns.
     */
    public static IngestReport run(DiscoveryResult discovery, IngestPlan plan, TrackStore store, TranscriptIndex index,
                                   Options options, Progress progress, StopRequest stop) throws IOException {
        Instant started = Instant.now();
        List<ReportInterview> entries = new ArrayList<>();
        int total = plan.items().size() + (options.prune() ? plan.gone().size() : 0);
        int done = 0;
        List<IngestPlan.Item> work = new ArrayList<>();
        List<ReportInterview> ready = new ArrayList<>();
        Map<String, String> indexGaps = new java.util.HashMap<>();
        for (IngestPlan.Item item : plan.items()) {
            if (item.decision() != IngestPlan.Decision.UNCHANGED) {
                work.add(item);
                continue;
            }
            Optional<InterviewRecord> record = store.record(item.interview().id());
            if (record.isEmpty()) {
                ready.add(ReportInterview.failed(item.interview(), "the stored copy vanished during the run"));
                continue;
            }
            String gap = indexGap(record.get(), index);
            if (gap.isEmpty()) {
                ready.add(ReportInterview.of(record.get(), IngestStatus.UNCHANGED, List.of()));
            } else {
                indexGaps.put(item.interview().id(), gap); // stored but not (or not so) indexed: re-index it
                work.add(item);
            }
        }
        progress.starting(total, ready.size());
        for (ReportInterview entry : ready) {
            entries.add(entry);
            progress.finished(++done, total, entry);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), work.size())), r -> {
            Thread t = new Thread(r, "capdex-ingest");
            t.setDaemon(true);
            return t;
        });
        int changes = 0;
        Map<Future<ReportInterview>, IngestPlan.Item> submitted = new LinkedHashMap<>();
        try {
            CompletionService<ReportInterview> completion = new ExecutorCompletionService<>(pool);
            for (IngestPlan.Item item : work) {
                submitted.put(completion.submit(() -> {
                    if (stop.isRequested()) {
                        return null; // not started: left for the rerun
                    }
                    progress.began(item.interview().id());
                    String gap = indexGaps.get(item.interview().id());
                    return gap == null ? ingestOne(item, store, index, options)
                            : reindexOne(item, gap, store, index, options);
                }), item);
            }
            int sinceCommit = 0;
            long lastCommitNanos = System.nanoTime();
            long stopDeadlineNanos = Long.MAX_VALUE;
            for (int i = 0; i < submitted.size(); ) {
                if (stop.isRequested() && stopDeadlineNanos == Long.MAX_VALUE) {
                    // Nothing is cancelled here: Future.cancel(false) also cancels a task that is running, whose
                    // finished interview would then be stored but left out of the report. The tasks not started
                    // yet see the stop themselves and return at once.
                    stopDeadlineNanos = System.nanoTime() + STOP_GRACE_MS * 1_000_000L;
                }
                if (System.nanoTime() > stopDeadlineNanos) {
                    break; // interviews still under way are abandoned: their stored copies are atomic
                }
                Future<ReportInterview> f;
                try {
                    f = completion.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("ingest interrupted", e);
                }
                if (f == null) {
                    continue;
                }
                i++;
                ReportInterview entry;
                try {
                    entry = f.get();
                } catch (ExecutionException | InterruptedException e) {
                    // ingestOne catches everything it can; this is an Error or a bug, reported as a failure
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    entry = ReportInterview.failed(submitted.get(f).interview(), "internal error: " + cause);
                }
                if (entry == null) {
                    continue;
                }
                changes++;
                entries.add(entry);
                progress.finished(++done, total, entry);
                if (++sinceCommit >= options.commitEvery()
                        && System.nanoTime() - lastCommitNanos >= options.commitIntervalMs() * 1_000_000L) {
                    index.commit();
                    sinceCommit = 0;
                    lastCommitNanos = System.nanoTime();
                }
            }
        } finally {
            // never shutdownNow: interrupting a thread inside Lucene's or the store's file I/O closes the channel;
            // after a failed commit, the interviews not started yet are dropped rather than processed for nothing
            submitted.keySet().forEach(f -> f.cancel(false));
            pool.shutdown();
        }
        if (options.prune() && !stop.isRequested()) {
            for (IngestPlan.Gone gone : plan.gone()) {
                changes++;
                Optional<InterviewRecord> record = store.record(gone.id());
                store.remove(gone.id());
                index.delete(gone.id());
                if (record.isPresent()) {
                    ReportInterview entry = ReportInterview.of(record.get(), IngestStatus.PRUNED, List.of(gone.reason()));
                    entries.add(entry);
                    progress.finished(++done, total, entry);
                }
            }
        }
        progress.finishing();
        changes += dropStrays(store, index);
        if (changes > 0) {
            index.commitLast(); // only then: an unchanged run leaves the index's commit (and its readers' caches) alone
        }
        return IngestReport.of(discovery, entries, started, Instant.now());
    }

    /** Deletes index tracks the store does not hold (stored copies replaced or removed before a crash). */
    private static int dropStrays(TrackStore store, TranscriptIndex index) throws IOException {
        Set<String> stored = new HashSet<>();
        for (String id : store.list()) {
            Optional<InterviewRecord> r = store.record(id);
            r.ifPresent(rec -> rec.tracks().forEach(t -> stored.add(TrackDocument.trackId(id, t.lang(), t.source()))));
        }
        int dropped = 0;
        for (String trackId : index.trackIds()) {
            if (!stored.contains(trackId)) {
                index.deleteTrack(trackId);
                dropped++;
            }
        }
        return dropped;
    }

    /** Rebuilds the index from the stored tracks; returns how many tracks were indexed. */
    public static int reindex(TrackStore store, TranscriptIndex index) throws IOException {
        index.clear();
        int tracks = 0;
        for (String id : store.list()) {
            Optional<StoredInterview> stored = store.get(id);
            if (stored.isEmpty()) {
                continue;
            }
            for (StoredTrack t : stored.get().tracks()) {
                index.upsert(document(stored.get().record(), t.track()));
                tracks++;
            }
        }
        index.commit();
        return tracks;
    }

    /**
     * An unchanged interview the index lacks: its stored tracks are indexed again (as {@code reindex} would), which
     * costs a fraction of processing its files; when the stored copy cannot be read it is processed from its files.
     */
    static ReportInterview reindexOne(IngestPlan.Item item, String gap, TrackStore store, TranscriptIndex index,
                                      Options options) {
        try {
            Optional<StoredInterview> stored = store.get(item.interview().id());
            if (stored.isPresent()) {
                for (StoredTrack t : stored.get().tracks()) {
                    index.upsert(document(stored.get().record(), t.track()));
                }
                return ReportInterview.of(stored.get().record(), IngestStatus.UNCHANGED,
                        List.of("re-indexed from its stored tracks (" + gap + ")"));
            }
        } catch (IOException | RuntimeException e) {
            // a damaged stored copy: the files are still there, so process them again
        }
        return ingestOne(new IngestPlan.Item(item.interview(), IngestPlan.Decision.CHANGED,
                List.of(gap + "; its stored copy cannot be read"), item.inputs()), store, index, options);
    }

    /** One interview, start to end; every failure becomes a {@code failed} entry. */
    static ReportInterview ingestOne(IngestPlan.Item item, TrackStore store, TranscriptIndex index, Options options) {
        Interview interview = item.interview();
        try {
            StoredInterview stored = process(item, options);
            Optional<InterviewRecord> before = store.record(interview.id());
            store.put(stored);
            InterviewRecord record = stored.record();
            Set<String> kept = new HashSet<>();
            for (StoredTrack t : stored.tracks()) {
                TrackDocument doc = document(record, t.track());
                index.upsert(doc);
                kept.add(doc.trackId());
            }
            if (before.isPresent()) {
                for (TrackFacts t : before.get().tracks()) {
                    String trackId = TrackDocument.trackId(interview.id(), t.lang(), t.source());
                    if (!kept.contains(trackId)) {
                        index.deleteTrack(trackId); // a track this interview no longer has
                    }
                }
            }
            return ReportInterview.of(record, IngestStatus.valueOf(record.status().toUpperCase(Locale.ROOT)),
                    record.messages());
        } catch (Failure e) {
            return ReportInterview.failed(interview, e.getMessage());
        } catch (IOException e) {
            return ReportInterview.failed(interview, "cannot store it (" + IoReason.of(e) + ")");
        } catch (RuntimeException e) {
            return ReportInterview.failed(interview, "internal error: " + e);
        }
    }

    /** A reason an interview cannot be ingested, for people. */
    private static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** A caption track on its way through the pipeline. */
    private record Working(CaptionFile file, Track track, List<ParseProblem> problems, int repairChanges,
                           @Nullable SyncFacts sync, @Nullable Double wer) {
    }

    private static StoredInterview process(IngestPlan.Item item, Options options) throws Failure {
        Interview interview = item.interview();
        List<String> messages = new ArrayList<>(interview.messages());
        MediaInfo media = null;
        if (interview.video() != null) {
            try {
                media = MediaProbe.probe(interview.video());
            } catch (MediaException e) {
                throw new Failure(interview.video() + ": cannot probe the video (" + e.getMessage() + ")");
            }
        }
        List<Working> tracks = new ArrayList<>();
        for (CaptionFile file : interview.captions()) {
            tracks.add(read(interview, file, options, messages));
        }
        if (tracks.isEmpty()) {
            throw new Failure("no caption track");
        }
        Set<String> seen = new HashSet<>();
        for (Working w : tracks) {
            if (!seen.add(w.track().language() + "." + w.track().source().id())) {
                throw new Failure("two caption files are the " + w.track().language() + " "
                        + w.track().source().id() + " track (" + w.file().path().getFileName() + ")");
            }
        }
        String spoken = interview.spokenLanguage();
        if (spoken.isEmpty()) {
            spoken = tracks.stream().filter(w -> w.track().source() == Source.ASR).map(w -> w.track().language())
                    .findFirst().orElse("");
        }
        if (options.sync() && media != null) {
            tracks = sync(interview, media, tracks, options, messages);
        }
        checkTranslations(tracks, messages);
        PageMetadata page = null;
        if (interview.page() != null) {
            try {
                page = InterviewPage.read(interview.page());
            } catch (DocumentException e) {
                messages.add(interview.page() + ": page not read (" + e.getMessage() + ")");
            }
        }
        Map<String, String> transcripts = new TreeMap<>();
        List<Working> aligned = new ArrayList<>();
        for (TranscriptFile tf : interview.transcripts()) {
            String text;
            try {
                text = TranscriptSource.read(tf.path());
            } catch (DocumentException e) {
                messages.add(tf.path() + ": transcript not read (" + e.getMessage() + ")");
                continue;
            }
            transcripts.put(tf.lang(), text);
            String lang = tf.lang().isEmpty() ? spoken : tf.lang();
            Optional<Working> captions = pick(tracks, lang);
            if (captions.isEmpty()) {
                messages.add(tf.path().getFileName() + ": no caption track in " + (lang.isEmpty() ? "its language" : lang)
                        + " to align it with");
                continue;
            }
            Working base = captions.get();
            AlignOptions alignOptions = AlignOptions.defaults().withProfile(options.profile()).withFps(options.fps());
            AlignResult result = Aligner.align(base.track(), TranscriptText.parse(text), alignOptions);
            result.messages().forEach(m -> messages.add(tf.path().getFileName() + ": " + m));
            Double wer = result.report() == null ? null : result.report().wer();
            tracks.set(tracks.indexOf(base), new Working(base.file(), base.track(), base.problems(),
                    base.repairChanges(), base.sync(), wer));
            if (result.aligned() != null) {
                Track track = result.aligned();
                List<ParseProblem> problems = Qc.check(track, options.profile(), options.fps());
                aligned.add(new Working(base.file(), track, problems, 0, base.sync(), wer));
            }
        }
        for (Working a : aligned) {
            boolean clash = tracks.stream().anyMatch(w -> w.track().language().equals(a.track().language())
                    && w.track().source() == Source.ALIGNED);
            if (clash) {
                messages.add("a second aligned " + a.track().language() + " track was not stored");
            } else {
                tracks.add(a);
            }
        }

        List<StoredTrack> stored = new ArrayList<>();
        boolean warning = !interview.ignored().isEmpty() || tracks.stream().anyMatch(w -> w.sync() != null
                && !w.sync().applied() && !alreadyInSync(w.sync()));
        for (Working w : tracks) {
            int errors = 0;
            int warnings = 0;
            Map<String, Integer> codes = new TreeMap<>();
            for (ParseProblem p : w.problems()) {
                if (p.severity() == Severity.ERROR) {
                    errors++;
                } else {
                    warnings++;
                }
                codes.merge(p.code(), 1, Integer::sum);
            }
            warning |= errors > 0;
            boolean made = w.track().source() == Source.ALIGNED;
            TrackFacts facts = new TrackFacts(w.track().language(), w.track().source().id(),
                    made ? "" : w.file().path().toAbsolutePath().normalize().toString(),
                    made ? "json" : w.file().format().id(), w.track().cues().size(), w.repairChanges(), errors,
                    warnings, codes, w.sync(), w.wer());
            stored.add(new StoredTrack(facts, w.track(), w.problems()));
        }
        String title = firstNonBlank(page == null ? null : page.title(),
                media == null ? null : media.tags().get("title"), interview.id());
        Integer year = page == null ? null : page.localDate().map(d -> d.getYear()).orElse(null);
        if (year == null && media != null) {
            year = yearOf(media.tags().get("creation_time"));
        }
        PageFacts pageFacts = page == null ? PageFacts.NONE : new PageFacts(orEmpty(page.title()),
                orEmpty(page.speaker()), orEmpty(page.affiliation()), orEmpty(page.date()), orEmpty(page.summary()));
        InterviewRecord record = new InterviewRecord(TrackStore.SCHEMA_VERSION, interview.id(), title,
                interview.collection(), year,
                interview.video() == null ? null : interview.video().toAbsolutePath().normalize().toString(),
                spoken, pageFacts, item.inputs(), List.of(), warning ? IngestStatus.WARNING.id() : IngestStatus.OK.id(),
                messages, options.recipe(), Instant.now().toString());
        return new StoredInterview(record, stored, transcripts);
    }

    private static Working read(Interview interview, CaptionFile file, Options options, List<String> messages)
            throws Failure {
        CaptionFileResult result = CaptionFiles.read(file.path(), options.read());
        if (result instanceof CaptionFileResult.Failed f) {
            throw new Failure(f.message());
        }
        CaptionFileResult.Read read = (CaptionFileResult.Read) result;
        Track track = read.track();
        if (track.cues().isEmpty()) {
            throw new Failure(file.path() + ": no cues could be read");
        }
        String lang = file.lang();
        if (!file.languageKnown()) {
            StringBuilder text = new StringBuilder();
            for (Cue c : track.cues()) {
                text.append(c.text()).append('\n');
            }
            Optional<LanguageGuess> guess = LanguageDetector.detect(text.toString());
            if (guess.isEmpty()) {
                throw new Failure(file.path() + ": no language in the name and too little text to detect it"
                        + " (name it ID.LANG." + file.format().id() + ")");
            }
            lang = guess.get().tag();
            messages.add(file.path().getFileName() + ": language detected as " + lang);
        }
        Source source = file.languageKnown() && file.source() != null ? file.source()
                : interview.sourceFor(lang, file.edited());
        track = track.withLanguage(lang).withSource(source);
        RepairResult repaired = Repair.repair(track, options.repair());
        List<ParseProblem> problems = new ArrayList<>(read.problems());
        problems.addAll(Qc.check(repaired.track(), options.profile(), options.fps()));
        return new Working(file, repaired.track(), problems, repaired.changes().size(), null, null);
    }

    /** Syncs the spoken-language asr track to the audio and moves its translations the same way. */
    private static List<Working> sync(Interview interview, MediaInfo media, List<Working> tracks, Options options,
                                      List<String> messages) {
        Optional<Working> asr = tracks.stream().filter(w -> w.track().source() == Source.ASR).findFirst();
        if (asr.isEmpty()) {
            return tracks;
        }
        if (!media.hasAudio()) {
            messages.add("the video has no audio; captions not synced");
            return tracks;
        }
        SyncResult result;
        try {
            SpeechActivity activity = new SpeechActivity();
            AudioDecoder.decode(interview.video(), activity);
            result = Synchronizer.syncToSpeech(activity.result(), asr.get().track(), SyncOptions.defaults());
        } catch (MediaException e) {
            messages.add(interview.video() + ": audio not decoded (" + e.getMessage() + "); captions not synced");
            return tracks;
        }
        SyncFacts facts = SyncFacts.of(result);
        if (!result.applied() && !alreadyInSync(facts)) {
            messages.add(interview.video().getFileName() + ": captions not synced: " + result.reason());
        }
        List<Working> out = new ArrayList<>();
        for (Working w : tracks) {
            Source s = w.track().source();
            if (s == Source.ASR || s == Source.MT) {
                out.add(new Working(w.file(), result.apply(w.track()), w.problems(), w.repairChanges(), facts, w.wer()));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Maps each machine translation onto the spoken-language track it was made from and reports the ones whose
     * coverage or length disagree with it (a translation of another cut, or one that lost its second half).
     */
    static void checkTranslations(List<Working> tracks, List<String> messages) {
        Optional<Working> asr = tracks.stream().filter(w -> w.track().source() == Source.ASR).findFirst();
        if (asr.isEmpty()) {
            return;
        }
        for (Working w : tracks) {
            if (w.track().source() != Source.MT) {
                continue;
            }
            TrackMapping mapping = TrackMapping.map(asr.get().track(), w.track());
            for (String warning : mapping.warnings()) {
                messages.add(w.file().path().getFileName() + ": " + warning);
            }
        }
    }

    /**
     * Whether a sync that was not applied found the captions already in sync (the best fit within ±100 ms at full
     * scale, confidently): good news, where any other unapplied sync is something to look at.
     */
    public static boolean alreadyInSync(SyncFacts s) {
        return s.scale() == 1.0 && s.confidence() >= SyncOptions.DEFAULT_MIN_CONFIDENCE
                && s.segments().stream().allMatch(g -> Math.abs(g.offsetMs()) <= 100);
    }

    /** The track to align a transcript in {@code lang} with: the asr track, else edited, else any. */
    private static Optional<Working> pick(List<Working> tracks, String lang) {
        Optional<Working> best = Optional.empty();
        int rank = -1;
        for (Working w : tracks) {
            if (!lang.isEmpty() && !LanguageTags.sameLanguage(w.track().language(), lang)) {
                continue;
            }
            int r = switch (w.track().source()) {
                case ASR -> 3;
                case EDITED -> 2;
                case MT -> 1;
                case ALIGNED -> 0;
            };
            if (r > rank) {
                rank = r;
                best = Optional.of(w);
            }
        }
        return best;
    }

    /** The index document of one stored track. */
    static TrackDocument document(InterviewRecord record, Track track) {
        List<TrackDocument.Cue> cues = new ArrayList<>();
        for (Cue c : track.cues()) {
            if (c.isEmpty()) {
                continue;
            }
            cues.add(new TrackDocument.Cue(c.startMs(), Math.max(c.startMs(), c.endMs()), c.text(), c.speaker()));
        }
        PageFacts p = record.page();
        TrackDocument.Page page = p.equals(PageFacts.NONE) ? TrackDocument.Page.NONE
                : new TrackDocument.Page(nullIfEmpty(p.speaker()), nullIfEmpty(p.affiliation()), nullIfEmpty(p.date()),
                nullIfEmpty(p.summary()));
        List<String> speakers = p.speaker().isBlank() ? List.of() : List.of(p.speaker());
        return new TrackDocument(record.id(), record.title(), track.language(), track.source().id(), speakers,
                record.collection(), record.year(), contentHash(record), cues, page);
    }

    /** The hash that tells the index a track is current: the inputs' hashes, the recipe and the store schema. */
    static String contentHash(InterviewRecord record) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("schema=" + record.schemaVersion() + ";" + record.recipe() + ";" + record.title() + ";"
                    + record.collection() + ";" + record.year()).getBytes(StandardCharsets.UTF_8));
            for (InputHash h : record.inputs()) {
                md.update((";" + h.role() + "=" + h.sha256()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static @Nullable Integer yearOf(@Nullable String creationTime) {
        if (creationTime == null || creationTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(creationTime.trim()).getYear();
        } catch (DateTimeParseException e) {
            String t = creationTime.trim();
            if (t.length() >= 4 && t.substring(0, 4).chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(t.substring(0, 4)); // ffmpeg writes "2024-03-01 10:00:00" too
            }
            return null;
        }
    }

    private static String firstNonBlank(@Nullable String a, @Nullable String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return fallback;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String nullIfEmpty(String s) {
        return s.isBlank() ? null : s;
    }

    /** Whether a data folder already has a store (dry runs must not create one). */
    public static boolean hasStore(Path dataFolder) {
        return Files.isDirectory(dataFolder.resolve("tracks"));
    }
}
