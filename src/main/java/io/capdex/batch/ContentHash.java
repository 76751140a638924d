package io.capdex.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's bytes, streamed (a 3-hour video is never held in memory). Stateless and thread-safe. */
public final class ContentHash {
    private static final int BUFFER_BYTES = 1 << 16;

    private ContentHash() {
    }

    /** The SHA-256 of the file's bytes as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The file's hash with its size and modification time. The attributes are read before the bytes, so a file
     * that changes while it is hashed looks modified next time rather than unchanged.
     */
    public static InputHash of(Path file, String role) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String sha = sha256(file);
        return new InputHash(file.toAbsolutePath().normalize().toString(), role, attributes.size(),
                attributes.lastModifiedTime().toMillis(), sha);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
