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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
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
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
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
    private static final int TABLE_CACHE_SIZE = 256;
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
    private volatile long lastRefreshNanos = System.nanoTime();
    /** LRU of decoded cue tables (a one-hour track's table is ~60 KB); keyed by segment core and doc. */
    private final Map<Object, CueTable> tables = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, CueTable> eldest) {
            return size() > TABLE_CACHE_SIZE;
        }
    };

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
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                        org.apache.lucene.index.@Nullable IndexReader previous) {
                    IndexSearcher s = new IndexSearcher(reader);
                    s.setSimilarity(TranscriptIndex.SIMILARITY);
                    return s;
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
        if (System.nanoTime() - lastRefreshNanos > REFRESH_EVERY_NANOS) {
            lastRefreshNanos = System.nanoTime();
            manager.maybeRefresh();
        }
        IndexSearcher searcher = manager.acquire();
        try {
            SearchResult r = search(searcher, request, request.soundsLike(), false);
            if (r.total() == 0 && !request.soundsLike()) {
                // fallback: maybe misheard; only the phonetic clauses, as the others just found nothing
                SearchResult phonetic = search(searcher, request, true, true);
                if (phonetic.total() > 0) {
                    return phonetic;
                }
            }
            return r;
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
            boolean phoneticOnly) throws IOException, QueryException {
        SearchRequest.Filters f = request.filters();
        Query parsed = phoneticOnly ? phoneticOrFail(request.query()) : textQuery(request.query(), f, soundsLike);
        Query text;
        try {
            // rewrite once: fuzzy and prefix expansion is the costly part, and matching and moments share it
            text = searcher.rewrite(parsed);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(request.query(), "the query '" + request.query()
                    + "' expands to too many words; use a longer prefix or fewer wildcards");
        }
        BooleanQuery.Builder full = new BooleanQuery.Builder().add(text, Occur.MUST);
        for (Query filter : filters(f)) {
            full.add(filter, Occur.FILTER);
        }
        List<TrackHit> hits = new ArrayList<>();
        try {
            searcher.search(full.build(), new HitCollector(hits));
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
        Map<String, List<TrackHit>> byInterview = new HashMap<>();
        for (TrackHit h : hits) {
            byInterview.computeIfAbsent(h.interview, k -> new ArrayList<>()).add(h);
        }
        List<List<TrackHit>> groups = new ArrayList<>(byInterview.values());
        Map<List<TrackHit>, Float> bestScore = new java.util.IdentityHashMap<>(); // lists change hash as they sort
        for (List<TrackHit> g : groups) {
            float best = Float.NEGATIVE_INFINITY;
            for (TrackHit h : g) {
                best = Math.max(best, h.score);
            }
            bestScore.put(g, best);
            if (g.size() > 1) {
                // within an interview, text a person checked comes first: aligned, then edited, then AI text
                g.sort(Comparator.comparingInt((TrackHit h) -> sourceRank(h.source)).thenComparing(TrackHit::compareTo));
            }
        }
        // interviews rank by their best-scoring track, whatever its source
        groups.sort((a, b) -> {
            int c = Float.compare(bestScore.get(b), bestScore.get(a));
            return c != 0 ? c : a.get(0).interview.compareTo(b.get(0).interview);
        });
        List<SearchResult.Hit> page = new ArrayList<>();
        int end = Math.min(groups.size(), request.offset() + request.limit());
        for (int i = request.offset(); i < end; i++) {
            List<TrackHit> g = groups.get(i);
            TrackHit best = g.get(0);
            List<SearchResult.Moment> moments = new ArrayList<>();
            for (TrackHit h : g) {
                int remaining = request.maxMoments() - moments.size();
                if (remaining <= 0) {
                    break;
                }
                moments.addAll(moments(weight, leaves.get(h.leaf), h, speaker, remaining));
            }
            Document stored = leaves.get(best.leaf).reader().storedFields().document(best.doc, Set.of(Analysis.TITLE));
            String title = stored.get(Analysis.TITLE);
            page.add(new SearchResult.Hit(best.interview, title == null ? "" : title, bestScore.get(g), g.size(), moments));
        }
        return new SearchResult(request.query(), groups.size(), request.offset(), page, facets(groups), soundsLike);
    }

    /** Interviews per facet value: each interview counts once per value, however many of its tracks match. */
    private static Map<String, Map<String, Integer>> facets(List<List<TrackHit>> groups) {
        List<Map<String, int[]>> counts = new ArrayList<>(FACETS.size());
        for (int fi = 0; fi < FACETS.size(); fi++) {
            counts.add(new HashMap<>());
        }
        Set<String> seen = new HashSet<>();
        for (List<TrackHit> g : groups) {
            for (int fi = 0; fi < FACETS.size(); fi++) {
                Map<String, int[]> c = counts.get(fi);
                if (g.size() == 1) {
                    for (String v : g.get(0).facets[fi]) {
                        c.computeIfAbsent(v, k -> new int[1])[0]++;
                    }
                    continue;
                }
                seen.clear();
                for (TrackHit h : g) {
                    for (String v : h.facets[fi]) {
                        if (seen.add(v)) {
                            c.computeIfAbsent(v, k -> new int[1])[0]++;
                        }
                    }
                }
            }
        }
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int fi = 0; fi < FACETS.size(); fi++) {
            List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.get(fi).entrySet());
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

    Query textQuery(String query, SearchRequest.Filters f, boolean soundsLike) throws QueryException {
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
            if (quoted || f.lang() != null && !e.getKey().equals(langKey)) {
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
            any.add(new BoostQuery(phoneticOrFail(query), PHONETIC_BOOST), Occur.SHOULD);
        }
        return any.build();
    }

    private Query phoneticOrFail(String query) throws QueryException {
        Query ph = phonetic(query);
        if (ph == null) {
            throw new QueryException(query, "nothing to match by sound in '" + query + "': type a word");
        }
        return ph;
    }

    private @Nullable Query parse(String query, String field, Analyzer analyzer) throws QueryException {
        QueryParser parser = new QueryParser(field, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false); // lets multi-word synonyms ("measurable residual disease") match
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setAllowLeadingWildcard(false);
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
     * single tokens and against joined 2-4 token shingles (so "leukemia" finds "look emia" and back).
     */
    private @Nullable Query phonetic(String query) {
        String words = OPERATORS.matcher(query).replaceAll(" ");
        List<String> terms = new ArrayList<>();
        for (Analysis.Token t : Analysis.tokens(exact, words)) {
            terms.add(t.term());
        }
        if (terms.isEmpty()) {
            return null;
        }
        Analysis.Phonetics ph = new Analysis.Phonetics();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (terms.size() == 1) {
            b.add(new TermQuery(new Term(Analysis.PHONETIC, ph.code(terms.get(0)))), Occur.SHOULD);
        } else {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (String t : terms) {
                phrase.add(new Term(Analysis.PHONETIC, ph.code(t)));
            }
            b.add(phrase.build(), Occur.SHOULD);
            String joinedCode = ph.code(String.join("", terms));
            b.add(new TermQuery(new Term(Analysis.PHONETIC, joinedCode)), Occur.SHOULD);
        }
        if (terms.size() <= Analysis.MAX_SHINGLE) {
            b.add(new TermQuery(new Term(Analysis.SHINGLE, ph.code(String.join("", terms)))), Occur.SHOULD);
        }
        return b.build();
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
                    end = start + tokens.shingleLength(start, it.getQuery()) - 1;
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
                tables.put(key, t);
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

        @Nullable String termAt(int pos) {
            int c = table.cueAt(pos);
            List<Analysis.Token> t = of(c);
            int i = pos - table.firstPos(c);
            return i >= 0 && i < t.size() ? t.get(i).term() : null;
        }

        /** How many tokens the shingle at {@code start} whose code the matching term query holds spans. */
        int shingleLength(int start, Query query) {
            if (!(query instanceof TermQuery tq)) {
                return 1;
            }
            String code = tq.getTerm().text();
            Analysis.Phonetics ph = new Analysis.Phonetics();
            List<String> terms = new ArrayList<>();
            for (int k = 0; k < Analysis.MAX_SHINGLE; k++) {
                String t = termAt(start + k);
                if (t == null) {
                    break;
                }
                terms.add(t);
            }
            if (terms.isEmpty()) {
                return 1;
            }
            @Nullable String[] codes = ph.shingleCodes(terms, 0);
            for (int k = 2; k <= Analysis.MAX_SHINGLE; k++) {
                if (code.equals(codes[k - 2])) {
                    return k;
                }
            }
            return 1;
        }
    }

    private static final String[] NO_VALUES = new String[0];

    /** Reads a doc values ord's term (the two doc values types have no common interface for it). */
    private interface OrdLookup {
        org.apache.lucene.util.BytesRef lookup(long ord) throws IOException;
    }

    /** One matching track. */
    /** Aligned and edited text before any other track; the rest keep their score order. */
    private static int sourceRank(String source) {
        return switch (source) {
            case "aligned" -> 0;
            case "edited" -> 1;
            default -> 2;
        };
    }

    private static final class TrackHit {
        final int leaf;
        final int doc;
        final float score;
        final String interview;
        final String lang;
        final String source;
        final int trackOrder;
        final String[][] facets;

        TrackHit(int leaf, int doc, float score, String interview, String lang, String source, int trackOrder,
                String[][] facets) {
            this.leaf = leaf;
            this.doc = doc;
            this.score = score;
            this.interview = interview;
            this.lang = lang;
            this.source = source;
            this.trackOrder = trackOrder;
            this.facets = facets;
        }

        /** Best score first, then index order (stable across runs). */
        int compareTo(TrackHit o) {
            int c = Float.compare(o.score, score);
            return c != 0 ? c : Integer.compare(trackOrder, o.trackOrder);
        }
    }

    /**
     * Where a search matched in each of the given interviews: the start time of every matching cue, in time order
     * and without repeats, at most {@code max} per interview; for timeline strips beside a page of results. It
     * matches as {@link #search} did for the same request (pass the result's {@link SearchResult#soundsLike()}, so
     * a sounds-like fallback is repeated) but builds no snippets, so it stays cheap for a thousand moments.
     *
     * @throws QueryException when the query cannot be parsed
     */
    public Map<String, long[]> timelines(SearchRequest request, boolean soundsLike, java.util.Collection<String> interviews,
            int max) throws IOException, QueryException {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (interviews.isEmpty() || max <= 0) {
            return out;
        }
        IndexSearcher searcher = manager.acquire();
        try {
            SearchRequest.Filters f = request.filters();
            boolean phoneticOnly = soundsLike && !request.soundsLike();
            Query text = searcher.rewrite(phoneticOnly ? phoneticOrFail(request.query())
                    : textQuery(request.query(), f, soundsLike));
            BooleanQuery.Builder ids = new BooleanQuery.Builder();
            for (String id : interviews) {
                ids.add(new TermQuery(new Term(Analysis.INTERVIEW, id)), Occur.SHOULD);
            }
            BooleanQuery.Builder full = new BooleanQuery.Builder().add(text, Occur.MUST).add(ids.build(), Occur.FILTER);
            for (Query filter : filters(f)) {
                full.add(filter, Occur.FILTER);
            }
            List<TrackHit> hits = new ArrayList<>();
            searcher.search(full.build(), new HitCollector(hits));
            Weight weight = searcher.createWeight(text, ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            Map<String, java.util.TreeSet<Long>> starts = new LinkedHashMap<>();
            for (String id : interviews) {
                starts.put(id, new java.util.TreeSet<>());
            }
            for (TrackHit h : hits) {
                java.util.TreeSet<Long> set = starts.get(h.interview);
                if (set != null) {
                    cueStarts(weight, leaves.get(h.leaf), h, f.speaker(), set);
                }
            }
            starts.forEach((id, set) -> out.put(id, set.stream().limit(max).mapToLong(Long::longValue).toArray()));
            return out;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(request.query(), "the query '" + request.query()
                    + "' expands to too many words; use a longer prefix or fewer wildcards");
        } finally {
            manager.release(searcher);
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

    /** Collects every matching track with its score, interview and facet values (the corpus is ~1 doc per hour). */
    private static final class HitCollector extends SimpleCollector {
        private final List<TrackHit> hits;
        private @Nullable Scorable scorer;
        private int leafOrd;
        private int docBase;
        private @Nullable SortedDocValues interview;
        private final List<SortedSetDocValues> facetValues = new ArrayList<>();
        private final List<Map<Long, String>> ordNames = new ArrayList<>();
        private final Map<Long, String> interviewNames = new HashMap<>();

        HitCollector(List<TrackHit> hits) {
            this.hits = hits;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            leafOrd = context.ord;
            docBase = context.docBase;
            interview = DocValues.getSorted(context.reader(), Analysis.INTERVIEW);
            interviewNames.clear();
            facetValues.clear();
            ordNames.clear();
            for (String f : FACETS) {
                facetValues.add(DocValues.getSortedSet(context.reader(), f));
                ordNames.add(new HashMap<>());
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            String id = "";
            SortedDocValues iv = interview;
            if (iv != null && iv.advanceExact(doc)) {
                id = name(interviewNames, iv.ordValue(), o -> iv.lookupOrd((int) o));
            }
            String[][] values = new String[FACETS.size()][];
            for (int i = 0; i < FACETS.size(); i++) {
                SortedSetDocValues dv = facetValues.get(i);
                if (dv.advanceExact(doc)) {
                    String[] vs = new String[dv.docValueCount()];
                    Map<Long, String> names = ordNames.get(i);
                    for (int k = 0; k < vs.length; k++) {
                        vs[k] = name(names, dv.nextOrd(), dv::lookupOrd);
                    }
                    values[i] = vs;
                } else {
                    values[i] = NO_VALUES;
                }
            }
            String lang = values[0].length == 0 ? "" : values[0][0];
            String source = values[1].length == 0 ? "" : values[1][0];
            float score = scorer == null ? 0f : scorer.score();
            hits.add(new TrackHit(leafOrd, doc, score, id, lang, source, docBase + doc, values));
        }

        private static String name(Map<Long, String> names, long ord, OrdLookup lookup) throws IOException {
            String name = names.get(ord);
            if (name == null) {
                name = lookup.lookup(ord).utf8ToString();
                names.put(ord, name);
            }
            return name;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
