package io.capdex.caption;

/** When a cue is on screen, in milliseconds. Zero-length spans are allowed; readers warn about them. */
public record TimeSpan(long startMs, long endMs) {
    public TimeSpan {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("bad time span " + startMs + ".." + endMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }

    public TimeSpan shiftedBy(long deltaMs) {
        return new TimeSpan(startMs + deltaMs, endMs + deltaMs);
    }

    public boolean overlaps(TimeSpan other) {
        return startMs < other.endMs && other.startMs < endMs;
    }

    public boolean contains(long timeMs) {
        return timeMs >= startMs && timeMs < endMs;
    }
}
