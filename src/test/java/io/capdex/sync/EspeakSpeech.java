package io.capdex.sync;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Assumptions;

/**
 * Real synthesised speech for tests: each sentence spoken by espeak-ng, trimmed to its audible part,
 * resampled to 16 kHz and placed at a known time with 0.4–3 s pauses between sentences.
 *
 * <p>espeak-ng is a test-time tool only. When it is missing the calling tests are skipped, except under
 * {@code CI=true}, where CI installs it and its absence is a failure.
 */
final class EspeakSpeech {

    static final List<String> ENGLISH = List.of(
            "Thank you for joining us today to talk about your treatment.",
            "When did you first notice the symptoms?",
            "It started about two years ago, with a cough that would not go away.",
            "My doctor sent me for a chest x-ray, and then a scan.",
            "What did the oncologist tell you at that first appointment?",
            "She explained that the tumour was small and had not spread.",
            "We talked about surgery, radiation and a clinical trial.",
            "How did you decide which option was right for you?",
            "I asked a lot of questions, and my family helped me think it through.",
            "The nurse gave me a notebook to write down every dose.",
            "Were there side effects from the chemotherapy?",
            "Yes, I was tired most afternoons, and food tasted like metal.",
            "Drinking plenty of water and walking every morning helped a lot.",
            "What would you tell someone who has just been diagnosed?",
            "Take a friend to every appointment, because you will forget things.",
            "Ask about support groups; talking to other patients made me less afraid.",
            "Keep a list of your medicines and show it to every new doctor.",
            "How are you feeling now, two years later?",
            "My last scan was clear, and I am back at work three days a week.",
            "I still see my care team every six months for a check up.",
            "Is there anything you wish you had known at the start?",
            "That it is fine to ask for a second opinion, nobody was offended.",
            "And that recovery is slow, so be patient with yourself.",
            "Thank you for sharing your story with us.");

    static final List<String> SPANISH = List.of(
            "Gracias por acompañarnos hoy para hablar de su tratamiento.",
            "¿Cuándo notó los primeros síntomas?",
            "Empezó hace unos dos años, con una tos que no se iba.",
            "Mi médica me mandó a hacer una radiografía y después un escáner.",
            "¿Qué le dijo la oncóloga en la primera consulta?",
            "Me explicó que el tumor era pequeño y no se había extendido.",
            "Hablamos de cirugía, de radioterapia y de un ensayo clínico.",
            "¿Tuvo efectos secundarios con la quimioterapia?",
            "Sí, estaba cansada por las tardes y la comida sabía a metal.",
            "Beber mucha agua y caminar cada mañana me ayudó bastante.",
            "¿Qué le diría a alguien que acaba de recibir el diagnóstico?",
            "Que vaya siempre acompañado a las citas, porque se olvidan cosas.",
            "Que pregunte por los grupos de apoyo; hablar con otros pacientes ayuda.",
            "¿Cómo se encuentra ahora, dos años después?",
            "Mi último escáner salió limpio y he vuelto a trabajar tres días por semana.",
            "Gracias por compartir su historia con nosotros.");

    private EspeakSpeech() {
    }

    /** Skips the calling test when espeak-ng is missing, or fails under CI=true. */
    static void requireEspeak() {
        boolean present;
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("espeak-ng is not installed, but CI=true requires the real-speech sync tests to run");
        }
        Assumptions.assumeTrue(present, "espeak-ng is not installed: skipping the real-speech sync tests"
                + " (apt-get install espeak-ng to run them)");
    }

    /**
     * The sentences spoken alternately by two voices of {@code language} ({@code en-us}: a male and a female
     * variant), with seeded pauses, after a 6 s lead-in; optionally over a music bed and room noise.
     */
    static TestAudio speak(String language, List<String> sentences, long seed, boolean musicBed, boolean roomNoise)
            throws IOException, InterruptedException {
        Random rnd = new Random(seed);
        List<float[]> clips = new ArrayList<>();
        Path dir = Files.createTempDirectory("capdex-espeak");
        try {
            for (int i = 0; i < sentences.size(); i++) {
                Path wav = dir.resolve(i + ".wav");
                String voice = i % 3 == 2 ? language + "+f3" : language;
                Process p = new ProcessBuilder("espeak-ng", "-v", voice, "-s", "165", "-w", wav.toString(),
                        sentences.get(i)).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    throw new IOException("espeak-ng failed on sentence " + i);
                }
                clips.add(trim(read16k(wav)));
                Files.delete(wav);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        int total = TestAudio.RATE * 8;
        for (float[] c : clips) {
            total += c.length + TestAudio.RATE * 3;
        }
        float[] audio = new float[total];
        List<TestAudio.Utterance> truth = new ArrayList<>();
        int pos = TestAudio.RATE * 6;
        for (int i = 0; i < clips.size(); i++) {
            float[] c = clips.get(i);
            System.arraycopy(c, 0, audio, pos, c.length);
            truth.add(new TestAudio.Utterance(pos * 1000L / TestAudio.RATE, (pos + c.length) * 1000L / TestAudio.RATE,
                    sentences.get(i)));
            pos += c.length + TestAudio.RATE * (400 + rnd.nextInt(2600)) / 1000;
        }
        audio = java.util.Arrays.copyOf(audio, pos + TestAudio.RATE * 2);
        if (musicBed) {
            TestAudio.addMusic(audio, 0, audio.length, 0.05f, false, rnd);
        }
        if (roomNoise) {
            TestAudio.addNoise(audio, 0.008f, rnd);
        }
        return new TestAudio(TestAudio.toPcm(audio), truth);
    }

    /** Reads a 16-bit mono WAV and resamples it to 16 kHz by linear interpolation. */
    private static float[] read16k(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(Files.readAllBytes(wav)))) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
                throw new IOException("expected 16-bit mono from espeak-ng, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            int n = bytes.length / 2;
            float[] src = new float[n];
            for (int i = 0; i < n; i++) {
                int lo = bytes[2 * i] & 0xff;
                int hi = bytes[2 * i + 1];
                int v = f.isBigEndian() ? (lo << 8) | (hi & 0xff) : (hi << 8) | lo;
                src[i] = (short) v / 32768f;
            }
            double ratio = f.getSampleRate() / TestAudio.RATE;
            float[] out = new float[(int) (n / ratio)];
            for (int i = 0; i < out.length; i++) {
                double x = i * ratio;
                int k = (int) x;
                double frac = x - k;
                out[i] = (float) (src[k] * (1 - frac) + (k + 1 < n ? src[k + 1] : 0) * frac);
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /** Cuts leading and trailing silence: the truth is when the sentence is audible. */
    private static float[] trim(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        float threshold = peak * 0.03f;
        int a = 0;
        while (a < x.length && Math.abs(x[a]) < threshold) {
            a++;
        }
        int b = x.length;
        while (b > a && Math.abs(x[b - 1]) < threshold) {
            b--;
        }
        return java.util.Arrays.copyOfRange(x, a, b);
    }
}
