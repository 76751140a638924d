package io.capdex.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeechActivityTest {

    private static SpeechActivity.Result feed(short[] pcm, int block) {
        SpeechActivity vad = new SpeechActivity();
        short[] buf = new short[block];
        for (int pos = 0; pos < pcm.length; pos += block) {
            int n = Math.min(block, pcm.length - pos);
            System.arraycopy(pcm, pos, buf, 0, n);
            vad.accept(buf, n);
        }
        return vad.result();
    }

    private static double speechShare(SpeechActivity.Result r) {
        return (double) r.speechFrames() / r.frameCount();
    }

    @Test
    void makesOneFramePer10Ms() {
        SpeechActivity.Result r = feed(new short[16_000 * 3 + 100], 1000);
        assertEquals(300, r.frameCount());
        assertEquals(3000, r.durationMs());
    }

    @Test
    void findsNoSpeechInDigitalSilenceOrDither() {
        assertEquals(0, feed(new short[16_000 * 30], 4096).speechFrames());
        Random rnd = new Random(1);
        short[] dither = new short[16_000 * 30];
        for (int i = 0; i < dither.length; i++) {
            dither[i] = (short) (rnd.nextInt(3) - 1);
        }
        assertEquals(0, feed(dither, 4096).speechFrames());
    }

    @Test
    void givesTheSameResultWhateverTheBlockSize() {
        TestAudio audio = TestAudio.synthetic(3, 6, true, true);
        SpeechActivity.Result whole = feed(audio.pcm, audio.pcm.length);
        SpeechActivity.Result small = feed(audio.pcm, 7);
        assertEquals(whole.frameCount(), small.frameCount());
        for (int i = 0; i < whole.frameCount(); i++) {
            assertEquals(whole.isSpeech(i), small.isSpeech(i), "frame " + i);
            assertEquals(whole.score(i), small.score(i), "frame " + i);
        }
    }

    @Test
    void detectsCleanSpeechAndItsPauses() {
        TestAudio audio = TestAudio.synthetic(4, 30, false, false);
        double[] d = audio.detection(audio.activity());
        System.out.printf("clean synthetic: %.3f of speech frames found, %.3f of pause frames called speech%n",
                d[0], d[1]);
        assertTrue(d[0] >= 0.95, () -> "recall " + d[0]);
        assertTrue(d[1] <= 0.05, () -> "false alarms " + d[1]);
    }

    @Test
    void detectsSpeechOverAMusicBedAndRoomNoise() {
        TestAudio audio = TestAudio.synthetic(5, 30, true, true);
        double[] d = audio.detection(audio.activity());
        System.out.printf("music+noise synthetic: %.3f of speech frames found, %.3f of pause frames called speech%n",
                d[0], d[1]);
        assertTrue(d[0] >= 0.9, () -> "recall " + d[0]);
        assertTrue(d[1] <= 0.10, () -> "false alarms " + d[1]);
    }

    @Test
    void rejectsSustainedMusic() {
        SpeechActivity.Result r = TestAudio.chords(6, 120).activity();
        System.out.printf("sustained chords: %.3f of frames called speech%n", speechShare(r));
        assertTrue(speechShare(r) < 0.03, () -> "speech share " + speechShare(r));
    }

    @Test
    void rejectsSteadyHumAndTone() {
        short[] pcm = new short[16_000 * 60];
        for (int i = 0; i < pcm.length; i++) {
            double t = i / 16_000.0;
            pcm[i] = (short) (3000 * Math.sin(2 * Math.PI * 100 * t) + 2000 * Math.sin(2 * Math.PI * 1000 * t));
        }
        assertTrue(feed(pcm, 4096).speechFrames() < 50);
    }

    @Test
    void stillHearsSpeechAfterAMinuteOfRoomTone() {
        TestAudio audio = TestAudio.synthetic(7, 20, false, true);
        // 60 s of the recording's own room tone (its lead-in) before the speech continues.
        short[] tone = java.util.Arrays.copyOfRange(audio.pcm, 0, 16_000 * 4);
        TestAudio longPause = audio.withInsert(audio.durationMs() / 2, 60_000, tone);
        double[] d = longPause.detection(longPause.activity());
        assertTrue(d[0] >= 0.9, () -> "recall " + d[0]);
        assertTrue(d[1] <= 0.05, () -> "false alarms " + d[1]);
    }

    @Test
    void learnsAMusicBedThatStartsMidway() {
        TestAudio speech = TestAudio.synthetic(8, 20, false, true);
        short[] loudBed = TestAudio.chords(9, 40).pcm;
        // Music alone for 40 s in the middle: after it has been learned, little of it may count as speech.
        TestAudio withBed = speech.withInsert(speech.durationMs() / 2, 40_000, loudBed);
        double[] d = withBed.detection(withBed.activity());
        assertTrue(d[0] >= 0.9, () -> "recall " + d[0]);
        assertTrue(d[1] <= 0.05, () -> "false alarms " + d[1]);
    }

    @Test
    void resultsOfSpeechDecisionsCarryThem() {
        boolean[] mask = {false, true, true, false};
        SpeechActivity.Result r = SpeechActivity.Result.ofSpeech(mask);
        assertEquals(4, r.frameCount());
        assertEquals(2, r.speechFrames());
        assertTrue(r.isSpeech(1));
        assertEquals(0f, r.score(0));
    }

    @Test
    void closesShortGapsAndRemovesBlips() {
        boolean[] mask = new boolean[100];
        java.util.Arrays.fill(mask, 10, 30, true);
        java.util.Arrays.fill(mask, 50, 70, true);
        mask[99] = true;
        SpeechActivity.closeGaps(mask, 25);
        SpeechActivity.removeIslands(mask, 10);
        for (int i = 0; i < 100; i++) {
            assertEquals(i >= 10 && i < 70, mask[i], "frame " + i);
        }
    }
}
