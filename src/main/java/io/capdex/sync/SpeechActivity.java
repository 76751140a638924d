package io.capdex.sync;

import io.capdex.media.PcmConsumer;
import java.util.Arrays;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Streams 16 kHz mono PCM into a speech-activity timeline at 10 ms resolution, without keeping the audio.
 *
 * <p>How a frame is judged, and why:
 * <ol>
 *   <li><b>Spectrum.</b> Every 10 ms (160 samples) a 256-sample Hann window (16 ms) is transformed with
 *       JTransforms' real FFT. Twelve bands cover 250–4000 Hz, where speech carries its energy (the
 *       300–3400 Hz telephone band plus a margin); rumble below and hiss above never count.</li>
 *   <li><b>Adaptive floor per band.</b> Each band's log energy is compared with its own noise floor, a
 *       running ~4th percentile of that band's log energy (a quantile tracker: a small constant step up when
 *       above, a larger step down when below, accelerating when the level stays above the floor for
 *       seconds). A steady music bed, air conditioning or room tone thus becomes the floor of the bands it
 *       occupies, and speech on top of it still stands out in the bands it does not drown. Long pauses only
 *       teach the floor the room's level.</li>
 *   <li><b>Excess.</b> The frame's excess is the mean dB by which the bands exceed their floors (each
 *       clipped to 0–80 dB); bands under -85 dB (per-bin level re full scale) count as silent, so digital
 *       silence and 16-bit dither are never speech.</li>
 *   <li><b>Syllabic modulation.</b> Speech switches on and off 3–8 times a second; sustained chords and
 *       drones do not. The modulation depth is the range (max − min) of the excess over ±150 ms. A frame
 *       scores high only when it has excess <em>and</em> depth; this is what rejects music beds that the
 *       floor has not yet learned (a chord change raises bands faster than the floor adapts).</li>
 *   <li><b>Smoothing.</b> Frames scoring at least {@link Result#SPEECH_THRESHOLD} are speech; gaps of up to
 *       250 ms between speech are closed (the stops between syllables and words: this is the hangover), then
 *       islands shorter than 100 ms are removed. Unlike a one-sided hangover, closing is symmetric in time, so
 *       it does not push offsets late, which matters because the result is compared with caption times.</li>
 * </ol>
 * Spectral flatness and zero-crossing rate were considered and left out: music is as tonal as voiced
 * speech and fricatives are as flat as noise, so neither separates the cases that matter here, while the
 * per-band floor plus modulation depth does.
 *
 * <p>Memory is one float per 10 ms frame (3 h of audio: 1.08 M frames, about 4 MB); the PCM itself is never
 * kept. Speed: about 6,000× real time on one core (see the package notes), so it can sit on the decode path. Not thread-safe: one instance per stream, fed in order, then {@link #result()}.
 */
public final class SpeechActivity implements PcmConsumer {

    /** Length of one activity frame. */
    public static final int FRAME_MS = 10;
    static final int HOP = PcmConsumer.SAMPLE_RATE * FRAME_MS / 1000;
    private static final int WINDOW = 256;
    /** Band edges in FFT bins of 62.5 Hz: 250–4000 Hz in twelve bands, narrower at the low end. */
    private static final int[] BAND_EDGES = {4, 6, 8, 10, 13, 16, 20, 25, 31, 38, 46, 55, 64};
    private static final int BANDS = BAND_EDGES.length - 1;
    private static final float SILENT_DB = -85f;
    private static final float MAX_EXCESS_DB = 80f;
    // Quantile tracker steps: up/(up+down) = 0.02/0.52, about the 4th percentile of each band's level.
    private static final float FLOOR_UP_DB = 0.02f;
    private static final float FLOOR_DOWN_DB = 0.5f;
    private static final int MOD_HALF_WINDOW = 15;
    private static final int CLOSE_GAP_FRAMES = 25;
    private static final int MIN_ISLAND_FRAMES = 10;

    private final FloatFFT_1D fft = new FloatFFT_1D(WINDOW);
    private final float[] hann = new float[WINDOW];
    private final float[] ring = new float[WINDOW];
    private final float[] spectrum = new float[WINDOW];
    private final float[] bandDb = new float[BANDS];
    private final float[] floorDb = new float[BANDS];
    private final int[] aboveRun = new int[BANDS];
    private int filled;
    private int pending;
    private boolean started;
    private float[] excess = new float[1024];
    private int frames;

    public SpeechActivity() {
        for (int i = 0; i < WINDOW; i++) {
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW));
        }
        Arrays.fill(bandDb, -100f);
    }

    @Override
    public void accept(short[] samples, int count) {
        for (int i = 0; i < count; ) {
            // Slide the newest samples into the window; the window spans the last 256 samples.
            int n = Math.min(HOP - pending, count - i);
            System.arraycopy(ring, n, ring, 0, WINDOW - n);
            for (int k = 0; k < n; k++) {
                ring[WINDOW - n + k] = samples[i + k] * (1f / 32768f);
            }
            i += n;
            pending += n;
            filled = Math.min(WINDOW, filled + n);
            if (pending == HOP) {
                pending = 0;
                frame();
            }
        }
    }

    private void frame() {
        for (int i = 0; i < WINDOW; i++) {
            spectrum[i] = ring[i] * hann[i];
        }
        fft.realForward(spectrum);
        float sum = 0;
        for (int b = 0; b < BANDS; b++) {
            float power = 0;
            for (int k = BAND_EDGES[b]; k < BAND_EDGES[b + 1]; k++) {
                float re = spectrum[2 * k];
                float im = spectrum[2 * k + 1];
                power += re * re + im * im;
            }
            // Hann window gain (sum of w^2 = 96) and bin count normalise to a level comparable across bands.
            float db = (float) (10 * Math.log10(power / (96f * (BAND_EDGES[b + 1] - BAND_EDGES[b])) + 1e-12));
            // Light smoothing (two frames) halves the variance of noise bands without smearing syllables.
            float smooth = started ? 0.5f * (bandDb[b] + db) : db;
            bandDb[b] = smooth;
            if (!started) {
                floorDb[b] = smooth;
            } else if (smooth > floorDb[b]) {
                aboveRun[b]++;
                // A level that stays above the floor for seconds is a new background (a music bed starting,
                // a louder room): speed the floor up so it is learned in seconds rather than a minute.
                floorDb[b] += FLOOR_UP_DB * (1 + aboveRun[b] / 50f);
            } else {
                aboveRun[b] = 0;
                floorDb[b] = Math.max(smooth, floorDb[b] - FLOOR_DOWN_DB);
            }
            if (smooth > SILENT_DB) {
                sum += Math.min(MAX_EXCESS_DB, Math.max(0f, smooth - floorDb[b]));
            }
        }
        started = true;
        if (frames == excess.length) {
            excess = Arrays.copyOf(excess, frames * 2);
        }
        excess[frames++] = sum / BANDS;
    }

    /** Frames analysed so far (one per 10 ms of audio fed). */
    public int frameCount() {
        return frames;
    }

    /**
     * The activity of everything fed so far. A trailing part-frame shorter than 10 ms is ignored. Can be
     * called more than once; feeding may continue afterwards.
     */
    public Result result() {
        int n = frames;
        float[] score = new float[n];
        float[] runMax = slidingExtreme(excess, n, MOD_HALF_WINDOW, true);
        float[] runMin = slidingExtreme(excess, n, MOD_HALF_WINDOW, false);
        for (int i = 0; i < n; i++) {
            float level = clamp01((excess[i] - 2f) / 6f);
            float depth = clamp01((runMax[i] - runMin[i] - 4f) / 8f);
            score[i] = level * depth;
        }
        boolean[] speech = new boolean[n];
        for (int i = 0; i < n; i++) {
            speech[i] = score[i] >= Result.SPEECH_THRESHOLD;
        }
        closeGaps(speech, CLOSE_GAP_FRAMES);
        removeIslands(speech, MIN_ISLAND_FRAMES);
        return new Result(score, speech);
    }

    private static float clamp01(float v) {
        return v < 0 ? 0 : Math.min(1, v);
    }

    /** Max (or min) over [i - half, i + half] for every i, in O(n) with a monotonic deque. */
    private static float[] slidingExtreme(float[] x, int n, int half, boolean max) {
        float[] out = new float[n];
        int[] deque = new int[n + 1];
        int head = 0;
        int tail = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            int hi = Math.min(n - 1, i + half);
            while (next <= hi) {
                while (tail > head && (max ? x[deque[tail - 1]] <= x[next] : x[deque[tail - 1]] >= x[next])) {
                    tail--;
                }
                deque[tail++] = next++;
            }
            while (deque[head] < i - half) {
                head++;
            }
            out[i] = x[deque[head]];
        }
        return out;
    }

    static void closeGaps(boolean[] mask, int maxGap) {
        int last = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                if (last >= 0 && i - last - 1 <= maxGap) {
                    Arrays.fill(mask, last + 1, i, true);
                }
                last = i;
            }
        }
    }

    static void removeIslands(boolean[] mask, int minLength) {
        int i = 0;
        while (i < mask.length) {
            if (!mask[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < mask.length && mask[j]) {
                j++;
            }
            if (j - i < minLength) {
                Arrays.fill(mask, i, j, false);
            }
            i = j;
        }
    }

    /** Speech activity of a whole stream: a score and a smoothed speech/non-speech decision per 10 ms frame. */
    public static final class Result {
        /** Score at or above which a frame counts as speech before smoothing. */
        public static final float SPEECH_THRESHOLD = 0.3f;

        private final float[] score;
        private final boolean[] speech;

        Result(float[] score, boolean[] speech) {
            this.score = score;
            this.speech = speech;
        }

        /** A timeline from given speech decisions (for tests and for activity made elsewhere). */
        public static Result ofSpeech(boolean[] speech) {
            float[] score = new float[speech.length];
            for (int i = 0; i < speech.length; i++) {
                score[i] = speech[i] ? 1f : 0f;
            }
            return new Result(score, speech.clone());
        }

        public int frameCount() {
            return speech.length;
        }

        public long durationMs() {
            return (long) speech.length * FRAME_MS;
        }

        /** The unsmoothed speech score of {@code frame}, 0–1. */
        public float score(int frame) {
            return score[frame];
        }

        /** Whether {@code frame} (covering {@code 10·frame .. 10·frame+10 ms}) is speech after smoothing. */
        public boolean isSpeech(int frame) {
            return speech[frame];
        }

        public int speechFrames() {
            int n = 0;
            for (boolean b : speech) {
                if (b) {
                    n++;
                }
            }
            return n;
        }
    }
}
