package io.capdex.search;

import org.jspecify.annotations.Nullable;

/**
 * One search: the query in Lucene syntax, filters, sounds-like mode and paging over interviews.
 *
 * @param query Lucene classic query syntax: words (all required; stemmed, typo-tolerant from 5 letters), "phrases"
 *     (exact words only), AND/OR/NOT, {@code ~} fuzzy, {@code *} prefix
 * @param filters restrict the tracks searched
 * @param soundsLike also match words that sound alike (DoubleMetaphone, also across split words)
 * @param limit interviews per page, 1..1000
 * @param offset interviews to skip
 * @param maxMoments moments returned per interview, 0..1000
 */
public record SearchRequest(String query, Filters filters, boolean soundsLike, int limit, int offset, int maxMoments) {
    public SearchRequest {
        if (limit < 1 || limit > 1000 || offset < 0 || maxMoments < 0 || maxMoments > 1000) {
            throw new IllegalArgumentException("limit " + limit + ", offset " + offset + ", maxMoments " + maxMoments);
        }
    }

    /** The query with no filters, exact mode, 10 interviews from the first, 5 moments each. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Filters.NONE, false, 10, 0, 5);
    }

    public SearchRequest withFilters(Filters f) {
        return new SearchRequest(query, f, soundsLike, limit, offset, maxMoments);
    }

    public SearchRequest withSoundsLike(boolean on) {
        return new SearchRequest(query, filters, on, limit, offset, maxMoments);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, filters, soundsLike, n, offset, maxMoments);
    }

    public SearchRequest withOffset(int n) {
        return new SearchRequest(query, filters, soundsLike, limit, n, maxMoments);
    }

    public SearchRequest withMaxMoments(int n) {
        return new SearchRequest(query, filters, soundsLike, limit, offset, n);
    }

    /**
     * Filters; null means any. {@code lang} matches the tag or its subtags ({@code en} matches {@code en-GB});
     * {@code speaker} keeps only moments in cues of that speaker (applied after matching, through the cue table).
     */
    public record Filters(@Nullable String lang, @Nullable String source, @Nullable String speaker,
            @Nullable String interview, @Nullable String collection, @Nullable Integer year) {
        /** No filter. */
        public static final Filters NONE = new Filters(null, null, null, null, null, null);

        public Filters withLang(@Nullable String v) {
            return new Filters(v, source, speaker, interview, collection, year);
        }

        public Filters withSource(@Nullable String v) {
            return new Filters(lang, v, speaker, interview, collection, year);
        }

        public Filters withSpeaker(@Nullable String v) {
            return new Filters(lang, source, v, interview, collection, year);
        }

        public Filters withInterview(@Nullable String v) {
            return new Filters(lang, source, speaker, v, collection, year);
        }

        public Filters withCollection(@Nullable String v) {
            return new Filters(lang, source, speaker, interview, v, year);
        }

        public Filters withYear(@Nullable Integer v) {
            return new Filters(lang, source, speaker, interview, collection, v);
        }
    }
}
