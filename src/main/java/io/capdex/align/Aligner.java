package io.capdex.align;

import io.capdex.caption.Cue;
import io.capdex.caption.Qc;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries caption timing onto an edited transcript: the transcript's words and punctuation, timed by the caption
 * words they align with, re-cut into cues that pass QC, plus the accuracy report of the captions.
 *
 * <p>Caption word times come from the cues' word timings when present, else from sharing each cue's time among
 * its words by length. Transcript words linked to caption words (matched, said differently or misheard) take
 * their times; the others are spread over the time between their neighbours by length; times never go
 * backwards. Transcript text the captions do not cover (a longer transcript) is left out and reported.
 */
public final class Aligner {
    /** Unlinked transcript words at either end up to this many are kept and placed next to the captions. */
    private static final int MAX_LOOSE_END_WORDS = 10;
    /** How long an untimed word takes to say: a base plus a share per letter, about 150 words a minute. */
    private static final long SAY_BASE_MS = 110;
    private static final long SAY_PER_CHAR_MS = 55;

    private Aligner() {
    }

    /** Aligns a transcript to a caption track; never throws on content, says what it did in the messages. */
    public static AlignResult align(Track captions, TranscriptText transcript, AlignOptions options) {
        List<String> messages = new ArrayList<>();
        CaptionWords hyp = CaptionWords.of(captions);
        List<String> ref = transcript.words();
        if (ref.isEmpty()) {
            messages.add("the transcript has no words; nothing aligned");
            return new AlignResult(null, null, 0, messages);
        }
        WordAlignment al = WordAligner.align(ref, hyp.words);
        if (hyp.words.isEmpty()) {
            messages.add("the captions have no words; nothing aligned");
            return new AlignResult(null, ErrorRate.report(al, TermLinks.plain(al), ref, hyp.words), 0, messages);
        }
        Quality q = Quality.of(al, ref.size());
        if (q.runShare() < options.minMatchedShare() || q.wer() > options.maxWer()) {
            // no misheard list: between unrelated texts every substitution would be listed, and none is a mishearing
            messages.add(String.format(Locale.ROOT, "the transcript does not fit the captions: %.0f %% of its words "
                    + "match caption words in runs of two or more, WER %.2f; probably the transcript of another "
                    + "interview; no aligned track made", q.runShare() * 100, q.wer()));
            return new AlignResult(null, ErrorRate.report(al, List.of(), ref, hyp.words), 0, messages);
        }
        List<TermLinks.Link> links = TermLinks.of(al, ref, hyp.words);
        AlignmentReport report = ErrorRate.report(al, links, ref, hyp.words);
        long[] start = new long[ref.size()];
        long[] end = new long[ref.size()];
        boolean[] timed = new boolean[ref.size()];
        for (TermLinks.Link l : links) {
            if (l.refFrom() < 0 || l.hypFrom() < 0) {
                continue;
            }
            spread(ref, l.refFrom(), l.refTo(), hyp.startMs[l.hypFrom()], hyp.endMs[l.hypTo() - 1], start, end);
            for (int i = l.refFrom(); i < l.refTo(); i++) {
                timed[i] = true;
            }
        }
        int first = 0;
        while (first < ref.size() && !timed[first]) {
            first++;
        }
        int last = ref.size() - 1;
        while (last >= 0 && !timed[last]) {
            last--;
        }
        int lo = first - (first <= MAX_LOOSE_END_WORDS ? first : 0);
        int hi = ref.size() - 1 - last <= MAX_LOOSE_END_WORDS ? ref.size() - 1 : last;
        coverageMessages(ref.size(), lo, hi, hyp.words.size(), links, messages);
        fill(ref, start, end, timed, sentenceStarts(transcript, ref.size()), lo, hi);
        List<TimedToken> tokens = timedTokens(transcript, start, end, lo, hi);
        List<Cue> cues = Segmenter.segment(tokens, options.profile(), options.fps(), captions.language());
        Track aligned = new Track(captions.language(), Source.ALIGNED, cues, List.of(), List.of(), captions.origin());
        return new AlignResult(aligned, report, (double) (hi - lo + 1) / ref.size(), messages);
    }

    /**
     * Transcript quality over the part the captions cover (from the first to the last transcript word aligned
     * with a caption word): the share of words matched in runs of two or more (single matches are mostly chance
     * collisions of "the" and "and" between unrelated texts), and the WER of that part.
     */
    private record Quality(double runShare, double wer) {
        static Quality of(WordAlignment al, int refWords) {
            int firstStep = -1;
            int lastStep = -1;
            for (int k = 0; k < al.size(); k++) {
                if (al.ref(k) >= 0 && al.hyp(k) >= 0) {
                    firstStep = firstStep < 0 ? k : firstStep;
                    lastStep = k;
                }
            }
            if (firstStep < 0) {
                return new Quality(0, 1);
            }
            int words = 0;
            int errors = 0;
            int inRuns = 0;
            int run = 0;
            for (int k = firstStep; k <= lastStep + 1; k++) {
                WordAlignment.Op op = k <= lastStep ? al.op(k) : WordAlignment.Op.DELETION;
                if (k <= lastStep) {
                    words += op == WordAlignment.Op.INSERTION ? 0 : 1;
                    errors += op == WordAlignment.Op.MATCH ? 0 : 1;
                }
                if (op == WordAlignment.Op.MATCH) {
                    run++;
                } else if (op != WordAlignment.Op.INSERTION || k > lastStep) {
                    inRuns += run >= 2 ? run : 0; // an inserted filler does not break a run of transcript words
                    run = 0;
                }
            }
            return new Quality((double) inRuns / words, (double) errors / words);
        }
    }

    private static void coverageMessages(int refWords, int lo, int hi, int hypWords, List<TermLinks.Link> links,
                                         List<String> messages) {
        if (lo > 0 || hi < refWords - 1) {
            messages.add(String.format(Locale.ROOT, "the captions cover transcript words %d to %d of %d (%.0f %%); "
                    + "%d words before and %d after are left out of the aligned track", lo + 1, hi + 1, refWords,
                    (hi - lo + 1) * 100.0 / refWords, lo, refWords - 1 - hi));
        }
        int leadingHyp = 0;
        for (TermLinks.Link l : links) {
            if (l.refFrom() >= 0) {
                break;
            }
            leadingHyp += l.hypTo() - l.hypFrom();
        }
        int trailingHyp = 0;
        for (int k = links.size() - 1; k >= 0 && links.get(k).refFrom() < 0; k--) {
            trailingHyp += links.get(k).hypTo() - links.get(k).hypFrom();
        }
        if (leadingHyp + trailingHyp > MAX_LOOSE_END_WORDS) {
            messages.add(String.format(Locale.ROOT, "%d caption words before and %d after the transcript's text "
                    + "have no transcript words (%.0f %% of %d)", leadingHyp, trailingHyp,
                    (leadingHyp + trailingHyp) * 100.0 / hypWords, hypWords));
        }
    }

    /** Shares [startMs, endMs] among words [from, to) by their length. */
    static void spread(List<String> words, int from, int to, long startMs, long endMs, long[] start, long[] end) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += words.get(i).length() + 1;
        }
        long span = Math.max(0, endMs - startMs);
        long acc = 0;
        for (int i = from; i < to; i++) {
            start[i] = startMs + span * acc / total;
            acc += words.get(i).length() + 1;
            end[i] = startMs + span * acc / total;
        }
    }

    /**
     * Times the untimed words in [lo, hi] between their neighbours, then makes times non-decreasing. A run of
     * untimed words gets the time it takes to say it (about 150 words a minute) rather than the whole gap, placed
     * against the next timed word when it starts a sentence or a turn (speech resumes after a pause) and against
     * the previous one otherwise.
     */
    private static void fill(List<String> ref, long[] start, long[] end, boolean[] timed, boolean[] sentenceStart,
                             int lo, int hi) {
        int i = lo;
        while (i <= hi) {
            if (timed[i]) {
                i++;
                continue;
            }
            int j = i;
            long sayMs = 0;
            while (j <= hi && !timed[j]) {
                sayMs += SAY_BASE_MS + SAY_PER_CHAR_MS * ref.get(j).length();
                j++;
            }
            long after = j <= hi ? start[j] : (i > lo ? end[i - 1] : 0) + sayMs;
            long before = i > lo ? end[i - 1] : Math.max(0, after - sayMs);
            after = Math.max(before, after);
            if (after - before > sayMs) {
                if (sentenceStart[i] && j <= hi) {
                    before = after - sayMs;
                } else {
                    after = before + sayMs;
                }
            }
            spread(ref, i, j, before, after, start, end);
            i = j;
        }
        long floor = 0;
        for (int k = lo; k <= hi; k++) {
            start[k] = Math.max(start[k], floor);
            end[k] = Math.max(end[k], start[k]);
            floor = end[k];
        }
    }

    /** For each normalised word: does it start a transcript paragraph or follow a sentence end? */
    private static boolean[] sentenceStarts(TranscriptText transcript, int words) {
        boolean[] out = new boolean[words];
        int word = 0;
        for (TranscriptText.Paragraph p : transcript.paragraphs()) {
            boolean next = true;
            for (TranscriptText.Token t : p.tokens()) {
                if (!t.words().isEmpty()) {
                    out[word] = next;
                    word += t.words().size();
                    next = false;
                }
                String text = t.text();
                char last = text.charAt(text.length() - 1);
                next |= last == '.' || last == '?' || last == '!' || last == '…';
            }
        }
        return out;
    }

    private static List<TimedToken> timedTokens(TranscriptText transcript, long[] start, long[] end, int lo, int hi) {
        List<TimedToken> out = new ArrayList<>();
        int word = 0;
        long lastEnd = lo <= hi ? start[lo] : 0;
        for (TranscriptText.Paragraph p : transcript.paragraphs()) {
            boolean paragraphStart = true;
            for (TranscriptText.Token t : p.tokens()) {
                int n = t.words().size();
                int firstWord = word;
                word += n;
                boolean inside = n == 0 ? firstWord > lo && firstWord <= hi : firstWord >= lo && firstWord <= hi;
                if (!inside) {
                    continue;
                }
                long s = n == 0 ? lastEnd : start[firstWord];
                long e = n == 0 ? lastEnd : end[Math.min(firstWord + n - 1, hi)];
                out.add(new TimedToken(t.text(), s, Math.max(s, e), p.speaker(), paragraphStart));
                paragraphStart = false;
                lastEnd = Math.max(s, e);
            }
        }
        return out;
    }

    /** The caption words after normalisation with the time each is spoken. */
    static final class CaptionWords {
        final List<String> words = new ArrayList<>();
        long[] startMs = new long[256];
        long[] endMs = new long[256];

        static CaptionWords of(Track track) {
            CaptionWords out = new CaptionWords();
            for (Cue cue : track.cues()) {
                if (Qc.isWarningCue(cue)) {
                    continue;
                }
                if (!cue.words().isEmpty()) {
                    for (Word w : cue.words()) {
                        out.add(WordNormalizer.words(w.text()), w.startMs(), w.endMs());
                    }
                    continue;
                }
                String[] pieces = cue.text().strip().split("\\s+");
                long total = 0;
                for (String p : pieces) {
                    total += p.length() + 1;
                }
                long acc = 0;
                long span = cue.span().durationMs();
                for (String p : pieces) {
                    long s = cue.startMs() + (total == 0 ? 0 : span * acc / total);
                    acc += p.length() + 1;
                    long e = cue.startMs() + (total == 0 ? 0 : span * acc / total);
                    out.add(WordNormalizer.words(p), s, e);
                }
            }
            return out;
        }

        private void add(List<String> normalised, long s, long e) {
            if (normalised.isEmpty()) {
                return;
            }
            int from = words.size();
            words.addAll(normalised);
            if (words.size() > startMs.length) {
                startMs = java.util.Arrays.copyOf(startMs, words.size() * 2);
                endMs = java.util.Arrays.copyOf(endMs, words.size() * 2);
            }
            spread(words, from, words.size(), s, e, startMs, endMs);
        }
    }
}
