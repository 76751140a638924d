package io.capdex.web;

/**
 * A request that cannot be answered, with the HTTP status and a message for the person who made it; becomes the
 * JSON body {@code {"error","status"}}. Carries no stack trace: it is an answer, not a bug.
 */
final class WebError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    WebError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static WebError notFound(String message) {
        return new WebError(404, message);
    }

    static WebError badRequest(String message) {
        return new WebError(400, message);
    }
}
