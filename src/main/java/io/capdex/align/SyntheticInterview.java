package io.capdex.align;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Origin;
import io.capdex.caption.Source;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A made-up interview for tests and {@code capdex bench align}: an edited transcript, the true time of each of its
 * words, and AI-style captions made from it with injected substitutions, deletions, insertions and multi-word
 * mishearings of medical terms, timed on the true word times. The same seed always gives the same interview.
 */
public final class SyntheticInterview {
    /** Known mishearings, meant → heard, English and Spanish. */
    public static final Map<String, String> CONFUSIONS = Map.ofEntries(
            Map.entry("leukemia", "look emia"), Map.entry("blinatumomab", "blina to mo mab"),
            Map.entry("chemotherapy", "keemo therapy"), Map.entry("oncologist", "on college ist"),
            Map.entry("lymphoblastic", "lymph o blastic"), Map.entry("methotrexate", "meth o trex ate"),
            Map.entry("remission", "re mission"), Map.entry("leucemia", "leu semia"),
            Map.entry("quimioterapia", "kimio terapia"), Map.entry("oncóloga", "on cóloga"),
            Map.entry("linfoblástica", "linfo blástica"), Map.entry("remisión", "re misión"));

    private static final String[] EN = ("we you they she he it the a an and but so because when then also really "
            + "very just about after before during with without for from into over under again still never always "
            + "think know remember felt said asked told wanted needed started stopped found helped tried hoped "
            + "doctor nurse hospital family mother father daughter son child children school week month year day "
            + "night morning treatment medicine blood test results scan clinic room team plan question answer "
            + "fear hope pain fever tired strong weak better worse good hard long short first last next little "
            + "much many every other same different important difficult possible careful honest quiet home work "
            + "friends parents brother sister weeks months years hours minutes side effects infection transplant "
            + "marrow bone cells trial study dose drug body heart head hands eyes voice story words").split(" ");
    private static final String[] EN_TERMS = {"leukemia", "blinatumomab", "chemotherapy", "oncologist",
        "lymphoblastic", "methotrexate", "remission"};
    private static final String[] ES = ("nosotros ustedes ellos ella él la el una un y pero porque cuando luego "
            + "también muy solo después antes durante con sin para desde sobre bajo otra vez todavía nunca siempre "
            + "creo sé recuerdo sentí dijo preguntó contó quería necesitaba empezó paró encontró ayudó intentó "
            + "médica enfermera hospital familia madre padre hija hijo niña niños escuela semana mes año día noche "
            + "mañana tratamiento medicina sangre prueba resultados clínica equipo plan pregunta respuesta miedo "
            + "esperanza dolor fiebre cansada fuerte débil mejor peor bueno difícil largo corto primero último "
            + "siguiente poco mucho cada otro mismo diferente importante posible casa trabajo amigos padres "
            + "hermano hermana semanas meses años horas minutos efectos infección trasplante médula hueso "
            + "células ensayo estudio dosis cuerpo corazón manos ojos voz historia palabras").split(" ");
    private static final String[] ES_TERMS = {"leucemia", "blinatumomab", "quimioterapia", "oncóloga",
        "linfoblástica", "remisión"};
    private static final String[] FILLERS = {"uh", "um", "you know", "like"};

    private final String transcript;
    private final Track captions;
    private final long[] wordStartMs;
    private final int referenceWords;
    private final int injectedErrors;
    private final List<AlignmentReport.Misheard> injected;

    private SyntheticInterview(String transcript, Track captions, long[] wordStartMs, int referenceWords,
                               int injectedErrors, List<AlignmentReport.Misheard> injected) {
        this.transcript = transcript;
        this.captions = captions;
        this.wordStartMs = wordStartMs;
        this.referenceWords = referenceWords;
        this.injectedErrors = injectedErrors;
        this.injected = List.copyOf(injected);
    }

    /**
     * A random interview of about {@code words} words between an interviewer and a doctor.
     *
     * @param language {@code en} or {@code es}
     * @param errorRate the share of transcript words the captions get wrong (about; each error is isolated)
     */
    public static SyntheticInterview generate(int words, long seed, String language, double errorRate) {
        Random random = new Random(seed);
        boolean spanish = language.startsWith("es");
        String[] vocabulary = spanish ? ES : EN;
        String[] terms = spanish ? ES_TERMS : EN_TERMS;
        String[] speakers = spanish ? new String[] {"Entrevistadora", "Dra. Ruiz"}
                : new String[] {"Interviewer", "Dr Hakobyan"};
        StringBuilder text = new StringBuilder();
        int count = 0;
        int turn = 0;
        while (count < words) {
            text.append(speakers[turn % 2]).append(": ");
            int sentences = 1 + random.nextInt(turn % 2 == 0 ? 2 : 5);
            for (int s = 0; s < sentences && count < words; s++) {
                int length = 5 + random.nextInt(14);
                for (int w = 0; w < length; w++) {
                    String word = random.nextInt(12) == 0 ? terms[random.nextInt(terms.length)]
                            : vocabulary[random.nextInt(vocabulary.length)];
                    if (w == 0) {
                        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    }
                    text.append(word);
                    if (w == length - 1) {
                        text.append(turn % 2 == 0 && s == sentences - 1 ? "?" : ".");
                    } else if (random.nextInt(9) == 0) {
                        text.append(',');
                    }
                    text.append(' ');
                    count++;
                }
            }
            text.setLength(text.length() - 1);
            text.append("\n\n");
            turn++;
        }
        return fromTranscript(text.toString(), seed, language, errorRate);
    }

    /**
     * Captions for a given transcript. Words are spoken at about 150 a minute (longer words take longer), with
     * pauses after commas, sentences and speaker turns; cues hold 5 to 12 words and carry their word timings only
     * when {@code wordTimings} is set, else just the cue span.
     */
    public static SyntheticInterview fromTranscript(String transcriptText, long seed, String language,
                                                    double errorRate) {
        return fromTranscript(transcriptText, seed, language, errorRate, false);
    }

    public static SyntheticInterview fromTranscript(String transcriptText, long seed, String language,
                                                    double errorRate, boolean wordTimings) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        TranscriptText parsed = TranscriptText.parse(transcriptText);
        List<String> ref = new ArrayList<>();
        List<Boolean> pauseAfter = new ArrayList<>();
        List<Long> pauseMs = new ArrayList<>();
        for (TranscriptText.Paragraph p : parsed.paragraphs()) {
            for (int t = 0; t < p.tokens().size(); t++) {
                TranscriptText.Token token = p.tokens().get(t);
                for (int w = 0; w < token.words().size(); w++) {
                    ref.add(token.words().get(w));
                    boolean lastOfToken = w == token.words().size() - 1;
                    char end = token.text().charAt(token.text().length() - 1);
                    long pause = !lastOfToken ? 20 : t == p.tokens().size() - 1 ? 1200 + random.nextInt(1500)
                            : (end == '.' || end == '?' || end == '!') ? 350 + random.nextInt(400)
                            : end == ',' ? 150 + random.nextInt(150) : 40 + random.nextInt(60);
                    pauseMs.add(pause);
                    pauseAfter.add(pause >= 1000);
                }
            }
        }
        long[] start = new long[ref.size()];
        long[] end = new long[ref.size()];
        long t = 500;
        for (int i = 0; i < ref.size(); i++) {
            start[i] = t;
            end[i] = t + 110 + 55L * ref.get(i).length();
            t = end[i] + pauseMs.get(i);
        }
        List<String> heard = new ArrayList<>();
        List<long[]> heardTimes = new ArrayList<>();
        List<Boolean> breakAfter = new ArrayList<>();
        List<AlignmentReport.Misheard> injected = new ArrayList<>();
        int errors = 0;
        int quiet = 2; // edits are at least three clean words apart, so that the minimum distance is their sum
        String[] vocabulary = language.startsWith("es") ? ES : EN;
        for (int i = 0; i < ref.size(); i++) {
            String word = ref.get(i);
            boolean edit = quiet <= 0 && i + 3 < ref.size() && random.nextDouble() < errorRate * 1.6;
            String confusion = CONFUSIONS.get(word);
            if (edit && confusion != null) {
                String[] parts = confusion.split(" ");
                for (int k = 0; k < parts.length; k++) {
                    long span = end[i] - start[i];
                    heard.add(parts[k]);
                    heardTimes.add(new long[] {start[i] + span * k / parts.length,
                        start[i] + span * (k + 1) / parts.length});
                    breakAfter.add(k == parts.length - 1 && pauseAfter.get(i));
                }
                injected.add(new AlignmentReport.Misheard(confusion, word, 1));
                errors += parts.length;
                quiet = 3;
                continue;
            }
            int kind = edit ? random.nextInt(3) : -1;
            if (kind == 0) { // substitution by a different word that is not a neighbour either
                String other;
                do {
                    other = vocabulary[random.nextInt(vocabulary.length)];
                } while (other.equals(word) || (i > 0 && other.equals(ref.get(i - 1)))
                        || other.equals(ref.get(i + 1)) || other.contains(" "));
                heard.add(other);
                heardTimes.add(new long[] {start[i], end[i]});
                breakAfter.add(pauseAfter.get(i));
                injected.add(new AlignmentReport.Misheard(other, word, 1));
                errors++;
                quiet = 3;
            } else if (kind == 1) { // deletion
                errors++;
                quiet = 3;
                if (pauseAfter.get(i) && !breakAfter.isEmpty()) {
                    breakAfter.set(breakAfter.size() - 1, true);
                }
            } else {
                if (kind == 2) { // insertion of a one-word filler in the pause before the word
                    String filler = FILLERS[random.nextInt(2)];
                    long from = i > 0 ? end[i - 1] : Math.max(0, start[i] - 200);
                    heard.add(filler);
                    heardTimes.add(new long[] {from, Math.max(from, start[i])});
                    breakAfter.add(false);
                    errors++;
                    quiet = 3;
                } else {
                    quiet--;
                }
                heard.add(word);
                heardTimes.add(new long[] {start[i], end[i]});
                breakAfter.add(pauseAfter.get(i));
            }
        }
        List<Cue> cues = new ArrayList<>();
        int from = 0;
        int target = 5 + random.nextInt(8);
        for (int k = 0; k < heard.size(); k++) {
            if (k == heard.size() - 1 || breakAfter.get(k) || k - from + 1 >= target) {
                StringBuilder text = new StringBuilder();
                List<Word> words = new ArrayList<>();
                for (int w = from; w <= k; w++) {
                    text.append(w > from ? " " : "").append(heard.get(w));
                    words.add(new Word(heardTimes.get(w)[0], heardTimes.get(w)[1], heard.get(w)));
                }
                Cue cue = new Cue(new TimeSpan(heardTimes.get(from)[0], heardTimes.get(k)[1]), null,
                        Cue.linesOf(text.toString()), null, wordTimings ? words : List.of(), Map.of());
                cues.add(cue);
                from = k + 1;
                target = 5 + random.nextInt(8);
            }
        }
        Track track = new Track(language, Source.ASR, cues, List.of(), List.of(),
                Origin.of(Format.VTT));
        return new SyntheticInterview(transcriptText, track, start, ref.size(), errors, injected);
    }

    /** The edited transcript as plain text with speaker labels and paragraphs. */
    public String transcript() {
        return transcript;
    }

    /** The AI-style captions. */
    public Track captions() {
        return captions;
    }

    /** When each normalised transcript word really starts, in ms. */
    public long[] wordStartMs() {
        return Arrays.copyOf(wordStartMs, wordStartMs.length);
    }

    /** Normalised transcript words. */
    public int referenceWords() {
        return referenceWords;
    }

    /** The edit distance the injected errors add up to. */
    public int injectedErrors() {
        return injectedErrors;
    }

    /** The injected word errors as (heard, meant) pairs, in order, count 1 each. */
    public List<AlignmentReport.Misheard> injected() {
        return injected;
    }
}
