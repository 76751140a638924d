package io.capdex.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The token check of {@code serve --token T}: every request carries {@code Authorization: Bearer T}, or the
 * session cookie a browser gets by opening any page once with {@code ?token=T} (then redirected to the same URL
 * without it, so the token stays out of the address bar, history and logs). The cookie holds a random value
 * made at start, not the token; it is HttpOnly and SameSite=Strict. Without a token every request passes.
 */
final class Access {
    static final String COOKIE = "capdex_session";
    private final byte @Nullable [] token;
    private final String session;

    Access(@Nullable String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.session = HexFormat.of().formatHex(random);
    }

    /** Passes the request, redirects a {@code ?token=} request, or throws a 401. */
    void check(Context ctx) {
        if (token == null) {
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (same(auth.substring(7).strip())) {
                return;
            }
            throw unauthorized(ctx, "the bearer token is wrong");
        }
        String fromUrl = ctx.queryParam("token");
        if (fromUrl != null) {
            if (!same(fromUrl)) {
                throw unauthorized(ctx, "the token in the URL is wrong");
            }
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(withoutToken(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                session.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        throw unauthorized(ctx, "this server needs a token: send 'Authorization: Bearer TOKEN', or open "
                + "the page once as /?token=TOKEN");
    }

    private boolean same(String given) {
        // constant-time, so the token cannot be guessed byte by byte from response times
        return token != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static WebError unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"capdex\"");
        return new WebError(401, message);
    }

    /** The request's path and query without the {@code token} parameter. */
    private static String withoutToken(Context ctx) {
        StringBuilder sb = new StringBuilder(ctx.path());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("token")) {
                continue;
            }
            for (String v : e.getValue()) {
                sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }
}
