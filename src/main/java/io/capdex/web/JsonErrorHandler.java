package io.capdex.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's answer to requests that never reach a route (a request line or headers past the limits: 414, 431; a
 * malformed or ambiguous URI: 400) in the server's shape: {@code {"error","status"}} with the security headers,
 * never an HTML page with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, @Nullable String message,
            @Nullable Throwable cause, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers(headers);
        response.write(true, ByteBuffer.wrap(Json.error(code, text(code, message))), callback);
    }

    private static void headers(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("Content-Security-Policy", WebServer.CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
    }

    private static String text(int status, @Nullable String reason) {
        return switch (status) {
            case 414 -> "the URL is too long (at most " + WebServer.MAX_HEADER_BYTES / 1024 + " KB with the headers)";
            case 431 -> "the request headers are too large (at most " + WebServer.MAX_HEADER_BYTES / 1024 + " KB)";
            case 413 -> "the request is too large";
            default -> reason != null && !reason.isBlank() && !reason.contains("\n") ? reason
                    : HttpStatus.getMessage(status);
        };
    }
}
