package io.capdex.search;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The write side of the transcript index: one Lucene document per caption track, replaced by track ID when its
 * content hash changes. One writer per index directory; a second opener gets an {@link IndexLockedException}
 * naming the holder. Thread-safe: {@link #upsert} may be called from several threads.
 */
public final class TranscriptIndex implements Closeable {
    /** Bump when fields or analysis change; callers rebuild from stored tracks when the index has another value. */
    // 2: the exact_pairs field, titles in doc values; 3: pieces and marked 3-token shingles instead of 4-token ones
    public static final int SCHEMA_VERSION = 3;
    /** Commit user data key holding {@link #SCHEMA_VERSION}. */
    public static final String SCHEMA_KEY = "capdex.schema";
    /** The file next to Lucene's write.lock naming the process that holds it. */
    public static final String HOLDER_FILE = "capdex-writer.txt";

    /**
     * BM25 with b = 0.4 (Lucene's default is 0.75): interviews run from minutes to hours, and full length
     * normalisation buries a long interview that mentions a term often under a short one that mentions it once.
     */
    static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 0.4f);

    /** What {@link #upsert} did. */
    public enum Upsert { ADDED, REPLACED, UNCHANGED }

    private static final FieldType POSITIONS = positionsType();

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final Analyzer exact = Analysis.exact();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final ThreadLocal<Analysis.Phonetics> phonetics = ThreadLocal.withInitial(Analysis.Phonetics::new);

    private TranscriptIndex(Path dir, Directory directory, IndexWriter writer) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
    }

    /**
     * Opens the index in {@code dir}, creating it when missing, and takes the write lock.
     *
     * @param command what the holder is doing, written next to the lock for a second opener's message
     * @throws IndexLockedException when another writer holds the index
     */
    public static TranscriptIndex open(Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        Map<String, Analyzer> stemmed = new HashMap<>();
        for (String key : Analysis.STEM_LANGS) {
            stemmed.put(Analysis.STEMMED_PREFIX + key, Analysis.stemmer(key));
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(Analysis.exact(), stemmed);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(SIMILARITY)
                .setRAMBufferSizeMB(256)
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            String holder = readHolder(dir);
            throw new IndexLockedException("the index " + dir + " is being written by another capdex: " + holder
                    + "; wait for it to finish (or stop it) and try again", holder, e);
        }
        TranscriptIndex index = new TranscriptIndex(dir, directory, writer);
        try {
            index.writeHolder(command);
            index.loadHashes();
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /** The schema version in the last commit of the index in {@code dir}; empty when there is no index or none is recorded. */
    public static OptionalInt schemaVersion(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return OptionalInt.empty();
        }
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return OptionalInt.empty();
            }
            String v = SegmentInfos.readLatestCommit(d).getUserData().get(SCHEMA_KEY);
            return parseVersion(v);
        }
    }

    /** Whether the index in {@code dir} exists with another schema version than this code writes (rebuild it). */
    public static boolean needsRebuild(Path dir) throws IOException {
        OptionalInt v = schemaVersion(dir);
        return v.isPresent() && v.getAsInt() != SCHEMA_VERSION;
    }

    private static OptionalInt parseVersion(@Nullable String v) {
        if (v == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Adds or replaces the track; does nothing when the stored track has the same content hash. */
    public Upsert upsert(TrackDocument track) throws IOException {
        String id = track.trackId();
        String old = hashes.get(id);
        if (track.contentHash().equals(old)) {
            return Upsert.UNCHANGED;
        }
        writer.updateDocument(new Term(Analysis.ID, id), document(track));
        hashes.put(id, track.contentHash());
        return old == null ? Upsert.ADDED : Upsert.REPLACED;
    }

    /** Removes every track of the interview. */
    public void delete(String interviewId) throws IOException {
        writer.deleteDocuments(new Term(Analysis.INTERVIEW, interviewId));
        hashes.keySet().removeIf(k -> k.startsWith(interviewId + "|"));
    }

    /** Removes one track by its {@code ID|lang|source} key. */
    public void deleteTrack(String trackId) throws IOException {
        writer.deleteDocuments(new Term(Analysis.ID, trackId));
        hashes.remove(trackId);
    }

    /** Removes everything (for a rebuild); takes effect at the next commit. */
    public void clear() throws IOException {
        writer.deleteAll();
        hashes.clear();
    }

    /** The stored content hash of a track, or null when the index does not hold it. */
    public @Nullable String contentHash(String trackId) {
        return hashes.get(trackId);
    }

    /** The track IDs the index holds (including uncommitted changes). */
    public List<String> trackIds() {
        List<String> ids = new ArrayList<>(hashes.keySet());
        ids.sort(null);
        return ids;
    }

    /** Makes every change so far durable and visible to searchers, recording the schema version. */
    public void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(SCHEMA_VERSION)).entrySet());
        writer.commit();
    }

    /**
     * {@link #commit} at the end of a run, when no other thread is indexing: the buffered documents are first
     * written as segments on every core, one indexing buffer per thread. A plain commit writes them one after
     * another on its own thread, which left a core idle for the last second or two of a 1,000-file ingest.
     */
    public void commitLast() throws IOException {
        flushOnEveryCore();
        commit();
    }

    private void flushOnEveryCore() throws IOException {
        int helpers = Math.min(Runtime.getRuntime().availableProcessors(), 8) - 1;
        if (helpers <= 0) {
            return;
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable flush = () -> {
            try {
                while (writer.flushNextBuffer()) {
                    // one more segment written; take the next buffer, if any
                }
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        };
        for (int i = 0; i < helpers; i++) {
            Thread t = new Thread(flush, "capdex-index-flush-" + (i + 1));
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        flush.run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while flushing the index");
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) first;
        }
    }

    /** Discards uncommitted changes, closes the writer and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            try {
                Files.deleteIfExists(dir.resolve(HOLDER_FILE));
            } finally {
                directory.close();
            }
        }
    }

    private void writeHolder(String command) throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        String text = "pid " + ProcessHandle.current().pid() + " on host " + host + " (" + command + ") since "
                + Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
        Files.writeString(dir.resolve(HOLDER_FILE), text + "\n", StandardCharsets.UTF_8);
    }

    private static String readHolder(Path dir) {
        try {
            String s = Files.readString(dir.resolve(HOLDER_FILE), StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "an unknown process (its holder file is empty)" : s;
        } catch (NoSuchFileException e) {
            return "an unknown process (it has not written " + HOLDER_FILE + " yet)";
        } catch (IOException e) {
            return "an unknown process (" + HOLDER_FILE + " is unreadable: " + e.getMessage() + ")";
        }
    }

    private void loadHashes() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    Document doc = stored.document(d, java.util.Set.of(Analysis.ID, Analysis.HASH));
                    String id = doc.get(Analysis.ID);
                    String hash = doc.get(Analysis.HASH);
                    if (id != null && hash != null) {
                        hashes.put(id, hash);
                    }
                }
            }
        }
    }

    private Document document(TrackDocument t) {
        Document doc = new Document();
        doc.add(new StringField(Analysis.ID, t.trackId(), Field.Store.YES));
        keyword(doc, Analysis.INTERVIEW, t.interviewId());
        doc.add(new SortedDocValuesField(Analysis.INTERVIEW, new BytesRef(t.interviewId())));
        doc.add(new StoredField(Analysis.TITLE, t.title()));
        doc.add(new BinaryDocValuesField(Analysis.TITLE, new BytesRef(t.title()))); // read per result without decompressing
        facet(doc, Analysis.LANG, t.lang());
        facet(doc, Analysis.SOURCE, t.source());
        for (String s : t.allSpeakers()) {
            facet(doc, Analysis.SPEAKER, s);
        }
        if (t.collection() != null) {
            facet(doc, Analysis.COLLECTION, t.collection());
        }
        if (t.year() != null) {
            facet(doc, Analysis.YEAR, Integer.toString(t.year()));
        }
        doc.add(new StoredField(Analysis.HASH, t.contentHash()));
        TrackDocument.Page page = t.page();
        StringBuilder meta = new StringBuilder(t.title());
        storeOptional(doc, Analysis.PAGE_SPEAKER, page.speakerName(), meta);
        storeOptional(doc, Analysis.PAGE_AFFILIATION, page.affiliation(), meta);
        storeOptional(doc, Analysis.PAGE_DATE, page.date(), null);
        storeOptional(doc, Analysis.PAGE_SUMMARY, page.summary(), meta);
        doc.add(new Field(Analysis.META, meta.toString(), POSITIONS));

        // Tokenize the transcript once; the exact, pairs, phonetic and shingle fields and the cue table share
        // these positions, and cue boundaries add no position gap so phrases cross them. A line feed always ends
        // a token (UAX #29), so tokenizing the joined text gives each cue exactly its own tokens.
        List<TrackDocument.Cue> cues = t.cues();
        StringBuilder joinedText = new StringBuilder(cues.size() * 48);
        int[] cueEnds = new int[cues.size()];
        for (int i = 0; i < cues.size(); i++) {
            if (i > 0) {
                joinedText.append('\n');
            }
            joinedText.append(cues.get(i).text());
            cueEnds[i] = joinedText.length();
        }
        String joined = joinedText.toString();
        Analysis.Phonetics ph = phonetics.get();
        int[] counts = new int[cues.size()];
        List<String> terms = tokens(joined, cueEnds, counts);
        int n = terms.size();
        String[] codes = new String[n];
        // shingle-field terms of position p are stacked[stackStart[p] .. stackStart[p + 1]): the token's code as a
        // piece when the token is short enough to be part of a misheard word, then the codes of its shingles
        String[] stacked = new String[n * Analysis.MAX_SHINGLE];
        int[] stackStart = new int[n + 1];
        int filled = 0;
        for (int p = 0; p < n; p++) {
            codes[p] = ph.code(terms.get(p));
            stackStart[p] = filled;
            if (terms.get(p).length() <= Analysis.MAX_FRAGMENT_CHARS) {
                stacked[filled++] = ph.piece(codes[p]);
            }
            for (String c : ph.shingleCodes(terms, p)) {
                if (c != null && !contains(stacked, stackStart[p], filled, c)) {
                    stacked[filled++] = c;
                }
            }
        }
        stackStart[n] = filled;
        doc.add(new Field(Analysis.EXACT, new ListTokenStream(terms), POSITIONS));
        doc.add(new Field(Analysis.PAIRS, new PairTokenStream(terms), POSITIONS));
        doc.add(new Field(Analysis.PHONETIC, new ListTokenStream(Arrays.asList(codes)), POSITIONS));
        doc.add(new Field(Analysis.SHINGLE, new StackedTokenStream(stacked, stackStart, n), POSITIONS));
        String stemKey = Analysis.stemKey(t.lang());
        if (stemKey != null) {
            doc.add(new Field(Analysis.STEMMED_PREFIX + stemKey, joined, POSITIONS));
        }
        doc.add(new BinaryDocValuesField(Analysis.CUES, CueTable.encode(cues, counts)));
        return doc;
    }

    /**
     * The exact field's terms of the joined cue texts, counting each cue's tokens into {@code counts}; a cue ends
     * at {@code cueEnds[i]} in the joined text.
     */
    private List<String> tokens(String joined, int[] cueEnds, int[] counts) {
        List<String> terms = new ArrayList<>(joined.length() / 5 + 16);
        int[] cue = {0};
        Analysis.forEachToken(exact, joined, (term, start, end) -> {
            while (cue[0] < cueEnds.length - 1 && start >= cueEnds[cue[0]]) {
                cue[0]++;
            }
            counts[cue[0]]++;
            terms.add(term.toString());
        });
        return terms;
    }

    private static boolean contains(String[] a, int from, int to, String s) {
        for (int i = from; i < to; i++) {
            if (a[i].equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.YES));
    }

    private static void facet(Document doc, String field, String value) {
        keyword(doc, field, value);
        doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void storeOptional(Document doc, String field, @Nullable String value, @Nullable StringBuilder meta) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
            if (meta != null) {
                meta.append('\n').append(value);
            }
        }
    }

    private static FieldType positionsType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.freeze();
        return t;
    }

    /**
     * Pre-analysed tokens, one per position. These streams set only the term (and the stacked one the position
     * increment) on every token, so they skip {@code clearAttributes()}, which resets every attribute of the
     * packed token per token (JFR put 8 % of an ingest's samples there).
     */
    private static final class ListTokenStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> tokens;
        private int next;

        ListTokenStream(List<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.size()) {
                return false;
            }
            term.setEmpty().append(tokens.get(next++)); // the only attribute set: no clearAttributes() per token
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /**
     * The {@link Analysis#PAIRS} terms of a token list, written straight into the term attribute: no string per
     * pair (a transcript has as many pairs as words).
     */
    private static final class PairTokenStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> tokens;
        private int next;

        PairTokenStream(List<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next + 1 >= tokens.size()) {
                return false;
            }
            term.setEmpty().append(tokens.get(next)).append(Analysis.PAIR_SEPARATOR).append(tokens.get(next + 1));
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** Pre-analysed tokens, several (or none) per position, stacked with position increment 0. */
    private static final class StackedTokenStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final String[] stacked;
        private final int[] stackStart;
        private final int positions;
        private int pos;
        private int next;
        private int pendingIncrement;

        StackedTokenStream(String[] stacked, int[] stackStart, int positions) {
            this.stacked = stacked;
            this.stackStart = stackStart;
            this.positions = positions;
        }

        @Override
        public boolean incrementToken() {
            while (pos < positions) {
                if (next == stackStart[pos]) {
                    pendingIncrement++;
                }
                if (next < stackStart[pos + 1]) {
                    term.setEmpty().append(stacked[next]); // term and increment are all it sets
                    if (next == stackStart[pos]) {
                        posInc.setPositionIncrement(pendingIncrement);
                        pendingIncrement = 0;
                    } else {
                        posInc.setPositionIncrement(0);
                    }
                    next++;
                    return true;
                }
                pos++;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pos = 0;
            next = 0;
            pendingIncrement = 0;
        }
    }
}
