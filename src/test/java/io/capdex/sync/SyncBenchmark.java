package io.capdex.sync;

import io.capdex.caption.Track;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Measures the speech detector's speed and a one-hour fit, printing the figures (not a test: timing on a
 * shared machine belongs in a report, not an assertion).
 *
 * <p>Run: {@code mvn -o -q test-compile && java -cp "target/classes:target/test-classes:$(cat cp.txt)"
 * io.capdex.sync.SyncBenchmark [minutes]} where cp.txt comes from {@code mvn dependency:build-classpath}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        // ~4 s per sentence including pauses.
        TestAudio audio = TestAudio.synthetic(42, minutes * 60 * 10 / 40, true, true);
        double audioSeconds = audio.pcm.length / (double) TestAudio.RATE;
        System.out.printf(Locale.ROOT, "audio: %.1f min, %d sentences%n", audioSeconds / 60, audio.truth.size());
        SpeechActivity.Result activity = null;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            SpeechActivity vad = new SpeechActivity();
            short[] block = new short[4096];
            for (int pos = 0; pos < audio.pcm.length; pos += block.length) {
                int n = Math.min(block.length, audio.pcm.length - pos);
                System.arraycopy(audio.pcm, pos, block, 0, n);
                vad.accept(block, n);
            }
            activity = vad.result();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "speech activity round %d: wall %.3f s = %.0fx realtime; cpu %.3f s ="
                    + " %.0fx realtime%n", round, s, audioSeconds / s, cpu, audioSeconds / cpu);
        }
        TestAudio withCard = audio.withInsert(audio.durationMs() * 4 / 10, 8000, new short[0]);
        SpeechActivity.Result cardActivity = withCard.activity();
        Track shifted = audio.captions(1, 2750);
        Track stretched = audio.captions(25 / (24000.0 / 1001), 1500);
        for (int round = 0; round < 5; round++) {
            time("fit +2.75 s", activity, shifted, round);
            time("fit 25/23.976 +1.5 s", activity, stretched, round);
            time("fit 8 s insert", cardActivity, audio.captions(), round);
        }
    }

    private static void time(String name, SpeechActivity.Result activity, Track captions, int round) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        SyncResult r = Synchronizer.syncToSpeech(activity, captions, SyncOptions.defaults());
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        System.out.printf(Locale.ROOT, "%s round %d: wall %.1f ms, cpu %.1f ms (%s)%n", name, round, ms, cpuMs,
                r.summary());
    }
}
