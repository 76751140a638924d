package io.capdex.web;

import io.capdex.batch.InterviewRecord;
import io.capdex.batch.PageFacts;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.TrackStore;
import io.capdex.search.SearchBenchmark;
import io.capdex.search.SearchRequest;
import io.capdex.search.TrackDocument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code capdex bench serve}: the search API under load. Builds the 1,000-hour benchmark index (the one
 * {@code bench index} builds) with a stored record per interview, starts the server on a loopback port, and has
 * concurrent clients (one {@link HttpClient} each, keep-alive HTTP/1.1) send the benchmark's query mix to
 * {@code /api/search} for a fixed time after a warm-up (as long, and at least three passes over the mix).
 * Reports throughput, latency percentiles, errors and CPU time per request.
 */
public final class ServeBench {
    /** Passes over the query mix the warm-up makes at least. */
    static final int WARMUP_PASSES = 3;

    private ServeBench() {}

    /**
     * What one run measured.
     *
     * @param requests completed requests in the measured period
     * @param errors requests that failed or answered anything but 200
     * @param cpuMsPerRequest CPU time of the whole process (server and clients) per request: on a busy shared
     *     machine wall-clock figures measure the neighbours, this does not; cores × 1000 / it bounds requests/s
     */
    public record Figures(int hours, int clients, double seconds, long requests, long errors, double requestsPerSecond,
            double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs, double meanResponseKb,
            double cpuMsPerRequest) {
        /** The figures as name → value for printing. */
        public Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("hours", (double) hours);
            m.put("clients", (double) clients);
            m.put("seconds", seconds);
            m.put("requests", (double) requests);
            m.put("errors", (double) errors);
            m.put("requests per s", requestsPerSecond);
            m.put("latency p50 ms", p50Ms);
            m.put("latency p95 ms", p95Ms);
            m.put("latency p99 ms", p99Ms);
            m.put("latency max ms", maxMs);
            m.put("latency mean ms", meanMs);
            m.put("response mean KB", meanResponseKb);
            m.put("cpu ms per request", cpuMsPerRequest);
            return m;
        }
    }

    /**
     * Runs the benchmark in {@code dir} (a data folder is made there; the caller deletes it).
     *
     * @param warmup load before measuring (JIT, page cache, the server's caches)
     * @param measure how long the measured load lasts
     */
    public static Figures run(Path dir, int hours, int clients, Duration warmup, Duration measure)
            throws IOException, InterruptedException {
        if (hours < 1 || clients < 1) {
            throw new IllegalArgumentException("hours " + hours + ", clients " + clients);
        }
        Path data = dir.resolve("data");
        SearchBenchmark.build(data.resolve("index"), hours);
        TrackStore store = TrackStore.open(data);
        String now = Instant.now().toString();
        for (int n = 0; n < hours; n++) {
            TrackDocument d = SearchBenchmark.generatedInterview(n);
            InterviewRecord r = new InterviewRecord(TrackStore.SCHEMA_VERSION, d.interviewId(), d.title(),
                    d.collection() == null ? "" : d.collection(), d.year(), null, d.lang(),
                    new PageFacts(d.title(), d.speakers().get(d.speakers().size() - 1), "", "", ""),
                    List.of(), List.of(), "ok", List.of(), "bench", now);
            store.put(new StoredInterview(r, List.of(), Map.of()));
        }
        List<String> paths = new ArrayList<>();
        for (SearchRequest q : SearchBenchmark.queryMix(hours)) {
            paths.add(path(q));
        }
        try (WebServer server = WebServer.start(ServeOptions.defaults(data).withPort(0))) {
            String base = "http://127.0.0.1:" + server.port();
            // the JIT needs a few thousand requests whatever the clock says: on a busy machine a timed warm-up alone
            // ends cold and the measurement then prices the compiler
            load(base, paths, clients, warmup, WARMUP_PASSES * (long) paths.size(), null);
            Recorder rec = new Recorder();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            load(base, paths, clients, measure, 0, rec);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (processCpuNanos() - cpu0) / 1e6;
            double[] ms = rec.sortedMs();
            long n = ms.length;
            return new Figures(hours, clients, seconds, n, rec.errors.get(), n / seconds, percentile(ms, 50),
                    percentile(ms, 95), percentile(ms, 99), n == 0 ? 0 : ms[ms.length - 1],
                    Arrays.stream(ms).average().orElse(0), n == 0 ? 0 : rec.bytes.get() / 1024.0 / n,
                    n == 0 || cpuMs < 0 ? 0 : cpuMs / n);
        }
    }

    /** The API path of one benchmark request. */
    static String path(SearchRequest q) {
        StringBuilder sb = new StringBuilder("/api/search?q=").append(Links.query(q.query()));
        SearchRequest.Filters f = q.filters();
        if (f.lang() != null) {
            sb.append("&lang=").append(Links.query(f.lang()));
        }
        if (f.collection() != null) {
            sb.append("&collection=").append(Links.query(f.collection()));
        }
        if (q.soundsLike()) {
            sb.append("&soundsLike=true");
        }
        return sb.append("&limit=").append(q.limit()).toString();
    }

    /** Latencies and errors of the measured period (thread-safe). */
    private static final class Recorder {
        final List<double[]> perClient = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        synchronized void add(double[] ms, int n) {
            perClient.add(Arrays.copyOf(ms, n));
        }

        double[] sortedMs() {
            double[] all = perClient.stream().flatMapToDouble(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    /**
     * Runs the clients for {@code length}, and on until {@code minRequests} have been sent (at most ten times as
     * long); records into {@code rec} when given.
     */
    private static void load(String base, List<String> paths, int clients, Duration length, long minRequests,
            @Nullable Recorder rec) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long hardEnd = start + 10 * length.toNanos();
        AtomicLong sent = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int first = c * paths.size() / clients;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                double[] ms = new double[1 << 16];
                int n = 0;
                int i = first;
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= hardEnd || now >= end && sent.get() >= minRequests) {
                            break;
                        }
                        sent.incrementAndGet();
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                                .timeout(Duration.ofSeconds(30)).GET().build();
                        i++;
                        long s = System.nanoTime();
                        boolean ok;
                        long size = 0;
                        try {
                            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            ok = r.statusCode() == 200;
                            size = r.body().length;
                        } catch (IOException e) {
                            ok = false;
                        }
                        double took = (System.nanoTime() - s) / 1e6;
                        if (rec != null) {
                            if (!ok) {
                                rec.errors.incrementAndGet();
                            }
                            rec.bytes.addAndGet(size);
                            if (n == ms.length) {
                                ms = Arrays.copyOf(ms, n * 2);
                            }
                            ms[n++] = took;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (rec != null) {
                        rec.add(ms, n);
                    }
                    done.countDown();
                }
            }, "capdex-bench-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
    }

    /** CPU time of this process in nanoseconds, or a negative number where the JVM cannot tell. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
