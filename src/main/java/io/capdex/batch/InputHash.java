package io.capdex.batch;

import java.util.Objects;

/**
 * One input file of an interview as it was when ingested: the content hash decides whether it changed; size and
 * modification time let an unchanged file skip hashing (as git's index does).
 *
 * @param path the file, absolute and normalised
 * @param role {@code video}, {@code captions}, {@code transcript}, {@code page} or {@code manifest}
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 */
public record InputHash(String path, String role, long sizeBytes, long modifiedMs, String sha256) {
    public InputHash {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes " + sizeBytes);
        }
    }
}
