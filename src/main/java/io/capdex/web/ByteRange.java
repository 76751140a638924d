package io.capdex.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One satisfiable byte range of a representation (RFC 9110 §14), inclusive at both ends, and the parsing of a
 * {@code Range} header into one.
 */
record ByteRange(long first, long last) {
    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException(first + "-" + last);
        }
    }

    long length() {
        return last - first + 1;
    }

    /** {@code bytes 0-499/1234}. */
    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /** What a {@code Range} header asks of a representation of {@code total} bytes. */
    sealed interface Request permits Whole, Part, Unsatisfiable {}

    /** No usable range: send the whole representation with 200 (no header, another unit, or several ranges). */
    record Whole() implements Request {}

    /** Send this part with 206. */
    record Part(ByteRange range) implements Request {}

    /** A well-formed range that misses the representation: 416 with {@code Content-Range: bytes *}{@code /total}. */
    record Unsatisfiable() implements Request {}

    /**
     * Parses a {@code Range} header. Only one range is served: RFC 9110 lets a server ignore a multi-range request
     * (and media players never send one), so several ranges get the whole file. A syntactically broken header is
     * ignored too, as the RFC asks.
     */
    static Request parse(@Nullable String header, long total) {
        if (header == null) {
            return new Whole();
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = h.substring(6).strip();
        if (spec.indexOf(',') >= 0) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        Optional<Long> from = number(spec.substring(0, dash).strip());
        Optional<Long> to = number(spec.substring(dash + 1).strip());
        boolean noFrom = spec.substring(0, dash).isBlank();
        boolean noTo = spec.substring(dash + 1).isBlank();
        if (noFrom) {
            // suffix range: the last N bytes
            if (to.isEmpty()) {
                return new Whole();
            }
            long n = to.get();
            if (n == 0 || total == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, total - n), total - 1));
        }
        if (from.isEmpty() || (!noTo && to.isEmpty())) {
            return new Whole();
        }
        long first = from.get();
        if (!noTo && to.get() < first) {
            return new Whole(); // last before first: invalid, so ignored (RFC 9110 §14.1.1)
        }
        if (first >= total) {
            return new Unsatisfiable();
        }
        long last = noTo ? total - 1 : Math.min(to.get(), total - 1);
        return new Part(new ByteRange(first, last));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(digits));
    }
}
