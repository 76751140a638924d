package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Track;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.jspecify.annotations.Nullable;

/**
 * Burns one caption track into a video: an H.264 MP4 (libopenh264, which browsers play) at the source's size,
 * with the source audio copied unchanged. Cues with {@code line:0} (the AI warning) are drawn at the top, the
 * others at the bottom, in white on a semi-transparent box.
 *
 * <p>Why it is built this way (each choice measured): frames are decoded as YUV420P and drawn on with FFmpeg's
 * {@code drawtext}, one small filter graph per cue that exists only while the cue is on screen (one graph with a
 * long {@code enable=} chain evaluates every filter on every frame, 7–10× slower); the video is encoded alone and
 * the original audio is copied in afterwards (re-encoding AAC doubled the time). Caption text reaches drawtext
 * only through {@code textfile=} with {@code expansion=none}, so no character of it is ever interpreted; the
 * files live in a private temporary directory whose path holds no filter syntax. The bundled FFmpeg has no
 * fontconfig, so a font file is always passed: DejaVu Sans (Bitstream Vera licence) ships in this jar.
 */
public final class BurnIn {
    private static final String FONT_RESOURCE = "fonts/DejaVuSans.ttf";
    private static final Path SYSTEM_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** Characters a path may hold inside a filter argument without quoting (no {@code : , ' \ [ ] ;}). */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._+@-]+");
    private static final AVRational MICROS = new AVRational().num(1).den(1_000_000);

    private BurnIn() {}

    /**
     * Writes {@code out} (use a temporary name and rename it: a failed run deletes what it wrote).
     *
     * @throws MediaException when the video cannot be decoded, the font is unusable or the output cannot be written
     */
    public static BurnResult burn(Path video, Track track, Path out, BurnOptions options) throws MediaException {
        FfmpegNatives.init();
        FfmpegInput.checkReadable(video);
        Path work = workDir(out);
        try {
            Path font = font(work, options.fontFile());
            Path encoded = work.resolve("video.mp4");
            long[] counts = encodeVideo(video, track, font, work, encoded, options);
            long audio = remux(encoded, video, out);
            return new BurnResult(counts[0], counts[1], audio);
        } finally {
            deleteTree(work);
        }
    }

    private static Path workDir(Path out) throws MediaException {
        try {
            Path work = Files.createTempDirectory("capdex-burn-");
            if (!SAFE_PATH.matcher(work.toAbsolutePath().toString()).matches()) {
                deleteTree(work);
                throw new MediaException(out + ": the temporary directory " + work + " has characters FFmpeg's filter"
                        + " syntax would read (: , ' \\ [ ] ; or spaces); set java.io.tmpdir to a plain path");
            }
            return work;
        } catch (IOException e) {
            throw new MediaException(out + ": cannot create a temporary directory (" + e.getMessage() + ")", e);
        }
    }

    /** Copies the chosen font (or the bundled one, else the system's DejaVu Sans) to a safe path. */
    private static Path font(Path work, @Nullable Path fontFile) throws MediaException {
        Path target = work.resolve("font.ttf");
        try {
            if (fontFile != null) {
                if (!Files.isRegularFile(fontFile)) {
                    throw new MediaException(fontFile + ": no such font file");
                }
                Files.copy(fontFile, target);
                return target;
            }
            try (InputStream bundled = BurnIn.class.getResourceAsStream(FONT_RESOURCE)) {
                if (bundled != null) {
                    Files.copy(bundled, target);
                    return target;
                }
            }
            if (Files.isRegularFile(SYSTEM_FONT)) {
                Files.copy(SYSTEM_FONT, target);
                return target;
            }
        } catch (IOException e) {
            throw new MediaException("cannot prepare the caption font (" + e.getMessage() + ")", e);
        }
        throw new MediaException("no caption font: the bundled DejaVu Sans is missing from the jar; pass a font file");
    }

    /** A cue with its drawtext graph, made when the cue appears and closed when it goes. */
    private static final class Caption {
        final Cue cue;
        final String filter;
        @Nullable FFmpegFrameFilter graph;

        Caption(Cue cue, String filter) {
            this.cue = cue;
            this.filter = filter;
        }
    }

    /** Decodes, draws and encodes the video alone; returns {frames, framesWithText}. */
    private static long[] encodeVideo(Path video, Track track, Path font, Path work, Path encoded,
            BurnOptions options) throws MediaException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
        FFmpegFrameRecorder recorder = null;
        EncoderThread encoder = null;
        List<Caption> active = new ArrayList<>();
        try {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new MediaException(video + ": not a media file (" + e.getMessage() + ")", e);
            }
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            if (width <= 0 || height <= 0) {
                throw new MediaException(video + ": has no video stream to burn captions into");
            }
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
            List<Caption> pending = captions(track, font, work, width, height);
            recorder = new FFmpegFrameRecorder(encoded.toFile(), width, height, 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize((int) Math.round(fps * 2));
            recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, options.videoBitrate() > 0
                    ? options.videoBitrate() : Math.max(200_000, Math.round(width * (double) height * fps * 0.1))));
            recorder.start();
            encoder = new EncoderThread(recorder);
            long frames = 0;
            long withText = 0;
            Iterator<Caption> next = pending.iterator();
            Caption upcoming = next.hasNext() ? next.next() : null;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                long ms = MediaTime.microsToMillis(frame.timestamp);
                for (Iterator<Caption> it = active.iterator(); it.hasNext(); ) {
                    Caption caption = it.next();
                    if (ms >= caption.cue.endMs()) {
                        close(caption);
                        it.remove();
                    }
                }
                while (upcoming != null && upcoming.cue.startMs() <= ms) {
                    if (ms < upcoming.cue.endMs()) {
                        upcoming.graph = open(upcoming, width, height, fps);
                        active.add(upcoming);
                    }
                    upcoming = next.hasNext() ? next.next() : null;
                }
                long timestamp = frame.timestamp;
                Frame drawn = frame;
                for (Caption caption : active) {
                    FFmpegFrameFilter graph = caption.graph;
                    if (graph != null) {
                        graph.push(drawn, AV_PIX_FMT_YUV420P);
                        Frame pulled = graph.pull();
                        if (pulled != null) {
                            drawn = pulled;
                        }
                    }
                }
                if (!active.isEmpty()) {
                    withText++;
                }
                // The grabber and the graphs reuse their frames: the encoder thread gets a copy of its own.
                Frame copy = drawn.clone();
                copy.timestamp = timestamp;
                encoder.submit(copy);
                frames++;
            }
            encoder.finish();
            recorder.stop();
            return new long[] {frames, withText};
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(video + ": cannot decode the video (" + e.getMessage() + ")", e);
        } catch (FrameRecorder.Exception e) {
            throw new MediaException(encoded + ": cannot encode H.264 (" + e.getMessage() + ")", e);
        } catch (FrameFilter.Exception e) {
            throw new MediaException(video + ": cannot draw the captions (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(encoded + ": interrupted while encoding", e);
        } finally {
            for (Caption caption : active) {
                close(caption);
            }
            if (encoder != null) {
                encoder.close();
            }
            if (recorder != null) {
                try {
                    recorder.release();
                } catch (FrameRecorder.Exception e) {
                    // Already failing or finished: the encoded file is checked when it is remuxed.
                }
            }
            try {
                grabber.release();
            } catch (FrameGrabber.Exception e) {
                // Nothing left to read; release errors do not change the outcome.
            }
        }
    }

    /**
     * Encodes frames on a thread of its own, so that decoding and drawing the next frames overlap with encoding (on
     * two cores the two stages take about as long). Owns and closes every frame it is given; a few frames are queued
     * at most, so memory stays at a handful of pictures.
     */
    private static final class EncoderThread implements AutoCloseable {
        private static final int QUEUED_FRAMES = 4;
        private static final Frame END = new Frame();
        private final ArrayBlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUED_FRAMES);
        private final FFmpegFrameRecorder recorder;
        private final Thread thread;
        private volatile @Nullable Exception failure;

        EncoderThread(FFmpegFrameRecorder recorder) {
            this.recorder = recorder;
            this.thread = new Thread(this::run, "capdex-burn-encoder");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                while (true) {
                    Frame frame = queue.take();
                    if (frame == END) {
                        return;
                    }
                    try (frame) {
                        // Keep the source's timing (variable frame rates, gaps) without ever repeating a timestamp.
                        if (frame.timestamp > recorder.getTimestamp()) {
                            recorder.setTimestamp(frame.timestamp);
                        }
                        recorder.record(frame, AV_PIX_FMT_YUV420P);
                    }
                }
            } catch (Exception e) {
                failure = e;
            } finally {
                drain();
            }
        }

        /** Queues a frame (this thread then owns it); waits while the queue is full. */
        void submit(Frame frame) throws FrameRecorder.Exception, InterruptedException {
            while (!queue.offer(frame, 50, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    frame.close();
                    rethrow();
                }
            }
            if (!thread.isAlive()) {
                drain();
                rethrow();
            }
        }

        /** Waits until every queued frame is encoded, then reports the encoder's failure, if any. */
        void finish() throws FrameRecorder.Exception, InterruptedException {
            while (thread.isAlive() && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                // the encoder is still working through a full queue
            }
            thread.join();
            if (failure != null) {
                rethrow();
            }
        }

        private void rethrow() throws FrameRecorder.Exception {
            Exception e = failure;
            if (e instanceof FrameRecorder.Exception fe) {
                throw fe;
            }
            if (e != null) {
                throw new FrameRecorder.Exception(e.toString(), e);
            }
            throw new FrameRecorder.Exception("the encoder stopped");
        }

        private void drain() {
            Frame left;
            while ((left = queue.poll()) != null) {
                if (left != END) {
                    left.close();
                }
            }
        }

        /** Stops the thread if it still runs (after a failure elsewhere) and frees what was queued. */
        @Override
        public void close() {
            if (thread.isAlive()) {
                thread.interrupt();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            drain();
        }
    }

    private static FFmpegFrameFilter open(Caption caption, int width, int height, double fps)
            throws FrameFilter.Exception {
        FFmpegFrameFilter graph = new FFmpegFrameFilter(caption.filter, width, height);
        graph.setPixelFormat(AV_PIX_FMT_YUV420P);
        graph.setFrameRate(fps);
        graph.start();
        return graph;
    }

    private static void close(Caption caption) {
        FFmpegFrameFilter graph = caption.graph;
        caption.graph = null;
        if (graph != null) {
            try {
                graph.release();
            } catch (FrameFilter.Exception e) {
                // A graph that cannot be released holds only memory; the output is unaffected.
            }
        }
    }

    /** One drawtext graph description per non-empty cue, in start order; cue text goes to files in {@code work}. */
    private static List<Caption> captions(Track track, Path font, Path work, int width, int height)
            throws MediaException {
        List<Cue> cues = new ArrayList<>(track.cues());
        cues.sort(Comparator.comparingLong(Cue::startMs));
        List<Caption> captions = new ArrayList<>();
        int n = 0;
        for (Cue cue : cues) {
            if (cue.isEmpty() || cue.span().durationMs() <= 0) {
                continue;
            }
            Path text = work.resolve("cue-" + (n++) + ".txt");
            try {
                Files.writeString(text, drawnText(cue), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MediaException(text + ": cannot write caption text (" + e.getMessage() + ")", e);
            }
            captions.add(new Caption(cue, filter(cue, font, text, width, height)));
        }
        return captions;
    }

    /** The lines as drawn: trailing blanks trimmed, inner line breaks kept (FFmpeg 8.1 draws them as breaks). */
    static String drawnText(Cue cue) {
        List<String> lines = new ArrayList<>();
        for (Line line : cue.lines()) {
            lines.add(line.text().strip());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    /**
     * The drawtext description: font size about 1/18 of the picture height, smaller when the longest line would
     * not fit 90 % of the width; centred lines; top (5 % margin) for {@code line:0}, else bottom (6 % margin).
     */
    static String filter(Cue cue, Path font, Path textFile, int width, int height) {
        int longest = 1;
        for (Line line : cue.lines()) {
            longest = Math.max(longest, line.text().strip().codePointCount(0, line.text().strip().length()));
        }
        int size = Math.max(10, Math.round(height / 18f));
        // DejaVu Sans averages about 0.55 em per character of mixed text.
        int fitting = (int) Math.floor(width * 0.9 / (longest * 0.55));
        size = Math.max(8, Math.min(size, fitting));
        int border = Math.max(2, size / 3);
        String y = AssText.isTop(cue) ? "h*0.05+" + border : "h-text_h-h*0.06-" + border;
        return String.format(Locale.ROOT, "drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=%d"
                + ":fontcolor=white:line_spacing=%d:text_align=C:box=1:boxcolor=black@0.6:boxborderw=%d"
                + ":x=(w-text_w)/2:y=%s:fix_bounds=1",
                font.toAbsolutePath(), textFile.toAbsolutePath(), size, Math.max(1, size / 5), border, y);
    }

    /** Copies the encoded video and the source's audio streams, interleaved, into {@code out}. */
    static long remux(Path encoded, Path source, Path out) throws MediaException {
        try (FfmpegInput pictures = FfmpegInput.open(encoded);
                FfmpegInput original = FfmpegInput.open(source);
                MuxOutput output = MuxOutput.create(out, "mp4")) {
            Feed video = new Feed(pictures, output, AVMEDIA_TYPE_VIDEO, 0);
            AVFormatContext in = original.context();
            long offset = in.start_time() != AV_NOPTS_VALUE && in.start_time() > 0 ? in.start_time() : 0;
            Feed audio = new Feed(original, output, AVMEDIA_TYPE_AUDIO, offset);
            output.start(Map.of("movflags", "+faststart"));
            try {
                video.advance();
                audio.advance();
                while (video.ready || audio.ready) {
                    Feed first = !audio.ready || (video.ready && video.micros <= audio.micros) ? video : audio;
                    first.writeAndAdvance();
                }
            } finally {
                video.close();
                audio.close();
            }
            output.finish();
            return audio.written;
        }
    }

    /** Packets of one media type from one input, offered in file order with their time in microseconds. */
    private static final class Feed implements AutoCloseable {
        private final FfmpegInput input;
        private final MuxOutput output;
        private final int[] map;
        private final long offsetMicros;
        private final AVPacket packet = av_packet_alloc();
        boolean ready;
        long micros;
        long written;

        Feed(FfmpegInput input, MuxOutput output, int type, long offsetMicros) throws MediaException {
            this.input = input;
            this.output = output;
            this.offsetMicros = offsetMicros;
            AVFormatContext context = input.context();
            map = new int[context.nb_streams()];
            for (int i = 0; i < map.length; i++) {
                AVStream stream = context.streams(i);
                boolean take = stream.codecpar().codec_type() == type
                        && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0;
                map[i] = take ? output.copyOf(stream).index() : -1;
            }
        }

        void advance() {
            ready = false;
            while (av_read_frame(input.context(), packet) >= 0) {
                if (packet.stream_index() < map.length && map[packet.stream_index()] >= 0) {
                    AVRational base = input.context().streams(packet.stream_index()).time_base();
                    long ts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                    micros = ts == AV_NOPTS_VALUE ? micros : av_rescale_q(ts, base, MICROS) - offsetMicros;
                    ready = true;
                    return;
                }
                av_packet_unref(packet);
            }
        }

        void writeAndAdvance() throws MediaException {
            int source = packet.stream_index();
            AVRational base = input.context().streams(source).time_base();
            if (offsetMicros != 0) {
                long shift = av_rescale_q(offsetMicros, MICROS, base);
                if (packet.pts() != AV_NOPTS_VALUE) {
                    packet.pts(packet.pts() - shift);
                }
                if (packet.dts() != AV_NOPTS_VALUE) {
                    packet.dts(packet.dts() - shift);
                }
            }
            int target = map[source];
            av_packet_rescale_ts(packet, base, output.context().streams(target).time_base());
            packet.stream_index(target);
            packet.pos(-1);
            output.write(packet);
            written++;
            advance();
        }

        @Override
        public void close() {
            av_packet_free(packet);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Leftover temporary files are harmless; the result stands.
        }
    }
}
