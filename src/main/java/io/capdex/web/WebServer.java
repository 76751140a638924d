package io.capdex.web;

import io.capdex.export.Exporter;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' web server ({@code capdex serve}): the search and interview pages, the JSON API, stamped captions
 * and exports, the video with byte ranges (an MP4 remux when the browser cannot play the original) and
 * thumbnails, all read only over one data folder. Routes and JSON fields are listed in the README and DESIGN.md
 * §3. Start with {@link #start}, stop with {@link #close}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Every response carries it; the pages ship no inline script or style. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    /** Request line plus headers; past it Jetty answers 414 (long URI) or 431 (large headers). */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The server takes no request bodies (GET and HEAD only); a larger declared body gets 413. */
    static final long MAX_BODY_BYTES = 8 * 1024;
    private static final Set<HandlerType> ALLOWED = Set.of(HandlerType.GET, HandlerType.HEAD);

    private final Javalin app;
    private final Archive archive;
    private final Media media;
    private final String host;

    private WebServer(Javalin app, Archive archive, Media media, String host) {
        this.app = app;
        this.archive = archive;
        this.media = media;
        this.host = host;
    }

    /**
     * Starts serving {@code options.dataFolder()}.
     *
     * @throws IllegalArgumentException when the bind address is not a loopback address and there is no token, or
     *     the address is unknown (the message says what to do)
     * @throws IOException when the port cannot be bound
     */
    public static WebServer start(ServeOptions options) throws IOException {
        if (options.token() == null && !isLoopback(options.bind())) {
            throw new IllegalArgumentException("refusing to serve on " + options.bind() + " without a token: anyone "
                    + "who can reach that address could read the archive; add --token SECRET (clients then send "
                    + "'Authorization: Bearer SECRET'), or bind to 127.0.0.1");
        }
        Archive archive = new Archive(options.dataFolder());
        Exporter exporter = new Exporter(options.texts(), options.exportOptions());
        Access access = new Access(options.token());
        Pages pages = new Pages(options.pages());
        SearchApi searchApi = new SearchApi(archive, exporter);
        InterviewApi interviewApi = new InterviewApi(archive, exporter);
        Media media = new Media(archive);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.generateEtags = false;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setSendServerVersion(false);
                http.setSendDateHeader(true);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));

            config.routes.before(ctx -> {
                secure(ctx);
                if (!ALLOWED.contains(ctx.method())) {
                    ctx.header("Allow", "GET, HEAD");
                    throw new WebError(405, ctx.method() + " is not allowed: this server only reads (GET, HEAD)");
                }
                String length = ctx.header("Content-Length");
                if (length != null && !length.equals("0") || ctx.header("Transfer-Encoding") != null) {
                    throw new WebError(413, "this server takes no request body");
                }
                access.check(ctx);
            });

            get(config.routes, "/", pages::search);
            get(config.routes, "/interviews/{id}", ctx -> {
                archive.require(ctx.pathParam("id"));
                pages.interview(ctx);
            });
            get(config.routes, "/assets/<path>", pages::asset);
            get(config.routes, "/api/search", searchApi::handle);
            get(config.routes, "/api/interviews/{id}", interviewApi::interview);
            get(config.routes, "/api/interviews/{id}/cues", interviewApi::cues);
            get(config.routes, "/captions/{id}/{file}", interviewApi::captions);
            get(config.routes, "/export/{id}/{file}", interviewApi::export);
            get(config.routes, "/video/{id}", media::video);
            get(config.routes, "/thumbs/{file}", media::thumbnail);

            config.routes.exception(WebError.class, (e, ctx) -> {
                secure(ctx);
                json(ctx, e.status(), Json.error(e.status(), e.getMessage()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {}: internal error", ctx.method(), ctx.path(), e);
                secure(ctx);
                json(ctx, 500, Json.error(500, "internal error (the server log has the details)"));
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) { // a route's own 404 has its message
                    secure(ctx);
                    json(ctx, 404, Json.error(404, "no such page or resource: " + ctx.path()));
                }
            });
        });
        String host = options.bind();
        try {
            app.start(host, options.port());
        } catch (RuntimeException e) {
            media.close();
            archive.close();
            throw new IOException("cannot listen on " + host + ":" + options.port() + " (" + rootMessage(e) + ")", e);
        }
        return new WebServer(app, archive, media, host);
    }

    /** The port the server listens on (the real one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            h = "localhost";
        }
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** Whether an address (or host name) is this machine only. */
    public static boolean isLoopback(String bind) {
        try {
            for (InetAddress a : InetAddress.getAllByName(bind)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            app.stop();
            media.close();
        } finally {
            try {
                archive.close();
            } catch (IOException e) {
                LOG.warn("closing the index: {}", e.getMessage());
            }
        }
    }

    private static void get(io.javalin.config.RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** The security headers every response carries. */
    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(body);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
