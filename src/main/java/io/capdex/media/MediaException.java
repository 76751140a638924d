package io.capdex.media;

/** A media file could not be read or written; the message is meant for a person, never a bare FFmpeg code. */
public final class MediaException extends Exception {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
