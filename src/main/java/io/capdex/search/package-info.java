/**
 * The transcript index and searcher: one Lucene document per caption track, exact, stemmed and phonetic
 * fields over the joined cue text, adjacent word pairs that answer phrases, a cue table for moments, facets and
 * filters.
 *
 * <p>The only user of Apache Lucene; imports nothing of ours, so callers hand it {@link io.capdex.search.TrackDocument}s.
 */
@NullMarked
package io.capdex.search;

import org.jspecify.annotations.NullMarked;
