package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_DEBUG;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_TRACE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the FFmpeg natives once and routes FFmpeg's own log into SLF4J, so nothing is printed raw to stderr.
 *
 * <p>Every entry point of this package calls {@link #init()} before touching FFmpeg. The FFmpeg log level is
 * {@code error} unless the system property {@value #LOG_LEVEL_PROPERTY} names another one ({@code quiet},
 * {@code error}, {@code warning}, {@code info}, {@code verbose}, {@code debug}, {@code trace}); messages then
 * still pass through SLF4J's own level (logger {@code io.capdex.media.ffmpeg}).
 */
public final class FfmpegNatives {
    /** System property naming the FFmpeg log level. */
    public static final String LOG_LEVEL_PROPERTY = "capdex.ffmpeg.loglevel";

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegNatives.class);
    private static final Logger FFMPEG_LOG = LoggerFactory.getLogger("io.capdex.media.ffmpeg");

    /** FFmpeg's context prefix, e.g. {@code [mov,mp4,m4a,3gp,3g2,mj2 @ 0x7f1d30875c40] }, useless to a person. */
    private static final Pattern CONTEXT_PREFIX = Pattern.compile("^\\[[^\\]]*@ 0x[0-9a-fA-F]+\\]\\s*");
    /** The last error FFmpeg logged on this thread, so a failure message can say what FFmpeg saw. */
    private static final ThreadLocal<@Nullable String> LAST_ERROR = new ThreadLocal<>();

    private static volatile boolean loaded;
    // FFmpeg keeps a raw pointer to the callback: this strong reference keeps it from being garbage collected.
    private static @Nullable LogCallback callback;
    private static long loadMillis = -1;

    private FfmpegNatives() {}

    /**
     * Loads the natives (unpacking them to the JavaCPP cache, {@code ~/.javacpp/cache}, on the very first run)
     * and installs the log bridge. Idempotent and thread safe.
     *
     * @throws IllegalStateException when the natives for this platform cannot be loaded
     */
    public static void init() {
        if (loaded) {
            return;
        }
        synchronized (FfmpegNatives.class) {
            if (loaded) {
                return;
            }
            // JavaCPP's and JavaCV's own messages (e.g. rejected options) go to SLF4J instead of System.err.
            if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
                System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
            }
            long start = System.nanoTime();
            try {
                // The other libraries load on first use (avformat for probing, swscale for pictures, avfilter
                // only for export): loading all six up front cost seconds on a busy machine.
                Loader.load(avutil.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                throw new IllegalStateException("cannot load the FFmpeg natives for " + Loader.getPlatform()
                        + " (" + e.getMessage() + ")", e);
            }
            LogCallback bridge = new Slf4jBridge().retainReference();
            callback = bridge;
            avutil.av_log_set_level(logLevel(System.getProperty(LOG_LEVEL_PROPERTY, "error")));
            avutil.setLogCallback(bridge);
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            LOG.debug("FFmpeg {} loaded in {} ms from {}",
                    avutil.av_version_info().getString(), loadMillis, cacheDir());
            loaded = true;
        }
    }

    /** The FFmpeg version string of the loaded natives, e.g. {@code 8.1.2}. */
    public static String version() {
        init();
        return avutil.av_version_info().getString();
    }

    /** How long the first {@link #init()} took in milliseconds (includes unpacking on a first run), or -1. */
    public static long loadMillis() {
        return loadMillis;
    }

    private static String cacheDir() {
        try {
            return Loader.getCacheDir().toString();
        } catch (java.io.IOException e) {
            return "(no cache: " + e.getMessage() + ")";
        }
    }

    /** Forgets the last error FFmpeg logged on this thread; call before an operation whose failure you report. */
    static void clearLastError() {
        LAST_ERROR.remove();
    }

    /**
     * FFmpeg's text for an error code plus, when FFmpeg logged something more specific on this thread since
     * {@link #clearLastError()}, that too: "Invalid data found when processing input: moov atom not found".
     */
    static String failureText(int code) {
        String text = errorText(code);
        String detail = LAST_ERROR.get();
        LAST_ERROR.remove();
        return detail == null || detail.equalsIgnoreCase(text) ? text : text + ": " + detail;
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    static String errorText(int code) {
        byte[] buffer = new byte[256];
        if (avutil.av_strerror(code, buffer, buffer.length) < 0) {
            return "FFmpeg error " + code;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    static int logLevel(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "quiet" -> AV_LOG_QUIET;
            case "warning", "warn" -> AV_LOG_WARNING;
            case "info" -> AV_LOG_INFO;
            case "verbose" -> AV_LOG_VERBOSE;
            case "debug" -> AV_LOG_DEBUG;
            case "trace" -> AV_LOG_TRACE;
            default -> AV_LOG_ERROR;
        };
    }

    /** Receives lines already formatted and level-filtered by the preset's native {@code log_callback}. */
    private static final class Slf4jBridge extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            String text = message.getString(StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return;
            }
            // The low byte is the level; higher bits carry FFmpeg's colour hints.
            int severity = level & 0xff;
            if (severity <= AV_LOG_ERROR) {
                LAST_ERROR.set(CONTEXT_PREFIX.matcher(text).replaceFirst(""));
                FFMPEG_LOG.error(text);
            } else if (severity <= AV_LOG_WARNING) {
                FFMPEG_LOG.warn(text);
            } else if (severity <= AV_LOG_INFO) {
                FFMPEG_LOG.info(text);
            } else if (severity <= AV_LOG_DEBUG) {
                FFMPEG_LOG.debug(text);
            } else {
                FFMPEG_LOG.trace(text);
            }
        }
    }
}
