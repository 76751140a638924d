package io.capdex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The index and search benchmark: generates a caption-only corpus of one-hour interviews (about 1,000 cues
 * each) with a Zipf-like vocabulary, rare words and misheard splits, indexes it with a plain commit, then runs a
 * fixed mix of queries one at a time, warm, and reports build time and latency percentiles.
 */
public final class SearchBenchmark {
    /** The least time the warm-up passes over the query mix take before the measured pass, by default. */
    public static final int DEFAULT_WARM_UP_SECONDS = 10;
    private static final String[] COMMON = ("the and to of a in that it is was i you we he she they this for on with "
            + "as but at be have not what so there all about my were very when then just like because know think "
            + "one out up can if do her his them time would their more had how people our said well into really "
            + "after what going first who some could other these only back see did now two years way go get year "
            + "mother father child children family doctor nurse hospital day week weeks month home school friends "
            + "told felt remember started asked talk talked things something everything little long good hard").split(" ");
    private static final String[] MEDICAL = ("leukemia leukaemia remission relapse chemotherapy transplant marrow bone "
            + "blood cells platelets infection fever induction consolidation maintenance blinatumomab measurable "
            + "residual disease lymphoblastic acute myeloid oncologist hematologist diagnosis prognosis biopsy "
            + "lumbar puncture steroids dexamethasone vincristine methotrexate cytarabine radiotherapy immunotherapy "
            + "donor graft antibodies neutropenia anemia transfusion port catheter nausea fatigue survivorship "
            + "clinical trial protocol genetic mutation philadelphia chromosome tyrosine kinase inhibitor imatinib "
            + "pediatric ward isolation").split(" ");
    private static final String[] SPANISH = ("el la de que y en los se del las un por con no una su para es al lo como "
            + "más pero sus le ya médico hospital familia tratamiento quimioterapia leucemia remisión recaída "
            + "trasplante médula sangre niños madre padre").split(" ");
    private static final String[] FRENCH = ("le la de et les des en un une du est que pas pour qui dans il elle nous "
            + "vous mais avec médecin hôpital famille traitement chimiothérapie leucémie rémission rechute greffe "
            + "moelle sang enfants mère père").split(" ");
    private static final String[] SYLLABLES = "ka ri to mo la ne su vi pe da lo mi za ru bo te fi go na si pa de".split(" ");
    private static final String[] COLLECTIONS = {"kids", "adults", "survivors", "clinicians", "families"};
    private static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "en", "en", "es", "fr"};

    /** CPU time per thread: the shared 2-core CI machine deschedules us, and wall time then measures the neighbours. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private SearchBenchmark() {}

    /**
     * What one run measured.
     *
     * @param built false when an earlier run's index was searched (the build figures are then zero)
     * @param indexSeconds wall time to analyse, add and commit every track (documents generated beforehand)
     * @param byKind per query class: count, wall p50 and p99 ms, CPU p50 and p99 ms
     */
    public record Figures(int hours, int tracks, long cues, boolean built, double indexSeconds, double indexCpuSeconds,
            double indexMb, int threads, int queries, double p50Ms, double p90Ms, double p99Ms, double maxMs,
            double meanMs, double cpuP50Ms, double cpuP99Ms, Map<String, double[]> byKind) {
        /** The figures as name → value (ms, s, MB or counts) for printing; per-class figures are in {@link #byKind}. */
        public Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("hours", (double) hours);
            m.put("tracks", (double) tracks);
            m.put("cues", (double) cues);
            if (built) {
                m.put("index build s", indexSeconds);
                m.put("index cpu s", indexCpuSeconds);
            }
            m.put("index size MB", indexMb);
            m.put("queries", (double) queries);
            m.put("search p50 ms", p50Ms);
            m.put("search p90 ms", p90Ms);
            m.put("search p99 ms", p99Ms);
            m.put("search max ms", maxMs);
            m.put("search mean ms", meanMs);
            m.put("search cpu p50 ms", cpuP50Ms);
            m.put("search cpu p99 ms", cpuP99Ms);
            return m;
        }
    }

    /** One benchmark query. */
    record BenchQuery(String kind, SearchRequest request) {}

    /**
     * Whether {@code dir} holds an index an earlier run left with the same {@code hours}, written by this version's
     * schema, so that {@link #run} may search it without building.
     */
    public static boolean reusable(Path dir, int hours) throws IOException {
        if (TranscriptIndex.schemaVersion(dir).orElse(-1) != TranscriptIndex.SCHEMA_VERSION) {
            return false;
        }
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir);
                org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(d)) {
            return r.numDocs() == hours;
        }
    }

    /**
     * Builds the corpus in {@code dir} (emptied first), indexes it, and measures the query mix; with {@code build}
     * false, searches the index an earlier run with the same {@code hours} left in {@code dir} (see
     * {@link #reusable}) and reports no build figures. The warm-up is at least two passes over the query mix, and as
     * many more as start within {@code warmUpSeconds}.
     */
    public static Figures run(Path dir, int hours, boolean build, int warmUpSeconds) throws IOException {
        List<TrackDocument> corpus = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            corpus.add(interview(i));
        }
        long cues = corpus.stream().mapToLong(t -> t.cues().size()).sum();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        if (build) {
            deleteTree(dir);
            index(dir, corpus, threads, cpuNanos);
        }
        double indexSeconds = build ? (System.nanoTime() - t0) / 1e9 : 0;
        double indexMb;
        try (Stream<Path> files = Files.list(dir)) {
            indexMb = files.mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
        List<BenchQuery> queries = queries(corpus);
        corpus.clear();
        Map<String, List<double[]>> byKind = new LinkedHashMap<>();
        double[] ms = new double[queries.size()];
        double[] cpuMs = new double[queries.size()];
        try (TranscriptSearch search = TranscriptSearch.open(dir)) {
            // Warm-up: the page cache and the JIT. Two passes over the mix left a fresh JVM still compiling the search
            // paths (C2's queue on two cores): bench search measured p99 8.5-9.9 ms where the JVM that had just built
            // the index measured 5.6 ms, and 6.4-6.6 ms after 10 s of passes. So passes go on for warmUpSeconds too.
            long warmStart = System.nanoTime();
            long warmUpNanos = warmUpSeconds * 1_000_000_000L;
            for (int pass = 0; pass < 2 || System.nanoTime() - warmStart < warmUpNanos; pass++) {
                for (BenchQuery q : queries) {
                    search.search(q.request());
                }
            }
            for (int i = 0; i < queries.size(); i++) {
                long c = CPU.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                SearchResult r = search.search(queries.get(i).request());
                ms[i] = (System.nanoTime() - s) / 1e6;
                cpuMs[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
                if (r.total() < 0) {
                    throw new AssertionError();
                }
                byKind.computeIfAbsent(queries.get(i).kind(), k -> new ArrayList<>()).add(new double[] {ms[i], cpuMs[i]});
            }
        } catch (QueryException e) {
            throw new IllegalStateException("a benchmark query is invalid: " + e.getMessage(), e);
        }
        Map<String, double[]> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> {
            double[] wall = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] cpu = v.stream().mapToDouble(x -> x[1]).sorted().toArray();
            kinds.put(k, new double[] {wall.length, percentile(wall, 50), percentile(wall, 99), percentile(cpu, 50),
                    percentile(cpu, 99)});
        });
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        Arrays.sort(cpuMs);
        return new Figures(hours, hours, cues, build, indexSeconds, cpuNanos.get() / 1e9, indexMb, threads, ms.length,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1],
                Arrays.stream(ms).average().orElse(0), percentile(cpuMs, 50), percentile(cpuMs, 99), kinds);
    }

    private static void index(Path dir, List<TrackDocument> corpus, int threads,
            java.util.concurrent.atomic.AtomicLong cpuNanos) throws IOException {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "capdex bench index")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> {
                        long c = CPU.getCurrentThreadCpuTime();
                        for (int i = worker; i < corpus.size(); i += threads) {
                            index.upsert(corpus.get(i));
                        }
                        cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - c);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } catch (Exception e) {
                throw new IOException("indexing failed: " + e.getMessage(), e);
            } finally {
                pool.shutdown();
            }
            long c = CPU.getCurrentThreadCpuTime();
            index.commitLast();
            cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - c);
        }
    }

    private static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One generated one-hour interview track; the same number gives the same track ({@code bench ingest} too). */
    public static TrackDocument interview(int n) {
        SplittableRandom rnd = new SplittableRandom(n * 7919L + 17);
        String lang = LANGS[n % LANGS.length];
        String[] local = lang.equals("es") ? SPANISH : lang.equals("fr") ? FRENCH : COMMON;
        List<TrackDocument.Cue> cues = new ArrayList<>(1100);
        long t = 0;
        StringBuilder sb = new StringBuilder(96);
        String speaker = "Interviewer";
        while (t < 3_600_000L) {
            sb.setLength(0);
            int lines = rnd.nextInt(4) == 0 ? 1 : 2;
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    sb.append('\n');
                }
                int lineStart = sb.length();
                int target = 28 + rnd.nextInt(12);
                while (sb.length() - lineStart < target) {
                    if (sb.length() > lineStart) {
                        sb.append(' ');
                    }
                    sb.append(word(rnd, local));
                }
            }
            if (rnd.nextInt(12) == 0) {
                speaker = speaker.equals("Interviewer") ? "Speaker " + (n % 50) : "Interviewer";
            }
            long dur = 1500 + rnd.nextInt(3500);
            cues.add(new TrackDocument.Cue(t, t + dur, sb.toString(), speaker));
            t += dur + 40 + rnd.nextInt(300);
        }
        String source = n % 7 == 3 ? "mt" : "asr";
        return new TrackDocument(String.format("INT%04d", n), "Interview " + n, lang, source,
                List.of("Interviewer", "Speaker " + (n % 50)), COLLECTIONS[n % COLLECTIONS.length], 2015 + n % 10,
                "hash" + n, cues, TrackDocument.Page.NONE);
    }

    private static String word(SplittableRandom rnd, String[] local) {
        int r = rnd.nextInt(1000);
        if (r < 3) {
            return rnd.nextBoolean() ? "look emia" : "blina to mo mab"; // misheard words, as ASR makes them
        }
        if (r < 30) {
            return rareWord(rnd.nextInt(20_000));
        }
        if (r < 150) {
            return MEDICAL[zipf(rnd, MEDICAL.length)];
        }
        return local[zipf(rnd, local.length)];
    }

    /** A pronounceable made-up word; 20,000 of them form the long tail of the vocabulary. */
    static String rareWord(int k) {
        StringBuilder sb = new StringBuilder();
        int x = k;
        for (int i = 0; i < 3 + k % 2; i++) {
            sb.append(SYLLABLES[x % SYLLABLES.length]);
            x = x / SYLLABLES.length + 7 * i + 3;
        }
        return sb.append("n").toString();
    }

    private static int zipf(SplittableRandom rnd, int n) {
        // rank ~ n^u: a cheap heavy-headed distribution (the first words are by far the most frequent)
        double u = rnd.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, u)) - 1);
    }

    /** The fixed query mix: 350 queries over rare and common words, phrases, prefixes, typos, sounds-like, filters. */
    static List<BenchQuery> queries(List<TrackDocument> corpus) {
        SplittableRandom rnd = new SplittableRandom(42);
        List<BenchQuery> out = new ArrayList<>();
        List<TrackDocument> english = corpus.stream().filter(t -> t.lang().equals("en")).toList();
        for (int i = 0; i < 50; i++) {
            out.add(q("rare", rareWord(rnd.nextInt(20_000))));
        }
        for (int i = 0; i < 50; i++) {
            out.add(q("common", i % 2 == 0 ? COMMON[rnd.nextInt(40)] : MEDICAL[rnd.nextInt(MEDICAL.length)]));
        }
        for (int i = 0; i < 50; i++) {
            out.add(q("phrase2", "\"" + wordsAt(english, rnd, 2, false) + "\""));
        }
        for (int i = 0; i < 40; i++) {
            out.add(q("phrase4", "\"" + wordsAt(english, rnd, 4, false) + "\""));
        }
        for (int i = 0; i < 40; i++) {
            out.add(q("crosscue", "\"" + wordsAt(english, rnd, 2, true) + "\""));
        }
        for (int i = 0; i < 30; i++) {
            String w = i % 2 == 0 ? MEDICAL[rnd.nextInt(MEDICAL.length)] : rareWord(rnd.nextInt(20_000));
            out.add(q("prefix", w.substring(0, Math.min(w.length(), 4 + rnd.nextInt(2))) + "*"));
        }
        for (int i = 0; i < 30; i++) {
            String w = MEDICAL[rnd.nextInt(MEDICAL.length)];
            int cut = 1 + rnd.nextInt(w.length() - 2);
            out.add(q("typo", w.substring(0, cut) + w.substring(cut + 1)));
        }
        for (int i = 0; i < 30; i++) {
            String w = i % 3 == 0 ? "leukemia" : i % 3 == 1 ? "blinatumomab" : MEDICAL[rnd.nextInt(MEDICAL.length)];
            out.add(new BenchQuery("soundslike", SearchRequest.of(w).withSoundsLike(true)));
        }
        for (int i = 0; i < 30; i++) {
            SearchRequest.Filters f = i % 2 == 0 ? SearchRequest.Filters.NONE.withLang(i % 4 == 0 ? "es" : "en")
                    : SearchRequest.Filters.NONE.withCollection(COLLECTIONS[rnd.nextInt(COLLECTIONS.length)]);
            String w = i % 4 == 0 ? "leucemia" : MEDICAL[rnd.nextInt(MEDICAL.length)];
            out.add(new BenchQuery("filtered", SearchRequest.of(w).withFilters(f)));
        }
        return out;
    }

    private static BenchQuery q(String kind, String query) {
        return new BenchQuery(kind, SearchRequest.of(query));
    }

    /** Adjacent words from a random place in the corpus; {@code crossCue} makes them span a cue boundary. */
    private static String wordsAt(List<TrackDocument> tracks, SplittableRandom rnd, int n, boolean crossCue) {
        TrackDocument t = tracks.get(rnd.nextInt(tracks.size()));
        int c = rnd.nextInt(t.cues().size() - 1);
        List<String> words = new ArrayList<>();
        for (String w : (t.cues().get(c).text() + " " + t.cues().get(c + 1).text()).split("\\s+")) {
            words.add(w);
        }
        int inFirst = t.cues().get(c).text().split("\\s+").length;
        int start = crossCue ? inFirst - 1 : rnd.nextInt(Math.max(1, inFirst - n + 1));
        return String.join(" ", words.subList(start, Math.min(words.size(), start + n)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> top = Files.list(dir)) {
            // only ever empty a directory that holds nothing or a Lucene index: never a user's folder by mistake
            if (!top.allMatch(p -> p.getFileName().toString().matches("(segments.*|_.*|write\\.lock|"
                    + TranscriptIndex.HOLDER_FILE.replace(".", "\\.") + ")"))) {
                throw new IOException(dir + " holds files that are not a Lucene index; pick an empty directory");
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Builds the benchmark index of {@code hours} generated one-hour interviews in {@code dir} (emptied first),
     * for benchmarks that search it another way ({@code bench serve} over HTTP).
     */
    public static void build(Path dir, int hours) throws IOException {
        List<TrackDocument> corpus = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            corpus.add(interview(i));
        }
        deleteTree(dir);
        index(dir, corpus, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())),
                new java.util.concurrent.atomic.AtomicLong());
    }

    /** The generated interview number {@code n} of the corpus {@link #build} indexes (the same every time). */
    public static TrackDocument generatedInterview(int n) {
        return interview(n);
    }

    /** The fixed 350-query mix over the corpus of {@code hours} interviews, in order. */
    public static List<SearchRequest> queryMix(int hours) {
        List<TrackDocument> corpus = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            corpus.add(interview(i));
        }
        return queries(corpus).stream().map(BenchQuery::request).toList();
    }

    /** {@code java io.capdex.search.SearchBenchmark DIR [HOURS [--search-only]]}: prints the figures. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-index");
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Figures f = run(dir, hours, !(args.length > 2 && args[2].equals("--search-only")), DEFAULT_WARM_UP_SECONDS);
        f.asMap().forEach((k, v) -> System.out.printf("%-16s %10.2f%n", k, v));
        f.byKind().forEach((k, v) -> System.out.printf("  %-12s n=%3.0f p50 %6.2f ms  p99 %6.2f ms  (cpu p50 %6.2f  p99 %6.2f)%n",
                k, v[0], v[1], v[2], v[3], v[4]));
    }
}
