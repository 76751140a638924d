package io.capdex.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A document capdex cannot take text from, with a message for people: {@code path: reason}, never a parser's
 * stack trace. An {@link IOException}, so callers that already handle I/O failures report it the same way.
 */
public final class DocumentException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a document gave no text. */
    public enum Reason {
        /** The file is missing, a directory, or cannot be read. */
        UNREADABLE,
        /** Not one of the document types capdex reads, or not what its name says (a text file named .docx). */
        UNSUPPORTED,
        /** The file is damaged or not a valid file of its type. */
        CORRUPT,
        /** The document is password-protected. */
        ENCRYPTED,
        /** The document expands beyond capdex's limits: a zip bomb, or more text than any transcript has. */
        TOO_LARGE,
        /** The document holds no text: empty, or a scanned (image-only) PDF. */
        NO_TEXT
    }

    private final transient Path path;
    private final Reason reason;
    private final String detail;

    public DocumentException(Path path, Reason reason, String detail) {
        super(path + ": " + detail);
        this.path = Objects.requireNonNull(path, "path");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }

    /** The message without the path: {@code no text found (image-only PDF?)}. */
    public String detail() {
        return detail;
    }
}
