package io.capdex.sync;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ground truth for sync tests: 16 kHz audio with utterances at known times, and caption variants made from it.
 *
 * <p>Synthetic speech is formant synthesis: a glottal pulse train at the voice's pitch through three
 * resonators (F1–F3) that change per syllable, with a raised-cosine envelope per syllable (120–260 ms, so the
 * energy is modulated at 4–8 Hz like speech), occasional fricative noise onsets, short gaps between words and
 * 0.4–3 s pauses between sentences. Two voices differ in pitch (≈120 Hz and ≈215 Hz).
 */
final class TestAudio {

    static final int RATE = 16_000;

    /** A sentence as spoken: where it is in the audio. */
    record Utterance(long startMs, long endMs, String text) {
    }

    final short[] pcm;
    final List<Utterance> truth;

    TestAudio(short[] pcm, List<Utterance> truth) {
        this.pcm = pcm;
        this.truth = List.copyOf(truth);
    }

    long durationMs() {
        return pcm.length * 1000L / RATE;
    }

    /** Synthetic speech: {@code sentences} sentences after a lead-in, optionally over music and room noise. */
    static TestAudio synthetic(long seed, int sentences, boolean musicBed, boolean roomNoise) {
        Random rnd = new Random(seed);
        float[] out = new float[RATE * (8 + sentences * 6)];
        List<Utterance> truth = new ArrayList<>();
        int pos = RATE * (5 + rnd.nextInt(3));
        for (int s = 0; s < sentences; s++) {
            boolean voiceB = rnd.nextInt(3) == 0;
            double f0 = voiceB ? 200 + rnd.nextInt(30) : 110 + rnd.nextInt(20);
            int start = pos;
            int syllables = 5 + rnd.nextInt(12);
            for (int k = 0; k < syllables; k++) {
                int len = RATE * (120 + rnd.nextInt(140)) / 1000;
                syllable(out, pos, len, f0 * (1 - 0.1 * k / syllables), rnd);
                pos += len;
                // Word gaps: most syllables run together, some are followed by a short stop.
                if (k < syllables - 1) {
                    pos += rnd.nextInt(4) == 0 ? RATE * (40 + rnd.nextInt(90)) / 1000 : RATE * rnd.nextInt(20) / 1000;
                }
            }
            truth.add(new Utterance(start * 1000L / RATE, pos * 1000L / RATE, "sentence " + (s + 1)));
            pos += RATE * (400 + rnd.nextInt(2600)) / 1000;
        }
        int length = pos + RATE * 2;
        float[] audio = java.util.Arrays.copyOf(out, length);
        if (musicBed) {
            addMusic(audio, 0, length, 0.06f, false, rnd);
        }
        if (roomNoise) {
            addNoise(audio, 0.01f, rnd);
        }
        return new TestAudio(toPcm(audio), truth);
    }

    /** Music only: sustained chords with a plucked melody over them, for {@code seconds} seconds. */
    static TestAudio music(long seed, int seconds) {
        float[] audio = new float[RATE * seconds];
        addMusic(audio, 0, audio.length, 0.15f, true, new Random(seed));
        return new TestAudio(toPcm(audio), List.of());
    }

    /** Sustained chords only (a music bed without anything on top), for {@code seconds} seconds. */
    static TestAudio chords(long seed, int seconds) {
        float[] audio = new float[RATE * seconds];
        addMusic(audio, 0, audio.length, 0.15f, false, new Random(seed));
        return new TestAudio(toPcm(audio), List.of());
    }

    /** The fraction of frames inside utterances that are speech, and of frames outside that are speech. */
    double[] detection(SpeechActivity.Result activity) {
        boolean[] inside = new boolean[activity.frameCount()];
        for (Utterance u : truth) {
            for (long f = u.startMs() / 10; f < u.endMs() / 10 && f < inside.length; f++) {
                inside[(int) f] = true;
            }
        }
        int in = 0;
        int inSpeech = 0;
        int out = 0;
        int outSpeech = 0;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                in++;
                inSpeech += activity.isSpeech(i) ? 1 : 0;
            } else {
                out++;
                outSpeech += activity.isSpeech(i) ? 1 : 0;
            }
        }
        return new double[] {in == 0 ? 0 : (double) inSpeech / in, out == 0 ? 0 : (double) outSpeech / out};
    }

    private static void syllable(float[] out, int at, int len, double f0, Random rnd) {
        double[] formants = {300 + rnd.nextInt(500), 900 + rnd.nextInt(1400), 2400 + rnd.nextInt(600)};
        double[][] state = new double[3][2];
        double[][] coef = new double[3][];
        for (int i = 0; i < 3; i++) {
            coef[i] = resonator(formants[i], 90 + 30 * i);
        }
        double amp = 0.08 + 0.07 * rnd.nextDouble();
        int fricative = rnd.nextInt(3) == 0 ? RATE * 50 / 1000 : 0;
        double[] voiced = new double[len];
        double phase = 0;
        double energy = 0;
        for (int n = 0; n < len; n++) {
            phase += f0 / RATE;
            double y = 0;
            if (phase >= 1) {
                phase -= 1;
                y = 1;
            }
            for (int i = 0; i < 3; i++) {
                double v = coef[i][0] * y + coef[i][1] * state[i][0] + coef[i][2] * state[i][1];
                state[i][1] = state[i][0];
                state[i][0] = v;
                y = v;
            }
            voiced[n] = y;
            energy += y * y;
        }
        // Normalise the voiced part to unit RMS: the resonators' gain depends on the formants drawn.
        double norm = energy > 0 ? Math.sqrt(len / energy) : 0;
        for (int n = 0; n < len && at + n < out.length; n++) {
            double env = Math.sin(Math.PI * n / len);
            env *= env;
            double noise = n < fricative ? (rnd.nextDouble() - 0.5) * 0.6 * (1 - (double) n / fricative) : 0;
            out[at + n] += (float) (amp * (env * voiced[n] * norm + noise));
        }
    }

    /** A two-pole resonator with unit gain at its centre frequency. */
    private static double[] resonator(double freq, double bandwidth) {
        double r = Math.exp(-Math.PI * bandwidth / RATE);
        double theta = 2 * Math.PI * freq / RATE;
        double a1 = 2 * r * Math.cos(theta);
        double a2 = -r * r;
        return new double[] {1 - r, a1, a2};
    }

    static void addMusic(float[] audio, int from, int to, float level, boolean melody, Random rnd) {
        double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}, {164.8, 207.7, 246.9}};
        int chordLen = RATE * 4;
        double[] phases = new double[12];
        double melodyPhase = 0;
        double melodyFreq = 440;
        int noteStart = from;
        int noteLen = RATE / 3;
        for (int n = from; n < to; n++) {
            int c = ((n - from) / chordLen) % chords.length;
            int into = (n - from) % chordLen;
            double fade = Math.min(1, Math.min(into, chordLen - into) / (0.3 * RATE));
            double v = 0;
            for (int i = 0; i < 3; i++) {
                for (int h = 1; h <= 4; h++) {
                    int p = i * 4 + h - 1;
                    phases[p] += chords[c][i] * h / RATE;
                    v += Math.sin(2 * Math.PI * phases[p]) / (h * h);
                }
            }
            v *= 0.3 + 0.7 * fade;
            if (melody) {
                if (n - noteStart >= noteLen) {
                    noteStart = n;
                    noteLen = RATE * (250 + rnd.nextInt(250)) / 1000;
                    melodyFreq = 330 * Math.pow(2, rnd.nextInt(12) / 12.0);
                }
                melodyPhase += melodyFreq / RATE;
                double decay = Math.exp(-6.0 * (n - noteStart) / RATE);
                v += 1.5 * decay * (Math.sin(2 * Math.PI * melodyPhase) + 0.3 * Math.sin(4 * Math.PI * melodyPhase));
            }
            audio[n] += (float) (level * v);
        }
    }

    static void addNoise(float[] audio, float level, Random rnd) {
        double low = 0;
        for (int n = 0; n < audio.length; n++) {
            double white = rnd.nextGaussian();
            low = 0.9 * low + 0.1 * white;
            audio[n] += (float) (level * (0.6 * white + 2 * low));
        }
    }

    static short[] toPcm(float[] audio) {
        short[] pcm = new short[audio.length];
        for (int i = 0; i < audio.length; i++) {
            pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(audio[i] * 32767)));
        }
        return pcm;
    }

    /** The same audio with {@code lengthMs} of other material inserted at the first pause after {@code atMs}. */
    TestAudio withInsert(long atMs, long lengthMs, short[] material) {
        int k = 0;
        while (k < truth.size() && truth.get(k).startMs() < atMs) {
            k++;
        }
        long insertAt = (truth.get(k - 1).endMs() + truth.get(k).startMs()) / 2;
        int at = (int) (insertAt * RATE / 1000);
        int len = (int) (lengthMs * RATE / 1000);
        short[] out = new short[pcm.length + len];
        System.arraycopy(pcm, 0, out, 0, at);
        for (int i = 0; i < len; i++) {
            out[at + i] = material.length == 0 ? 0 : material[i % material.length];
        }
        System.arraycopy(pcm, at, out, at + len, pcm.length - at);
        List<Utterance> moved = new ArrayList<>();
        for (Utterance u : truth) {
            moved.add(u.startMs() >= insertAt
                    ? new Utterance(u.startMs() + lengthMs, u.endMs() + lengthMs, u.text()) : u);
        }
        return new TestAudio(out, moved);
    }

    /**
     * The same audio with the pauses-to-pause stretch holding utterances [first, last] cut out (material removed
     * from the video). The truth keeps only the utterances that remain.
     */
    TestAudio withCut(int first, int last) {
        long fromMs = (truth.get(first - 1).endMs() + truth.get(first).startMs()) / 2;
        long toMs = (truth.get(last).endMs() + truth.get(last + 1).startMs()) / 2;
        int from = (int) (fromMs * RATE / 1000);
        int to = (int) (toMs * RATE / 1000);
        short[] out = new short[pcm.length - (to - from)];
        System.arraycopy(pcm, 0, out, 0, from);
        System.arraycopy(pcm, to, out, from, pcm.length - to);
        long removed = (to - from) * 1000L / RATE;
        List<Utterance> kept = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            Utterance u = truth.get(i);
            if (i < first) {
                kept.add(u);
            } else if (i > last) {
                kept.add(new Utterance(u.startMs() - removed, u.endMs() - removed, u.text()));
            }
        }
        return new TestAudio(out, kept);
    }

    /** Runs the detector over the audio in blocks of varying size, as a decoder would deliver them. */
    SpeechActivity.Result activity() {
        SpeechActivity vad = new SpeechActivity();
        short[] block = new short[4096];
        int pos = 0;
        int size = 1024;
        while (pos < pcm.length) {
            int n = Math.min(size, pcm.length - pos);
            System.arraycopy(pcm, pos, block, 0, n);
            vad.accept(block, n);
            pos += n;
            size = size == 1024 ? 4096 : size == 4096 ? 333 : 1024;
        }
        return vad.result();
    }

    /** Captions at the true times. */
    Track captions() {
        return captions(1, 0);
    }

    /** Captions timed {@code t * scale + offsetMs} off the truth (times below 0 clip to 0). */
    Track captions(double scale, long offsetMs) {
        List<Cue> cues = new ArrayList<>();
        for (Utterance u : truth) {
            long s = Math.max(0, Math.round(u.startMs() * scale) + offsetMs);
            long e = Math.max(s, Math.round(u.endMs() * scale) + offsetMs);
            cues.add(Cue.of(s, e, u.text()));
        }
        return Track.of(Format.SRT, cues).withLanguage("en");
    }
}
