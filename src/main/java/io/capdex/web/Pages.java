package io.capdex.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The static pages and their assets, read from the classpath ({@code web/} in the jar): {@code /} is
 * {@code search.html}, {@code /interviews/ID} is {@code interview.html}, {@code /assets/…} the CSS, scripts,
 * fonts and images. Files are read once and kept in memory with a content hash as ETag; browsers revalidate
 * (no-cache) so a new jar is picked up at once, and get 304 while nothing changed.
 */
final class Pages {
    /** Asset paths: plain names in folders, no dot segments, no backslashes or encoded characters. */
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("vtt", "text/vtt; charset=utf-8"));

    private final String root;
    private final Map<String, Optional<Resource>> cache = new ConcurrentHashMap<>();

    private record Resource(byte[] bytes, String type, String etag) {}

    Pages(String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    void search(Context ctx) {
        send(ctx, "search.html", "the search page is missing from this build (web/search.html)");
    }

    void interview(Context ctx) {
        send(ctx, "interview.html", "the interview page is missing from this build (web/interview.html)");
    }

    void asset(Context ctx) {
        String path = ctx.pathParam("path");
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw WebError.notFound("no asset '" + path + "'");
        }
        send(ctx, "assets/" + path, "no asset '" + path + "'");
    }

    private void send(Context ctx, String name, String missing) {
        Resource r = cache.computeIfAbsent(name, this::load).orElseThrow(() -> WebError.notFound(missing));
        ctx.header("ETag", r.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(r.type());
        String match = ctx.header("If-None-Match");
        if (match != null && (match.equals(r.etag()) || match.equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.header("Content-Length", Integer.toString(r.bytes().length));
        ctx.result(r.bytes());
    }

    private Optional<Resource> load(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(root + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Optional.of(new Resource(bytes, type, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\""));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
