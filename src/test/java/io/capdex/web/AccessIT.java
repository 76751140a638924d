package io.capdex.web;

import static io.capdex.web.SampleArchive.get;
import static io.capdex.web.SampleArchive.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --token}: bearer header, the one-time {@code ?token=} that sets a cookie, and refusals. */
class AccessIT {
    private static final String TOKEN = "s3cret-Token_42";

    @TempDir static Path data;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(ServeOptions.defaults(data).withPort(0).withToken(TOKEN).withPages("testweb"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteNeedsTheToken() throws Exception {
        for (String path : new String[] {"/", "/api/search?q=a", "/assets/test.css", "/video/x", "/nope"}) {
            HttpResponse<byte[]> r = get(server, path);
            assertEquals(401, r.statusCode(), path);
            assertEquals("Bearer realm=\"capdex\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
            assertTrue(text(r).contains("\"status\":401"), text(r));
            assertEquals(WebServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""));
        }
    }

    @Test
    void acceptsTheBearerTokenAndRefusesAWrongOne() throws Exception {
        assertEquals(200, get(server, "/api/search?q=", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get(server, "/", "Authorization", "bearer " + TOKEN).statusCode());
        assertEquals(401, get(server, "/api/search?q=", "Authorization", "Bearer " + TOKEN + "x").statusCode());
        assertEquals(401, get(server, "/api/search?q=", "Authorization", "Basic " + TOKEN).statusCode());
        assertEquals(401, get(server, "/api/search?q=&token=wrong").statusCode());
    }

    @Test
    void aTokenInTheUrlSetsAStrictHttpOnlyCookieAndIsRemovedFromTheUrl() throws Exception {
        HttpResponse<byte[]> r = get(server, "/?q=leuk%C3%A6mia&token=" + TOKEN);
        assertEquals(303, r.statusCode());
        assertEquals("/?q=leuk%C3%A6mia", r.headers().firstValue("Location").orElse(""));
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertTrue(pair.startsWith(Access.COOKIE + "="), pair);
        assertFalse(pair.contains(TOKEN), "the cookie holds a session value, not the token");
        assertEquals(200, get(server, "/api/search?q=", "Cookie", pair).statusCode());
        assertEquals(200, get(server, "/assets/test.js", "Cookie", pair).statusCode());
        assertEquals(401, get(server, "/api/search?q=", "Cookie", Access.COOKIE + "=forged").statusCode());
    }

    @Test
    void aNonLoopbackAddressIsAllowedWithAToken() throws Exception {
        try (WebServer open = WebServer.start(ServeOptions.defaults(data).withPort(0).withBind("0.0.0.0").withToken(TOKEN))) {
            assertEquals(401, get(open, "/api/search?q=").statusCode());
            assertEquals(200, get(open, "/api/search?q=", "Authorization", "Bearer " + TOKEN).statusCode());
        }
    }
}
