package io.capdex.search;

/** A search query that cannot be understood; the message says what is wrong in words a user can act on. */
public final class QueryException extends Exception {
    private final String query;

    QueryException(String query, String message) {
        super(message);
        this.query = query;
    }

    /** The query as the user typed it. */
    public String query() {
        return query;
    }
}
