package io.capdex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jspecify.annotations.Nullable;

/** Field names and the analysis chains shared by the writer and the searcher; positions must agree between them. */
final class Analysis {
    static final String ID = "id";
    static final String INTERVIEW = "interview";
    static final String TITLE = "title";
    static final String LANG = "lang";
    static final String SOURCE = "source";
    static final String SPEAKER = "speaker";
    static final String COLLECTION = "collection";
    static final String YEAR = "year";
    static final String HASH = "hash";
    static final String PAGE_SPEAKER = "page_speaker";
    static final String PAGE_AFFILIATION = "page_affiliation";
    static final String PAGE_DATE = "page_date";
    static final String PAGE_SUMMARY = "page_summary";
    static final String META = "meta";
    static final String EXACT = "exact";
    /**
     * Every two adjacent exact-field tokens as one term ("told the"), at the first one's position, cue boundaries
     * included: a phrase becomes a lookup of its pairs, so "of the" no longer re-reads the positions of "of" and
     * "the" in every transcript (CommonGrams, applied to every pair rather than to a stop-word list, because in
     * these interviews "leukemia" is as frequent as "the"). Only phrase matching reads this field.
     */
    static final String PAIRS = "exact_pairs";
    /** Between the two words of a {@link #PAIRS} term. */
    static final char PAIR_SEPARATOR = ' ';
    static final String PHONETIC = "phonetic";
    static final String SHINGLE = "phonetic_shingle";
    static final String CUES = "cues";
    static final String STEMMED_PREFIX = "stemmed_";
    /** Languages with a Lucene stemmer; other languages are searched through the exact field only. */
    static final List<String> STEM_LANGS = List.of("en", "es", "fr", "de", "it", "pt");
    /** Longest DoubleMetaphone code: long enough that "blinatumomab" (PLNTMMP) is not confused with "blinded". */
    static final int MAX_CODE_LENGTH = 8;
    /**
     * Shingles of 2..3 tokens (DESIGN.md §6). A word heard as four pieces ("blina to mo mab") is found without
     * 4-token shingles, which were 87 % of the field's distinct terms and a sixth of a 1,000-hour ingest: the query
     * splits the word in two and looks for a 3-token shingle and a {@link #piece} next to each other (see
     * {@link #MAX_PIECES}).
     */
    static final int MAX_SHINGLE = 3;
    /** The most pieces a misheard word may be split into and still be found by sounds-like. */
    static final int MAX_PIECES = 4;
    /**
     * Marks a single short token's code in the shingle field, so that a piece is never taken for a shingle of the
     * same code. Codes are capital letters, or the token itself when it has no letter; neither starts with this.
     */
    static final char PIECE_MARK = '=';
    /**
     * Marks the code of a 3-token shingle, so that a phrase of a shingle and a piece says how many tokens the
     * shingle spans: "a rabin" and "a rabin e" both sound like ARPN.
     */
    static final char TRIPLE_MARK = '+';
    /** Longer joined shingles are real phrases, not one misheard word; skipping them keeps indexing fast. */
    static final int MAX_SHINGLE_CHARS = 18;
    /**
     * Speech recognisers split an unknown word into short pieces ("look emia", "blina to mo mab"); shingles with a
     * longer token are ordinary phrases, so they are skipped (about half the shingle terms, a third of build time).
     */
    static final int MAX_FRAGMENT_CHARS = 7;
    /** Joined shingles shorter than this ("it is", "of the") sound like too many words to be worth a term. */
    static final int MIN_SHINGLE_CHARS = 6;

    private Analysis() {}

    /**
     * The shingle field's term for one token with phonetic code {@code code}: what a 3-token shingle is put next
     * to when the query looks for a word heard as {@link #MAX_PIECES} pieces.
     */
    static String piece(String code) {
        return PIECE_MARK + code;
    }

    /** The shingle field's term for a shingle of three tokens with phonetic code {@code code}. */
    static String triple(String code) {
        return TRIPLE_MARK + code;
    }

    /** Lowercase + accent folding, no stemming: the "exact" field, the query parser's default field. */
    static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new ASCIIFoldingFilter(new LowerCaseFilter(t)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The exact chain followed by query-time synonyms (multi-word synonyms become a token graph). */
    static Analyzer exactWithSynonyms(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
                if (synonyms.fst != null) {
                    s = new SynonymGraphFilter(s, synonyms, true);
                }
                return new TokenStreamComponents(t, s);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The stemming analyzer for a stem language key; stop words leave position gaps so positions match exact. */
    static Analyzer stemmer(String key) {
        return switch (key) {
            case "en" -> new EnglishAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            default -> throw new IllegalArgumentException("no stemmer for " + key);
        };
    }

    /** The stem language key of a BCP 47 tag, or null when Lucene has no stemmer for it here. */
    static @Nullable String stemKey(String lang) {
        String primary = primaryLanguage(lang);
        return STEM_LANGS.contains(primary) ? primary : null;
    }

    static String primaryLanguage(String lang) {
        int dash = lang.indexOf('-');
        String p = dash < 0 ? lang : lang.substring(0, dash);
        return p.toLowerCase(Locale.ROOT);
    }

    /**
     * The {@link #PAIRS} term of two adjacent exact tokens. The space cannot occur inside a token, so a pair never
     * equals a word.
     */
    static String pair(String first, String second) {
        return first + PAIR_SEPARATOR + second;
    }

    /** The exact field's tokens of one piece of text (term, start offset, end offset). */
    static List<Token> tokens(Analyzer exact, String text) {
        List<Token> out = new ArrayList<>();
        forEachToken(exact, text, (term, start, end) -> out.add(new Token(term.toString(), start, end)));
        return out;
    }

    /** Hands each of the exact field's tokens of {@code text} to {@code visitor}, in order. */
    static void forEachToken(Analyzer exact, String text, TokenVisitor visitor) {
        try (TokenStream ts = exact.tokenStream(EXACT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                visitor.token(term, off.startOffset(), off.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Receives tokens; the term attribute is reused for the next token. */
    @FunctionalInterface
    interface TokenVisitor {
        void token(CharTermAttribute term, int startOffset, int endOffset);
    }

    /** One token of the exact field. */
    record Token(String term, int startOffset, int endOffset) {}

    /**
     * DoubleMetaphone primary codes ({@link Metaphone}) with a cache: a transcript repeats its words, so most
     * encodes are map hits. Not thread-safe; one per indexing thread or query.
     */
    static final class Phonetics {
        private final Metaphone metaphone = new Metaphone(MAX_CODE_LENGTH);
        private final Map<String, String> cache = new HashMap<>();
        private final Map<String, String> pieces = new HashMap<>();
        /** The shingle being encoded, reused: one per encoder, so no string per shingle. */
        private final StringBuilder shingle = new StringBuilder(MAX_SHINGLE_CHARS + MAX_FRAGMENT_CHARS);

        /** The primary code of a folded token; a token without letters (a number) is its own code. */
        String code(String folded) {
            String c = cache.get(folded);
            if (c == null) {
                c = encode(folded);
                if (cache.size() > 50_000) {
                    cache.clear(); // a small map stays in the CPU cache; words follow Zipf, so refills are few
                }
                cache.put(folded, c);
            }
            return c;
        }

        /** The {@link #piece} term of a code this encoder returned; cached like the codes. */
        String piece(String code) {
            String p = pieces.get(code);
            if (p == null) {
                p = Analysis.piece(code);
                if (pieces.size() > 50_000) {
                    pieces.clear();
                }
                pieces.put(code, p);
            }
            return p;
        }

        private String encode(CharSequence folded) {
            String m = hasLetter(folded) ? metaphone.encode(folded) : null;
            return m == null || m.isEmpty() ? folded.toString() : m;
        }

        /**
         * The shingle-field terms of shingles of 2..{@link #MAX_SHINGLE} tokens starting at {@code from}, encoded as
         * joined ({@link #triple} marks three tokens); element k-2 is the term for k tokens, or null when skipped
         * (too long or past the end).
         */
        @Nullable String[] shingleCodes(List<String> terms, int from) {
            @Nullable String[] out = new String[MAX_SHINGLE - 1];
            String first = terms.get(from);
            if (first.length() > MAX_FRAGMENT_CHARS) {
                return out;
            }
            StringBuilder joined = shingle;
            joined.setLength(0);
            joined.append(first);
            for (int k = 2; k <= MAX_SHINGLE && from + k - 1 < terms.size(); k++) {
                String next = terms.get(from + k - 1);
                joined.append(next);
                if (joined.length() > MAX_SHINGLE_CHARS || next.length() > MAX_FRAGMENT_CHARS) {
                    break;
                }
                if (joined.length() >= MIN_SHINGLE_CHARS) {
                    String code = encode(joined); // shingles rarely repeat: caching them only thrashes
                    out[k - 2] = k == 3 ? triple(code) : code;
                }
            }
            return out;
        }

        private static boolean hasLetter(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isLetter(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
