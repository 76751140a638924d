package io.capdex.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The global fit: every offset within ±maxOffset at once, for every common frame-rate ratio, by FFT
 * cross-correlation of the zero-mean speech and caption activity signals.
 *
 * <p>The search runs on 40 ms frames (four activity frames averaged): a one-hour interview is then a 2^18-point
 * transform per ratio, so all thirteen ratios cost well under 100 ms, and the 40 ms grid only has to land
 * within two frames of the truth because the offset is refined afterwards on 10 ms frames
 * ({@link CueFit#refine}). The same correlation on windows of the caption timeline gives the candidate offsets
 * for splits ({@link #windowCandidates}). One instance per fit; not thread-safe (it caches FFT plans).
 */
final class OffsetSearch {

    /** Activity frames per search frame: 4 × 10 ms = 40 ms. */
    static final int DECIMATION = 4;
    static final int SEARCH_FRAME_MS = SpeechActivity.FRAME_MS * DECIMATION;

    private static final double FILM = 24000.0 / 1001;
    private static final double NTSC = 30000.0 / 1001;
    /**
     * Caption-to-video time ratios worth trying: captions timed for one common frame rate played against a
     * video conformed to another (23.976 ↔ 24, 24 ↔ 25, 23.976 ↔ 25, 25 ↔ 29.97, 29.97 ↔ 30), both ways.
     */
    static final double[] SCALES = {
        1.0,
        FILM / 24, 24 / FILM,
        24.0 / 25, 25.0 / 24,
        FILM / 25, 25 / FILM,
        25 / NTSC, NTSC / 25,
        NTSC / 30, 30 / NTSC,
    };

    /** One correlation peak: caption frame f (40 ms) lands on speech frame f + lag after scaling. */
    record Peak(double scale, int lag, double value, double runnerUp) {
        long offsetMs() {
            return (long) lag * SEARCH_FRAME_MS;
        }

        /** How much the peak stands out from the best offset more than a second away: 0 (tie) to 1. */
        double distinctness() {
            if (value <= 0) {
                return 0;
            }
            return Math.max(0, Math.min(1, 1 - Math.max(0, runnerUp) / value));
        }
    }

    static {
        // One thread per transform: batch ingest already runs interviews in parallel, so FFT worker threads
        // would only compete with them (and JTransforms' pool is process-wide). This package is its only user.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final Map<Integer, DoubleFFT_1D> plans = new HashMap<>();

    /** Averages blocks of {@link #DECIMATION} frames. */
    static double[] decimate(float[] x) {
        double[] out = new double[(x.length + DECIMATION - 1) / DECIMATION];
        for (int i = 0; i < x.length; i++) {
            out[i / DECIMATION] += x[i] * (1.0 / DECIMATION);
        }
        return out;
    }

    /**
     * The best offset for each scale, best first.
     *
     * @param speech the speech signal on search frames
     * @param captions the caption signal on search frames at each scale, in the order of {@code scales}
     * @param maxLag the largest |lag| in search frames
     */
    List<Peak> global(double[] speech, List<double[]> captions, double[] scales, int maxLag) {
        int longest = speech.length;
        for (double[] c : captions) {
            longest = Math.max(longest, c.length);
        }
        int n = Integer.highestOneBit(Math.max(2, longest + maxLag + 1) - 1) << 1;
        double[] x = zeroMeanPadded(speech, n);
        double xNorm = norm(x);
        plan(n).realForward(x);
        List<Peak> peaks = new ArrayList<>();
        for (int s = 0; s < scales.length; s++) {
            double[] y = zeroMeanPadded(captions.get(s), n);
            double yNorm = norm(y);
            if (xNorm == 0 || yNorm == 0) {
                peaks.add(new Peak(scales[s], 0, 0, 0));
                continue;
            }
            plan(n).realForward(y);
            double[] r = crossSpectrumInverse(x, y, n);
            peaks.add(peakOf(scales[s], r, n, maxLag, 1 / (xNorm * yNorm)));
        }
        peaks.sort(Comparator.comparingDouble(Peak::value).reversed());
        return peaks;
    }

    /** The normalised correlation restricted to one stretch of captions (a segment), with its own peak. */
    Peak local(double[] speech, double[] captions, double scale, int maxLag) {
        return global(speech, List.of(captions), new double[] {scale}, maxLag).get(0);
    }

    /**
     * Offsets that some stretch of the captions prefers: windows of {@code windowLength} search frames (half
     * overlapping) are correlated with the speech around them, and each window's best one or two peaks are
     * collected. Returns lags in search frames with their summed support, strongest first.
     */
    List<double[]> windowCandidates(double[] speech, double[] captions, int maxLag, int windowLength) {
        double mean = 0;
        for (double v : speech) {
            mean += v;
        }
        mean /= Math.max(1, speech.length);
        int span = windowLength + 2 * maxLag;
        int n = Integer.highestOneBit(Math.max(2, span + windowLength) - 1) << 1;
        Map<Integer, Double> support = new HashMap<>();
        for (int a = 0; a < captions.length; a += windowLength / 2) {
            int len = Math.min(windowLength, captions.length - a);
            double active = 0;
            for (int i = 0; i < len; i++) {
                active += captions[a + i];
            }
            // Fewer than ~3 s of captions in a window cannot vote reliably.
            if (active * SEARCH_FRAME_MS < 3000) {
                continue;
            }
            double[] y = new double[n];
            double yMean = active / len;
            for (int i = 0; i < len; i++) {
                y[i] = captions[a + i] - yMean;
            }
            double[] x = new double[n];
            for (int i = 0; i < span; i++) {
                int f = a - maxLag + i;
                x[i] = f >= 0 && f < speech.length ? speech[f] - mean : 0;
            }
            double yNorm = norm(y);
            double xNorm = norm(x) * Math.sqrt((double) len / span);
            if (yNorm == 0 || xNorm == 0) {
                continue;
            }
            plan(n).realForward(x);
            plan(n).realForward(y);
            double[] r = crossSpectrumInverse(x, y, n);
            // r[j] = sum_f x[f + j] y[f]; x starts maxLag frames early, so lag d sits at index d + maxLag.
            double best = Double.NEGATIVE_INFINITY;
            int bestLag = 0;
            for (int d = -maxLag; d <= maxLag; d++) {
                if (r[d + maxLag] > best) {
                    best = r[d + maxLag];
                    bestLag = d;
                }
            }
            double second = Double.NEGATIVE_INFINITY;
            int secondLag = 0;
            for (int d = -maxLag; d <= maxLag; d++) {
                if (Math.abs(d - bestLag) > 1000 / SEARCH_FRAME_MS && r[d + maxLag] > second
                        && isLocalMax(r, d + maxLag)) {
                    second = r[d + maxLag];
                    secondLag = d;
                }
            }
            double scale = 1 / (xNorm * yNorm);
            if (best > 0) {
                support.merge(bestLag, best * scale, Double::sum);
            }
            if (second > 0.7 * best) {
                support.merge(secondLag, second * scale * 0.5, Double::sum);
            }
        }
        List<double[]> out = new ArrayList<>();
        support.forEach((lag, w) -> out.add(new double[] {lag, w}));
        out.sort(Comparator.comparingDouble((double[] c) -> c[1]).reversed());
        return out;
    }

    private static boolean isLocalMax(double[] r, int i) {
        return (i == 0 || r[i] >= r[i - 1]) && (i == r.length - 1 || r[i] >= r[i + 1]);
    }

    private DoubleFFT_1D plan(int n) {
        return plans.computeIfAbsent(n, DoubleFFT_1D::new);
    }

    private static double[] zeroMeanPadded(double[] v, int n) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= Math.max(1, v.length);
        double[] out = new double[n];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - mean;
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Inverse transform of X · conj(Y) in JTransforms' packed real layout: r[j] = sum_f x[f + j] y[f]. */
    private double[] crossSpectrumInverse(double[] xf, double[] yf, int n) {
        double[] r = new double[n];
        r[0] = xf[0] * yf[0];
        r[1] = xf[1] * yf[1];
        for (int k = 1; k < n / 2; k++) {
            double xr = xf[2 * k];
            double xi = xf[2 * k + 1];
            double yr = yf[2 * k];
            double yi = yf[2 * k + 1];
            r[2 * k] = xr * yr + xi * yi;
            r[2 * k + 1] = xi * yr - xr * yi;
        }
        plan(n).realInverse(r, true);
        return r;
    }

    private static Peak peakOf(double scale, double[] r, int n, int maxLag, double norm) {
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = 0;
        for (int d = -maxLag; d <= maxLag; d++) {
            double v = r[Math.floorMod(d, n)];
            // Ties go to the smaller |lag| so a perfect file never drifts off zero.
            if (v > best || (v == best && Math.abs(d) < Math.abs(bestLag))) {
                best = v;
                bestLag = d;
            }
        }
        double runner = Double.NEGATIVE_INFINITY;
        int guard = 1000 / SEARCH_FRAME_MS;
        for (int d = -maxLag; d <= maxLag; d++) {
            if (Math.abs(d - bestLag) > guard) {
                runner = Math.max(runner, r[Math.floorMod(d, n)]);
            }
        }
        if (runner == Double.NEGATIVE_INFINITY) {
            runner = 0;
        }
        return new Peak(scale, bestLag, best * norm, runner * norm);
    }
}
