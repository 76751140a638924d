package io.capdex.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The read side of the transcript index: parses a query, finds matching tracks, groups them by interview, and
 * turns match positions into timed moments with highlighted snippets. Thread-safe; sees new commits after
 * {@link #refresh()}, which {@link #search} also does at most once a second.
 */
public final class TranscriptSearch implements Closeable {
    private static final String SHIPPED_SYNONYMS = "synonyms.txt";
    private static final List<String> FACETS = List.of(Analysis.LANG, Analysis.SOURCE, Analysis.SPEAKER,
            Analysis.COLLECTION, Analysis.YEAR);
    private static final long REFRESH_EVERY_NANOS = 1_000_000_000L;
    /**
     * Heap the decoded cue tables may hold (a one-hour track's is ~90 KB): all of a 1,000-hour archive's, so a busy
     * server does not decode (and the GC does not collect) a table per result shown; 1/16 of the heap at most.
     */
    private static final long TABLE_CACHE_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 16);
    /** Typo tolerance applies to words of at least this many letters. */
    static final int TYPO_MIN_LENGTH = 5;
    /** Words this long tolerate two typos. */
    static final int TWO_EDITS_MIN_LENGTH = 10;
    /** Closest spellings tried per word: a typo has few plausible corrections, and each costs a postings scan. */
    static final int TYPO_EXPANSIONS = 10;
    private static final float STEMMED_BOOST = 0.6f;
    private static final float TYPO_BOOST = 0.4f;
    private static final float META_BOOST = 0.3f;
    private static final float PHONETIC_BOOST = 0.5f;
    private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b|&&|\\|\\|");

    private final Directory directory;
    private final SearcherManager manager;
    private final Analyzer exact = Analysis.exact();
    private final Analyzer exactWithSynonyms;
    private final Map<String, Analyzer> stemmers = new LinkedHashMap<>();
    /** Query parsers by field, one set per searching thread (a parser is not thread-safe). */
    private final ThreadLocal<Map<String, QueryParser>> parsers = ThreadLocal.withInitial(HashMap::new);
    private volatile long lastRefreshNanos = System.nanoTime();
    /** LRU of decoded cue tables, at most {@link #TABLE_CACHE_BYTES}; keyed by segment core and doc. */
    private final Map<Object, CueTable> tables = new LinkedHashMap<>(1024, 0.75f, true);
    /** Estimated heap of the tables in {@link #tables}; guarded by it. */
    private long tableBytes;

    private TranscriptSearch(Directory directory, SearcherManager manager, SynonymMap synonyms) {
        this.directory = directory;
        this.manager = manager;
        this.exactWithSynonyms = Analysis.exactWithSynonyms(synonyms);
        for (String key : Analysis.STEM_LANGS) {
            stemmers.put(key, Analysis.stemmer(key));
        }
    }

    /** Opens the index in {@code dir} with the shipped medical synonym list. */
    public static TranscriptSearch open(Path dir) throws IOException {
        return open(dir, null);
    }

    /**
     * Opens the index in {@code dir} (it must exist: write and commit it with {@link TranscriptIndex} first).
     *
     * @param synonymsFile Solr-format synonyms ({@code a, b, c} and {@code a => b} lines, {@code #} comments) that
     *     replace the shipped list; null for the shipped list
     * @throws IOException when there is no index, or the synonyms file is unreadable or malformed (the message
     *     names the file)
     */
    public static TranscriptSearch open(Path dir, @Nullable Path synonymsFile) throws IOException {
        String rules = synonymsFile == null ? shippedSynonyms() : Files.readString(synonymsFile, StandardCharsets.UTF_8);
        SynonymMap synonyms = parseSynonyms(rules, synonymsFile == null ? "the shipped synonyms" : synonymsFile.toString());
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("no index in " + dir + ": ingest some captions first");
            }
            SearcherManager manager = new SearcherManager(directory, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, @Nullable IndexReader previous) throws IOException {
                    return new CachingSearcher(reader);
                }
            });
            return new TranscriptSearch(directory, manager, synonyms);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The shipped starter synonym list (medical terms, British/American spellings), e.g. to copy for editing. */
    public static String shippedSynonyms() throws IOException {
        try (InputStream in = TranscriptSearch.class.getResourceAsStream(SHIPPED_SYNONYMS)) {
            if (in == null) {
                throw new IOException("the shipped synonyms resource is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SynonymMap parseSynonyms(String rules, String origin) throws IOException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, Analysis.exact());
        try (Reader r = new StringReader(rules)) {
            parser.parse(r);
            return parser.build();
        } catch (java.text.ParseException e) {
            throw new IOException(origin + ": bad synonym rule: " + e.getMessage(), e);
        }
    }

    /** Makes commits made since the last refresh visible to later searches. */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
        lastRefreshNanos = System.nanoTime();
    }

    /**
     * Runs one search.
     *
     * @throws QueryException when the query cannot be parsed (the message explains why, no stack trace needed)
     */
    public SearchResult search(SearchRequest request) throws IOException, QueryException {
        return page(request, 0).result();
    }

    /**
     * {@link #search} plus, for each interview on the page, the {@link #timelines} strip (at most
     * {@code timelineMax} cue starts) from the same pass: the page's matching tracks and the rewritten query are at
     * hand, so the strips cost no second query, rewrite or collection.
     *
     * @throws QueryException when the query cannot be parsed
     */
    public SearchPage page(SearchRequest request, int timelineMax) throws IOException, QueryException {
        if (System.nanoTime() - lastRefreshNanos > REFRESH_EVERY_NANOS) {
            lastRefreshNanos = System.nanoTime();
            manager.maybeRefresh();
        }
        IndexSearcher searcher = manager.acquire();
        try {
            Map<String, long[]> strips = new LinkedHashMap<>();
            SearchResult r = search(searcher, request, request.soundsLike(), false, timelineMax, strips);
            if (r.total() == 0 && !request.soundsLike()) {
                // fallback: maybe misheard; only the phonetic clauses, as the others just found nothing
                Map<String, long[]> phoneticStrips = new LinkedHashMap<>();
                SearchResult phonetic = search(searcher, request, true, true, timelineMax, phoneticStrips);
                if (phonetic.total() > 0) {
                    return new SearchPage(phonetic, phoneticStrips);
                }
            }
            return new SearchPage(r, strips);
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest request, boolean soundsLike,
            boolean phoneticOnly, int timelineMax, Map<String, long[]> timelines) throws IOException, QueryException {
        SearchRequest.Filters f = request.filters();
        IndexReader reader = searcher.getIndexReader();
        Query parsed = phoneticOnly ? phoneticOrFail(request.query(), reader) : textQuery(request.query(), f,
                soundsLike, ((CachingSearcher) searcher).stemKeys, reader);
        Query text;
        try {
            // rewrite once: fuzzy and prefix expansion is the costly part, and matching and moments share it
            text = searcher.rewrite(parsed);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(request.query(), "the query '" + request.query()
                    + "' expands to too many words; use a longer prefix or fewer wildcards");
        }
        // match phrases through the pairs field; moments below still read the words' positions in the top tracks
        boolean pairs = ((CachingSearcher) searcher).hasPairs;
        BooleanQuery.Builder full = new BooleanQuery.Builder().add(pairs ? pairPhrases(text) : text, Occur.MUST);
        for (Query filter : filters(f)) {
            full.add(filter, Occur.FILTER);
        }
        List<TrackHit> hits = new ArrayList<>();
        try {
            collect(searcher, full.build(), new HitCollector(hits, ((CachingSearcher) searcher).values));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(request.query(), "the query '" + request.query()
                    + "' expands to too many words; use a longer prefix or fewer wildcards");
        }
        Weight weight = searcher.createWeight(text, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String speaker = f.speaker();
        if (speaker != null) {
            List<TrackHit> kept = new ArrayList<>();
            for (TrackHit h : hits) {
                if (!moments(weight, leaves.get(h.leaf), h, speaker, 1).isEmpty()) {
                    kept.add(h);
                }
            }
            hits = kept;
        }
        Map<String, Group> byInterview = new HashMap<>();
        for (TrackHit h : hits) {
            Group g = byInterview.get(h.interview);
            if (g == null) {
                byInterview.put(h.interview, new Group(h));
            } else {
                g.add(h);
            }
        }
        List<Group> groups = new ArrayList<>(byInterview.values());
        // interviews rank by their best-scoring track, whatever its source
        groups.sort((a, b) -> {
            int c = Float.compare(b.best, a.best);
            return c != 0 ? c : a.first().interview.compareTo(b.first().interview);
        });
        LeafValues[] values = ((CachingSearcher) searcher).values;
        List<SearchResult.Hit> page = new ArrayList<>();
        int end = Math.min(groups.size(), request.offset() + request.limit());
        for (int i = request.offset(); i < end; i++) {
            Group g = groups.get(i);
            List<TrackHit> tracks = g.ordered();
            TrackHit best = tracks.get(0);
            List<SearchResult.Moment> moments = new ArrayList<>();
            for (TrackHit h : tracks) {
                int remaining = request.maxMoments() - moments.size();
                if (remaining <= 0) {
                    break;
                }
                moments.addAll(moments(weight, leaves.get(h.leaf), h, speaker, remaining));
            }
            String title = values[best.leaf].title(best.doc);
            page.add(new SearchResult.Hit(best.interview, title, g.best, tracks.size(), moments));
            if (timelineMax > 0) {
                // every matching cue of the tracks already found, by the same query and speaker rule; no snippets
                java.util.TreeSet<Long> set = new java.util.TreeSet<>();
                for (TrackHit h : tracks) {
                    cueStarts(weight, leaves.get(h.leaf), h, speaker, set);
                }
                timelines.put(best.interview, set.stream().limit(timelineMax).mapToLong(Long::longValue).toArray());
            }
        }
        return new SearchResult(request.query(), groups.size(), request.offset(), page, facets(groups, values), soundsLike);
    }

    /**
     * Scores every match one document at a time. IndexSearcher.search would pick Lucene's windowed BooleanScorer for
     * the many optional clauses of a word query, which allocates a 2,048-document window per segment: with about one
     * document per interview-hour, that set-up cost more than scoring the few matches of a rare word.
     */
    private static void collect(IndexSearcher searcher, Query query, HitCollector collector) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            LeafCollector out = collector.getLeafCollector(leaf);
            out.setScorer(scorer);
            Bits live = leaf.reader().getLiveDocs();
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                if ((live == null || live.get(d)) && (twoPhase == null || twoPhase.matches())) {
                    out.collect(d);
                }
            }
        }
    }

    /**
     * Interviews per facet value: each interview counts once per value, however many of its tracks match. Counts
     * by segment ordinal, so a value's name is looked up once, not once per matching track.
     */
    private static Map<String, Map<String, Integer>> facets(List<Group> groups, LeafValues[] values) throws IOException {
        int[][][] byOrd = new int[values.length][FACETS.size()][];
        List<Map<String, int[]>> counts = new ArrayList<>(FACETS.size());
        for (int fi = 0; fi < FACETS.size(); fi++) {
            counts.add(new HashMap<>());
        }
        Set<String> seen = new HashSet<>();
        for (Group g : groups) {
            if (g.more == null) {
                TrackHit h = g.first();
                int[][] leafCounts = byOrd[h.leaf];
                for (int fi = 0, at = 0; fi < FACETS.size(); fi++) {
                    int n = h.facetOrds[at++];
                    if (n > 0 && leafCounts[fi] == null) {
                        leafCounts[fi] = new int[values[h.leaf].valueCount(fi)];
                    }
                    for (int k = 0; k < n; k++) {
                        leafCounts[fi][h.facetOrds[at++]]++;
                    }
                }
                continue;
            }
            for (int fi = 0; fi < FACETS.size(); fi++) {
                seen.clear();
                for (TrackHit h : g.ordered()) {
                    for (String v : h.facetValues(fi, values[h.leaf])) {
                        if (seen.add(v)) {
                            counts.get(fi).computeIfAbsent(v, k -> new int[1])[0]++;
                        }
                    }
                }
            }
        }
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int fi = 0; fi < FACETS.size(); fi++) {
            Map<String, int[]> c = counts.get(fi);
            for (int leaf = 0; leaf < values.length; leaf++) {
                int[] n = byOrd[leaf][fi];
                for (int ord = 0; n != null && ord < n.length; ord++) {
                    if (n[ord] > 0) {
                        c.computeIfAbsent(values[leaf].facet(fi, ord), k -> new int[1])[0] += n[ord];
                    }
                }
            }
            List<Map.Entry<String, int[]>> entries = new ArrayList<>(c.entrySet());
            entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                    ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
            Map<String, Integer> sorted = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> e : entries) {
                sorted.put(e.getKey(), e.getValue()[0]);
            }
            out.put(FACETS.get(fi), sorted);
        }
        return out;
    }

    private static List<Query> filters(SearchRequest.Filters f) {
        List<Query> out = new ArrayList<>();
        if (f.lang() != null) {
            out.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Analysis.LANG, f.lang())), Occur.SHOULD)
                    .add(new PrefixQuery(new Term(Analysis.LANG, f.lang() + "-")), Occur.SHOULD)
                    .build());
        }
        addTerm(out, Analysis.SOURCE, f.source());
        addTerm(out, Analysis.SPEAKER, f.speaker());
        addTerm(out, Analysis.INTERVIEW, f.interview());
        addTerm(out, Analysis.COLLECTION, f.collection());
        addTerm(out, Analysis.YEAR, f.year() == null ? null : Integer.toString(f.year()));
        return out;
    }

    private static void addTerm(List<Query> out, String field, @Nullable String value) {
        if (value != null) {
            out.add(new TermQuery(new Term(field, value)));
        }
    }

    // ---- query building

    /**
     * The text query; {@code stemKeys} are the stemmed fields the index holds (others cannot match anything), and
     * {@code reader} the index, which sounds-like asks which four-piece cuts could match.
     */
    Query textQuery(String query, SearchRequest.Filters f, boolean soundsLike, Set<String> stemKeys,
            IndexReader reader) throws QueryException, IOException {
        checkSyntax(query);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        // quotes mean these exact words (DESIGN.md §6): no typo or stemmed alternatives, which also spares the
        // costliest part of a phrase query, re-reading positions in the stemmed fields
        boolean quoted = query.indexOf('"') >= 0;
        Query exactQuery = parse(query, Analysis.EXACT, exactWithSynonyms);
        if (exactQuery != null) {
            any.add(quoted ? exactQuery : withTypos(exactQuery), Occur.SHOULD);
        }
        String langKey = f.lang() == null ? null : Analysis.stemKey(f.lang());
        for (Map.Entry<String, Analyzer> e : stemmers.entrySet()) {
            if (quoted || f.lang() != null && !e.getKey().equals(langKey) || !stemKeys.contains(e.getKey())) {
                continue;
            }
            Query q = parse(query, Analysis.STEMMED_PREFIX + e.getKey(), e.getValue());
            if (q != null) {
                any.add(new BoostQuery(q, STEMMED_BOOST), Occur.SHOULD);
            }
        }
        Query meta = parse(query, Analysis.META, exact);
        if (meta != null) {
            any.add(new BoostQuery(meta, META_BOOST), Occur.SHOULD);
        }
        if (soundsLike) {
            any.add(new BoostQuery(phoneticOrFail(query, reader), PHONETIC_BOOST), Occur.SHOULD);
        }
        return any.build();
    }

    private Query phoneticOrFail(String query, IndexReader reader) throws QueryException, IOException {
        Query ph = phonetic(query, reader);
        if (ph == null) {
            throw new QueryException(query, "nothing to match by sound in '" + query + "': type a word");
        }
        return ph;
    }

    private @Nullable Query parse(String query, String field, Analyzer analyzer) throws QueryException {
        // a field always has the same analyzer, and a parser resets itself on each parse: building one per field
        // and query (JavaCC tables, buffers) was a tenth of a rare word's search time
        QueryParser parser = parsers.get().computeIfAbsent(field, k -> {
            QueryParser p = new QueryParser(field, analyzer);
            p.setDefaultOperator(QueryParser.Operator.AND);
            p.setSplitOnWhitespace(false); // lets multi-word synonyms ("measurable residual disease") match
            p.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
            p.setAllowLeadingWildcard(false);
            return p;
        });
        try {
            Query q = parser.parse(query);
            if (q instanceof BooleanQuery b && b.clauses().isEmpty()) {
                return null; // only stop words for this field
            }
            return q;
        } catch (ParseException e) {
            throw new QueryException(query, "cannot understand the query '" + query + "': " + firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(query, "the query '" + query + "' has too many words or alternatives");
        }
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).trim();
        int colon = line.indexOf("': ");
        return colon >= 0 && line.startsWith("Cannot parse") ? line.substring(colon + 3) : line;
    }

    /** Checks what the classic parser reports cryptically, to say it plainly. */
    static void checkSyntax(String query) throws QueryException {
        if (query.isBlank()) {
            throw new QueryException(query, "the query is empty: type a word or a \"phrase\"");
        }
        int quotes = 0;
        int depth = 0;
        boolean inQuote = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                quotes++;
                inQuote = !inQuote;
            } else if (!inQuote && c == '(') {
                depth++;
            } else if (!inQuote && c == ')') {
                depth--;
                if (depth < 0) {
                    throw new QueryException(query, "unbalanced parentheses in '" + query + "': a ')' has no '('");
                }
            }
        }
        if (quotes % 2 != 0) {
            throw new QueryException(query, "unbalanced quotes in '" + query
                    + "': a phrase needs a closing \" (or remove the stray one)");
        }
        if (depth != 0) {
            throw new QueryException(query, "unbalanced parentheses in '" + query + "': a '(' is not closed");
        }
        for (String word : query.split("[\\s()]+")) {
            String w = word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word;
            if (w.startsWith("*") || w.startsWith("?")) {
                throw new QueryException(query, "'" + word + "' cannot start with * or ?: put at least one letter "
                        + "before it (e.g. leuk*)");
            }
        }
    }

    /** Most word pairs a phrase with alternatives (synonyms) may expand to before it is matched word by word. */
    private static final int MAX_PAIR_ALTERNATIVES = 64;

    /**
     * The query with each exact-field phrase of adjacent words answered from the {@link Analysis#PAIRS} field: the
     * pairs at even offsets plus the last pair cover every word, and finding them at their offsets is finding the
     * words at theirs, so the matches are the same; a two-word phrase becomes one term lookup. Other queries, sloppy
     * phrases and phrases of other fields are returned as they are.
     */
    static Query pairPhrases(Query q) {
        if (q instanceof PhraseQuery p) {
            return p.getSlop() == 0 && adjacentExact(p.getPositions(), p.getTerms()) ? pairPhrase(p.getTerms()) : q;
        }
        if (q instanceof MultiPhraseQuery m) {
            return m.getSlop() == 0 && adjacentExact(m.getPositions(), m.getTermArrays()) ? pairPhrase(m) : q;
        }
        if (q instanceof BoostQuery b) {
            Query in = pairPhrases(b.getQuery());
            return in == b.getQuery() ? q : new BoostQuery(in, b.getBoost());
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (var c : b.clauses()) {
                Query in = pairPhrases(c.getQuery());
                changed |= in != c.getQuery();
                out.add(in, c.getOccur());
            }
            return changed ? out.build() : q;
        }
        return q;
    }

    private static boolean adjacentExact(int[] positions, Term... terms) {
        if (terms.length < 2) {
            return false;
        }
        for (int i = 0; i < terms.length; i++) {
            if (!terms[i].field().equals(Analysis.EXACT) || positions[i] != positions[0] + i) {
                return false;
            }
        }
        return true;
    }

    private static boolean adjacentExact(int[] positions, Term[][] alternatives) {
        if (alternatives.length < 2) {
            return false;
        }
        for (int i = 0; i < alternatives.length; i++) {
            if (positions[i] != positions[0] + i) {
                return false;
            }
            for (Term t : alternatives[i]) {
                if (!t.field().equals(Analysis.EXACT)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Offsets of the pairs that cover words 0..n-1: every second pair, and the last one. */
    private static List<Integer> pairOffsets(int words) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + 1 < words; i += 2) {
            out.add(i);
        }
        if (out.get(out.size() - 1) != words - 2) {
            out.add(words - 2);
        }
        return out;
    }

    private static Query pairPhrase(Term[] words) {
        List<Integer> offsets = pairOffsets(words.length);
        if (offsets.size() == 1) {
            return new TermQuery(pairTerm(words[0], words[1]));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i : offsets) {
            b.add(pairTerm(words[i], words[i + 1]), i);
        }
        return b.build();
    }

    private static Query pairPhrase(MultiPhraseQuery m) {
        Term[][] words = m.getTermArrays();
        List<Integer> offsets = pairOffsets(words.length);
        MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
        for (int i : offsets) {
            if (words[i].length * words[i + 1].length > MAX_PAIR_ALTERNATIVES) {
                return m; // too many combinations: matching the words is cheaper than looking up every pair
            }
            List<Term> pairs = new ArrayList<>();
            for (Term a : words[i]) {
                for (Term c : words[i + 1]) {
                    pairs.add(pairTerm(a, c));
                }
            }
            b.add(pairs.toArray(Term[]::new), i);
        }
        return b.build();
    }

    private static Term pairTerm(Term first, Term second) {
        return new Term(Analysis.PAIRS, Analysis.pair(first.text(), second.text()));
    }

    /** Adds a fuzzy alternative at a lower boost to each plain word of 5+ letters (not inside phrases). */
    private static Query withTypos(Query q) {
        if (q instanceof TermQuery t && t.getTerm().field().equals(Analysis.EXACT)) {
            String word = t.getTerm().text();
            if (word.length() < TYPO_MIN_LENGTH || !word.chars().allMatch(Character::isLetter)) {
                return q;
            }
            // two edits only for long words: a two-edit Levenshtein automaton costs milliseconds to build
            int edits = word.length() >= TWO_EDITS_MIN_LENGTH ? 2 : 1;
            return new BooleanQuery.Builder()
                    .add(q, Occur.SHOULD)
                    .add(new BoostQuery(new FuzzyQuery(t.getTerm(), edits, 1, TYPO_EXPANSIONS, true), TYPO_BOOST),
                            Occur.SHOULD)
                    .build();
        }
        if (q instanceof BoostQuery b) {
            return new BoostQuery(withTypos(b.getQuery()), b.getBoost());
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (var c : b.clauses()) {
                out.add(c.getOccur() == Occur.MUST_NOT ? c.getQuery() : withTypos(c.getQuery()), c.getOccur());
            }
            return out.build();
        }
        return q;
    }

    /**
     * Sounds-like: the words' DoubleMetaphone codes as a phrase, and the code of all words joined, against
     * single tokens, against joined 2-3 token shingles (so "leukemia" finds "look emia" and back) and against
     * four pieces ({@link #fourPieces}).
     */
    private @Nullable Query phonetic(String query, IndexReader reader) throws IOException {
        String words = OPERATORS.matcher(query).replaceAll(" ");
        List<String> terms = new ArrayList<>();
        for (Analysis.Token t : Analysis.tokens(exact, words)) {
            terms.add(t.term());
        }
        if (terms.isEmpty()) {
            return null;
        }
        Analysis.Phonetics ph = new Analysis.Phonetics();
        String joined = String.join("", terms);
        String joinedCode = ph.code(joined); // of the one word, when the query is one word
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (terms.size() > 1) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (String t : terms) {
                phrase.add(new Term(Analysis.PHONETIC, ph.code(t)));
            }
            b.add(phrase.build(), Occur.SHOULD);
        }
        b.add(new TermQuery(new Term(Analysis.PHONETIC, joinedCode)), Occur.SHOULD);
        if (terms.size() <= Analysis.MAX_SHINGLE) {
            b.add(new TermQuery(new Term(Analysis.SHINGLE, joinedCode)), Occur.SHOULD);
            b.add(new TermQuery(new Term(Analysis.SHINGLE, Analysis.triple(joinedCode))), Occur.SHOULD);
        }
        if (terms.size() <= Analysis.MAX_PIECES) {
            // most cuts ask for a term no transcript has; leaving them out spares their weights and, for every
            // track shown, their matches (about a millisecond per long word)
            List<PhraseQuery> cuts = fourPieces(joined, ph);
            Set<String> wanted = new TreeSet<>();
            for (PhraseQuery q : cuts) {
                for (Term t : q.getTerms()) {
                    wanted.add(t.text());
                }
            }
            Set<String> present = present(reader, Analysis.SHINGLE, wanted);
            for (PhraseQuery q : cuts) {
                if (Arrays.stream(q.getTerms()).allMatch(t -> present.contains(t.text()))) {
                    b.add(q, Occur.SHOULD);
                }
            }
        }
        return b.build();
    }

    /** The fewest sounds (code characters) of the piece a {@link #fourPieces} cut looks for on its own. */
    static final int MIN_PIECE_SOUNDS = 2;

    /**
     * Sounds-like for a word the recogniser heard as four short pieces ("blina to mo mab"). The index holds shingles
     * of up to three tokens and each short token as a piece ({@link Analysis#piece}); so the word is cut in two at
     * every letter, and each cut asks for the first part's code as a 3-token shingle followed by the second part's
     * code as a piece three positions on, or the first part as a piece followed by the second part as a 3-token
     * shingle. Where the recogniser split the word, one of the cuts matches: a split of a word of 10 to 19 letters
     * into four pieces of at most {@value Analysis#MAX_FRAGMENT_CHARS} letters is found when its first or its last
     * piece has a code of {@value #MIN_PIECE_SOUNDS} or more sounds (tested on every split of such words). A piece
     * of one sound ("a", "all", "me") occurs hundreds of times in every transcript: on the 1,000-hour benchmark
     * index, cuts with such pieces made the cut clauses of "leukemia" take 9.9 ms instead of 1.6 ms. {@code ph} is
     * the query's encoder, whose code cache the cuts share.
     */
    static List<PhraseQuery> fourPieces(String word, Analysis.Phonetics ph) {
        if (word.length() < Analysis.MIN_SHINGLE_CHARS
                || word.length() > Analysis.MAX_SHINGLE_CHARS + Analysis.MAX_FRAGMENT_CHARS) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<PhraseQuery> out = new ArrayList<>();
        for (int cut = 1; cut < word.length(); cut++) {
            String head = ph.code(word.substring(0, cut));
            String tail = ph.code(word.substring(cut));
            if (!seen.add(head + ' ' + tail)) {
                continue;
            }
            if (tail.length() >= MIN_PIECE_SOUNDS) {
                out.add(new PhraseQuery.Builder()
                        .add(new Term(Analysis.SHINGLE, Analysis.triple(head)), 0)
                        .add(new Term(Analysis.SHINGLE, Analysis.piece(tail)), Analysis.MAX_PIECES - 1)
                        .build());
            }
            if (head.length() >= MIN_PIECE_SOUNDS) {
                out.add(new PhraseQuery.Builder()
                        .add(new Term(Analysis.SHINGLE, Analysis.piece(head)), 0)
                        .add(new Term(Analysis.SHINGLE, Analysis.triple(tail)), 1)
                        .build());
            }
        }
        return out;
    }

    /** Which of {@code wanted} (in term order) some segment's {@code field} holds: one terms enum per segment. */
    private static Set<String> present(IndexReader reader, String field, Set<String> wanted) throws IOException {
        Set<String> out = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (String w : wanted) {
                if (!out.contains(w) && te.seekExact(new BytesRef(w))) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    // ---- moments

    private List<SearchResult.Moment> moments(Weight weight, LeafReaderContext leaf, TrackHit hit,
            @Nullable String speaker, int max) throws IOException {
        Matches matches = weight.matches(leaf, hit.doc);
        if (matches == null) {
            return List.of();
        }
        CueTable table = cueTable(leaf, hit.doc);
        if (table == null || table.size() == 0) {
            return List.of();
        }
        boolean speakerKnown = false;
        for (int c = 0; c < table.size() && !speakerKnown; c++) {
            speakerKnown = table.speaker(c) != null;
        }
        // a track without cue speakers cannot be filtered by cue; the track-level speaker filter already applied
        String cueSpeaker = speakerKnown ? speaker : null;
        DocTokens tokens = new DocTokens(table, exact);
        TreeMap<Integer, int[]> spans = new TreeMap<>(); // start cue -> [last cue]
        Set<Integer> marked = new HashSet<>();
        for (String field : matches) {
            if (!isPositional(field)) {
                continue;
            }
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            Set<Integer> cuesOfField = new HashSet<>();
            while (it.next()) {
                int start = it.startPosition();
                int end = it.endPosition();
                if (start < 0) {
                    continue;
                }
                if (field.equals(Analysis.SHINGLE)) {
                    end = shingleEnd(start, end, it.getQuery());
                }
                int c0 = table.cueAt(start);
                if (cueSpeaker != null && !cueSpeaker.equals(table.speaker(c0))) {
                    continue;
                }
                if (!cuesOfField.contains(c0) && cuesOfField.size() >= max && c0 > lastKey(spans, max)) {
                    break; // positions come in order: later cues cannot make the first max moments
                }
                cuesOfField.add(c0);
                int c1 = table.cueAt(end);
                spans.merge(c0, new int[] {c1}, (a, b) -> new int[] {Math.max(a[0], b[0])});
                MatchesIterator sub = field.equals(Analysis.SHINGLE) ? null : it.getSubMatches();
                if (sub != null) {
                    while (sub.next()) {
                        for (int p = sub.startPosition(); p <= sub.endPosition(); p++) {
                            marked.add(p);
                        }
                    }
                } else {
                    for (int p = start; p <= end; p++) {
                        marked.add(p);
                    }
                }
            }
        }
        List<SearchResult.Moment> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : spans.entrySet()) {
            if (out.size() >= max) {
                break;
            }
            int c0 = e.getKey();
            int c1 = e.getValue()[0];
            StringBuilder text = new StringBuilder();
            StringBuilder snippet = new StringBuilder();
            for (int c = c0; c <= c1; c++) {
                if (c > c0) {
                    text.append('\n');
                    snippet.append('\n');
                }
                String cueText = table.text(c);
                text.append(cueText);
                snippet.append(highlight(cueText, tokens.of(c), table.firstPos(c), marked));
            }
            out.add(new SearchResult.Moment(hit.lang, hit.source, table.startMs(c0), table.endMs(c1),
                    text.toString(), snippet.toString(), table.speaker(c0), TrackDocument.AI_SOURCES.contains(hit.source)));
        }
        return out;
    }

    /** Decoded cue tables of recently shown tracks: the same interviews come up again and again. */
    private @Nullable CueTable cueTable(LeafReaderContext leaf, int doc) throws IOException {
        var helper = leaf.reader().getCoreCacheHelper();
        Object key = helper == null ? null : List.of(helper.getKey(), doc);
        if (key != null) {
            synchronized (tables) {
                CueTable t = tables.get(key);
                if (t != null) {
                    return t;
                }
            }
        }
        BinaryDocValues dv = DocValues.getBinary(leaf.reader(), Analysis.CUES);
        if (!dv.advanceExact(doc)) {
            return null;
        }
        CueTable t = CueTable.decode(dv.binaryValue());
        if (key != null) {
            synchronized (tables) {
                CueTable old = tables.put(key, t);
                tableBytes += t.heapBytes() - (old == null ? 0 : old.heapBytes());
                var eldest = tables.entrySet().iterator();
                while (tableBytes > TABLE_CACHE_BYTES && tables.size() > 1 && eldest.hasNext()) {
                    tableBytes -= eldest.next().getValue().heapBytes();
                    eldest.remove();
                }
            }
        }
        return t;
    }

    private static int lastKey(TreeMap<Integer, int[]> spans, int max) {
        int i = 0;
        for (Integer k : spans.keySet()) {
            if (++i >= max) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean isPositional(String field) {
        return field.equals(Analysis.EXACT) || field.equals(Analysis.PHONETIC) || field.equals(Analysis.SHINGLE)
                || field.startsWith(Analysis.STEMMED_PREFIX);
    }

    /** The cue text HTML-escaped, with runs of marked tokens wrapped in {@code <mark>}. */
    static String highlight(String text, List<Analysis.Token> tokens, int firstPos, Set<Integer> marked) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        int i = 0;
        while (i < tokens.size()) {
            if (!marked.contains(firstPos + i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && marked.contains(firstPos + j + 1)) {
                j++;
            }
            int from = tokens.get(i).startOffset();
            int to = tokens.get(j).endOffset();
            escape(text, at, from, out);
            out.append("<mark>");
            escape(text, from, to, out);
            out.append("</mark>");
            at = to;
            i = j + 1;
        }
        escape(text, at, text.length(), out);
        return out.toString();
    }

    private static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /**
     * The last position a shingle-field match covers: a shingle term spans two or three ({@link Analysis#triple})
     * tokens from where it matched, and a {@link #fourPieces} phrase ends with a piece (one token) or a shingle.
     */
    private static int shingleEnd(int start, int end, Query query) {
        if (query instanceof TermQuery tq) {
            return start + shingleTokens(tq.getTerm().text()) - 1;
        }
        if (query instanceof PhraseQuery pq) {
            Term[] terms = pq.getTerms();
            return end + shingleTokens(terms[terms.length - 1].text()) - 1;
        }
        return end;
    }

    private static int shingleTokens(String term) {
        return switch (term.charAt(0)) {
            case Analysis.PIECE_MARK -> 1;
            case Analysis.TRIPLE_MARK -> 3;
            default -> 2;
        };
    }

    /** Exact-field tokens of a track's cues, tokenized on demand (a moment needs only a few cues). */
    private static final class DocTokens {
        private final CueTable table;
        private final Analyzer exact;
        private final Map<Integer, List<Analysis.Token>> byCue = new HashMap<>();

        DocTokens(CueTable table, Analyzer exact) {
            this.table = table;
            this.exact = exact;
        }

        List<Analysis.Token> of(int cue) {
            return byCue.computeIfAbsent(cue, c -> Analysis.tokens(exact, table.text(c)));
        }
    }

    /** Aligned and edited text before any other track; the rest keep their score order. */
    private static int sourceRank(String source) {
        return switch (source) {
            case "aligned" -> 0;
            case "edited" -> 1;
            default -> 2;
        };
    }

    /** One matching track. */
    private static final class TrackHit {
        final int leaf;
        final int doc;
        final float score;
        final String interview;
        final String lang;
        final String source;
        final int trackOrder;
        /** Per facet: the number of values, then their segment ordinals. */
        final int[] facetOrds;

        TrackHit(int leaf, int doc, float score, String interview, String lang, String source, int trackOrder,
                int[] facetOrds) {
            this.leaf = leaf;
            this.doc = doc;
            this.score = score;
            this.interview = interview;
            this.lang = lang;
            this.source = source;
            this.trackOrder = trackOrder;
            this.facetOrds = facetOrds;
        }

        /** Best score first, then index order (stable across runs). */
        int compareTo(TrackHit o) {
            int c = Float.compare(o.score, score);
            return c != 0 ? c : Integer.compare(trackOrder, o.trackOrder);
        }

        List<String> facetValues(int facet, LeafValues values) throws IOException {
            int at = 0;
            for (int fi = 0; fi < facet; fi++) {
                at += facetOrds[at] + 1;
            }
            List<String> out = new ArrayList<>(facetOrds[at]);
            for (int k = 1; k <= facetOrds[at]; k++) {
                out.add(values.facet(facet, facetOrds[at + k]));
            }
            return out;
        }
    }

    /** Adds the start of every cue of one track where the query matches (by that speaker, when the cues say). */
    private void cueStarts(Weight weight, LeafReaderContext leaf, TrackHit hit, @Nullable String speaker,
            java.util.Set<Long> into) throws IOException {
        Matches matches = weight.matches(leaf, hit.doc);
        if (matches == null) {
            return;
        }
        CueTable table = cueTable(leaf, hit.doc);
        if (table == null || table.size() == 0) {
            return;
        }
        boolean speakerKnown = false;
        for (int c = 0; c < table.size() && !speakerKnown; c++) {
            speakerKnown = table.speaker(c) != null;
        }
        String cueSpeaker = speakerKnown ? speaker : null;
        for (String field : matches) {
            if (!isPositional(field)) {
                continue;
            }
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            while (it.next()) {
                if (it.startPosition() < 0) {
                    continue;
                }
                int c = table.cueAt(it.startPosition());
                if (cueSpeaker == null || cueSpeaker.equals(table.speaker(c))) {
                    into.add(table.startMs(c));
                }
            }
        }
    }

    /** The matching tracks of one interview; most interviews match with one track, so no list is made for it. */
    private static final class Group {
        private final TrackHit first;
        private @Nullable List<TrackHit> more;
        float best;

        Group(TrackHit first) {
            this.first = first;
            this.best = first.score;
        }

        void add(TrackHit h) {
            if (more == null) {
                more = new ArrayList<>(4);
                more.add(first);
            }
            more.add(h);
            best = Math.max(best, h.score);
        }

        TrackHit first() {
            return more == null ? first : more.get(0);
        }

        /** Within an interview, text a person checked comes first: aligned, then edited, then AI text. */
        List<TrackHit> ordered() {
            if (more == null) {
                return List.of(first);
            }
            more.sort(Comparator.comparingInt((TrackHit h) -> sourceRank(h.source)).thenComparing(TrackHit::compareTo));
            return more;
        }
    }

    /**
     * The searcher with per-segment lookups of interview IDs, titles and facet values by ordinal. A searcher serves
     * one point-in-time reader and is reused until the next commit, so what is looked up once stays valid.
     */
    private static final class CachingSearcher extends IndexSearcher {
        final LeafValues[] values;
        /** Languages with a stemmed field in this index: parsing and weighing the others is wasted work. */
        final Set<String> stemKeys = new HashSet<>();
        /** Whether every segment with words has their pairs: an index of schema 1 (before reindexing) has none. */
        final boolean hasPairs;

        CachingSearcher(IndexReader reader) throws IOException {
            super(reader);
            setSimilarity(TranscriptIndex.SIMILARITY);
            List<LeafReaderContext> leaves = reader.leaves();
            values = new LeafValues[leaves.size()];
            boolean pairs = true;
            for (int i = 0; i < values.length; i++) {
                LeafReader leaf = leaves.get(i).reader();
                pairs &= leaf.terms(Analysis.EXACT) == null || leaf.terms(Analysis.PAIRS) != null;
                values[i] = new LeafValues(leaves.get(i).reader());
                for (String key : Analysis.STEM_LANGS) {
                    if (leaves.get(i).reader().terms(Analysis.STEMMED_PREFIX + key) != null) {
                        stemKeys.add(key);
                    }
                }
            }
            hasPairs = pairs;
        }
    }

    /**
     * Names by ordinal of one segment's interview and facet doc values, filled as they are first needed (the few
     * distinct values of a page of hits, not every speaker of the index). Thread-safe.
     */
    private static final class LeafValues {
        private final LeafReader reader;
        private final String[] interviews;
        private final String[][] facets;
        private @Nullable SortedDocValues interviewLookup;
        private final @Nullable SortedSetDocValues[] facetLookup;

        LeafValues(LeafReader reader) {
            this.reader = reader;
            this.interviews = new String[valueCount(reader, Analysis.INTERVIEW, false)];
            this.facets = new String[FACETS.size()][];
            this.facetLookup = new SortedSetDocValues[FACETS.size()];
            for (int fi = 0; fi < FACETS.size(); fi++) {
                facets[fi] = new String[valueCount(reader, FACETS.get(fi), true)];
            }
        }

        private static int valueCount(LeafReader reader, String field, boolean set) {
            try {
                return set ? (int) DocValues.getSortedSet(reader, field).getValueCount()
                        : DocValues.getSorted(reader, field).getValueCount();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        int valueCount(int facet) {
            return facets[facet].length;
        }

        synchronized String interview(int ord) throws IOException {
            String s = interviews[ord];
            if (s == null) {
                if (interviewLookup == null) {
                    interviewLookup = DocValues.getSorted(reader, Analysis.INTERVIEW);
                }
                s = interviewLookup.lookupOrd(ord).utf8ToString();
                interviews[ord] = s;
            }
            return s;
        }

        synchronized String facet(int facet, int ord) throws IOException {
            String s = facets[facet][ord];
            if (s == null) {
                SortedSetDocValues dv = facetLookup[facet];
                if (dv == null) {
                    dv = DocValues.getSortedSet(reader, FACETS.get(facet));
                    facetLookup[facet] = dv;
                }
                s = dv.lookupOrd(ord).utf8ToString();
                facets[facet][ord] = s;
            }
            return s;
        }

        /** The interview title of a track (doc values: a stored-fields read decompresses a whole block). */
        String title(int doc) throws IOException {
            BinaryDocValues dv = reader.getBinaryDocValues(Analysis.TITLE); // null in a schema 1 index
            if (dv != null && dv.advanceExact(doc)) {
                return dv.binaryValue().utf8ToString();
            }
            String stored = reader.storedFields().document(doc, Set.of(Analysis.TITLE)).get(Analysis.TITLE);
            return stored == null ? "" : stored;
        }
    }

    /** Collects every matching track with its score, interview and facet ordinals (the corpus is ~1 doc per hour). */
    private static final class HitCollector extends SimpleCollector {
        private final List<TrackHit> hits;
        private final LeafValues[] values;
        private @Nullable Scorable scorer;
        private int leafOrd;
        private int docBase;
        private @Nullable SortedDocValues interview;
        private final SortedSetDocValues[] facetValues = new SortedSetDocValues[FACETS.size()];
        private int[] buffer = new int[16];

        HitCollector(List<TrackHit> hits, LeafValues[] values) {
            this.hits = hits;
            this.values = values;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            leafOrd = context.ord;
            docBase = context.docBase;
            interview = DocValues.getSorted(context.reader(), Analysis.INTERVIEW);
            for (int i = 0; i < FACETS.size(); i++) {
                facetValues[i] = DocValues.getSortedSet(context.reader(), FACETS.get(i));
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            LeafValues names = values[leafOrd];
            SortedDocValues iv = interview;
            String id = iv != null && iv.advanceExact(doc) ? names.interview(iv.ordValue()) : "";
            int at = 0;
            String lang = "";
            String source = "";
            for (int i = 0; i < FACETS.size(); i++) {
                SortedSetDocValues dv = facetValues[i];
                int n = dv.advanceExact(doc) ? dv.docValueCount() : 0;
                if (at + n + 1 > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, (at + n + 1) * 2);
                }
                buffer[at++] = n;
                for (int k = 0; k < n; k++) {
                    int ord = (int) dv.nextOrd();
                    buffer[at++] = ord;
                    if (k == 0 && i == 0) {
                        lang = names.facet(0, ord);
                    } else if (k == 0 && i == 1) {
                        source = names.facet(1, ord);
                    }
                }
            }
            float score = scorer == null ? 0f : scorer.score();
            hits.add(new TrackHit(leafOrd, doc, score, id, lang, source, docBase + doc,
                    java.util.Arrays.copyOf(buffer, at)));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
