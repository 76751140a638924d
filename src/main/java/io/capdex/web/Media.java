package io.capdex.web;

import io.capdex.batch.InterviewRecord;
import io.capdex.media.BrowserVideo;
import io.capdex.media.MediaException;
import io.capdex.media.MediaInfo;
import io.capdex.media.Thumbnail;
import io.capdex.media.Thumbnails;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview's media: {@code /video/ID} with byte ranges (RFC 9110 §14: 206, {@code Content-Range}, 416),
 * conditional requests and, when browsers cannot play the original, an MP4 remux cached in
 * {@code DATA/cache/web/}; and {@code /thumbs/ID.jpg?t=MS} stills cached in {@code DATA/cache/thumbs/}. The file
 * always comes from the stored record, never from the URL.
 */
final class Media implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Media.class);
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    /** How long a request waits for a remux before answering 503 with {@code Retry-After}. */
    static final long REMUX_WAIT_MS = 20_000;
    static final int THUMB_WIDTH_PX = 320;
    /** Thumbnail times are rounded down to this step, which bounds the cache to a few files per minute of video. */
    static final long THUMB_STEP_MS = 500;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Archive archive;
    /** One remux at a time: a re-encode takes a whole core for minutes. */
    private final ExecutorService remuxer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "capdex-remux");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, CompletableFuture<Path>> building = new ConcurrentHashMap<>();

    Media(Archive archive) {
        this.archive = archive;
    }

    void video(Context ctx) throws IOException {
        InterviewRecord r = archive.require(ctx.pathParam("id"));
        Path file = archive.video(r).orElseThrow(() -> WebError.notFound(r.video() == null
                ? "interview '" + r.id() + "' has captions only, no video"
                : "the video of interview '" + r.id() + "' is gone from where it was ingested"));
        MediaInfo info;
        try {
            info = archive.probe(file);
        } catch (MediaException e) {
            throw new WebError(422, "the video of interview '" + r.id() + "' cannot be read: "
                    + InterviewApi.fileName(e.getMessage() == null ? "" : e.getMessage()));
        }
        if (BrowserVideo.playable(info)) {
            send(ctx, file, BrowserVideo.mediaType(info));
            return;
        }
        Path remuxed = browserCopy(ctx, r.id(), file);
        send(ctx, remuxed, "video/mp4");
    }

    /** The cached browser-playable MP4 of {@code source}, built (once, by one thread) when missing or stale. */
    private Path browserCopy(Context ctx, String id, Path source) throws IOException {
        Path dir = archive.cacheFolder().resolve("web");
        Path target = dir.resolve(cacheName(id) + ".mp4");
        Path stamp = dir.resolve(cacheName(id) + ".mp4.source");
        String version = version(source);
        if (Files.isRegularFile(target) && Files.isRegularFile(stamp)
                && Files.readString(stamp, StandardCharsets.UTF_8).equals(version)) {
            return target;
        }
        CompletableFuture<Path> job = building.computeIfAbsent(target, t -> CompletableFuture.supplyAsync(() -> {
            try {
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, ".remux-", ".mp4");
                try {
                    BrowserVideo.Result how = BrowserVideo.toMp4(source, temp);
                    LOG.debug("{}: browser copy made (video {}, audio {})", id, how.videoCopied() ? "copied" : "encoded",
                            how.audioCopied() ? "copied" : "encoded");
                    move(temp, target);
                    Path stampTemp = Files.createTempFile(dir, ".remux-", ".source");
                    Files.writeString(stampTemp, version, StandardCharsets.UTF_8);
                    move(stampTemp, stamp);
                    return target;
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException | MediaException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, remuxer));
        job.whenComplete((p, e) -> building.remove(target, job));
        try {
            return job.get(REMUX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ctx.header("Retry-After", "5");
            throw new WebError(503, "preparing a browser-playable copy of this video; try again in a few seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebError(503, "interrupted while preparing the video");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("{}: cannot make a browser-playable copy: {}", id, cause.getMessage());
            throw new WebError(422, "this video cannot be converted for the browser: "
                    + InterviewApi.fileName(String.valueOf(cause.getMessage())));
        }
    }

    void thumbnail(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".jpg")) {
            throw WebError.notFound("thumbnails are served as ID.jpg (got '" + file + "')");
        }
        InterviewRecord r = archive.require(file.substring(0, file.length() - 4));
        Path video = archive.video(r).orElseThrow(() -> WebError.notFound("interview '" + r.id()
                + "' has no video to take a picture of"));
        long t = SearchApi.intParam(ctx, "t", 0, 0, Integer.MAX_VALUE);
        Long duration = archive.durationMs(r);
        if (duration != null) {
            t = Math.min(t, Math.max(0, duration - 1));
        }
        t = t / THUMB_STEP_MS * THUMB_STEP_MS;
        Path dir = archive.cacheFolder().resolve("thumbs").resolve(cacheName(r.id()) + "-" + hash(version(video)));
        Path target = dir.resolve(t + ".jpg");
        if (!Files.isRegularFile(target)) {
            List<Thumbnail> shots;
            try {
                shots = Thumbnails.capture(video, List.of(t), THUMB_WIDTH_PX);
            } catch (MediaException e) {
                throw new WebError(422, "no picture can be taken from the video of interview '" + r.id() + "': "
                        + InterviewApi.fileName(String.valueOf(e.getMessage())));
            }
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".thumb-", ".jpg");
            try {
                Files.write(temp, shots.get(0).jpeg());
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        send(ctx, target, "image/jpeg");
    }

    /**
     * Sends a file, honouring {@code Range}, {@code If-Range} and {@code If-None-Match}; HEAD gets the headers only.
     */
    static void send(Context ctx, Path file, String type) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
        String lastModified = HTTP_DATE.format(Instant.ofEpochMilli(modified));
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", lastModified);
        if (ctx.res().getHeader("Cache-Control") == null) {
            ctx.header("Cache-Control", "no-cache");
        }
        ctx.contentType(type);
        String range = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        if (range != null && ifRange != null && !ifRange.equals(etag) && !ifRange.equals(lastModified)) {
            range = null; // the client's copy is stale: send it whole (RFC 9110 §13.1.5)
        }
        String none = ctx.header("If-None-Match");
        if (range == null && none != null && (none.equals(etag) || none.equals("*"))) {
            ctx.status(304);
            return;
        }
        ByteRange.Request wanted = ByteRange.parse(range, size);
        long first = 0;
        long length = size;
        if (wanted instanceof ByteRange.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + size);
            throw new WebError(416, "the range '" + range + "' is outside the file (" + size + " bytes)");
        } else if (wanted instanceof ByteRange.Part p) {
            ctx.status(206);
            ctx.header("Content-Range", p.range().contentRange(size));
            first = p.range().first();
            length = p.range().length();
        } else {
            ctx.status(200);
        }
        ctx.header("Content-Length", Long.toString(length));
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            return;
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(first);
        long bodyBytes = length;
        InputStream in = new java.io.FilterInputStream(Channels.newInputStream(channel)) {
            private long left = bodyBytes;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
        ctx.result(in);
    }

    /** A cache file name for an interview: the ID itself when it is plain, else a hash of it. */
    static String cacheName(String id) {
        return PLAIN_ID.matcher(id).matches() ? id : "id-" + hash(id);
    }

    /** What identifies a version of a source file: its path, size and modification time. */
    private static String version(Path file) throws IOException {
        return file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        remuxer.shutdownNow();
    }

}
