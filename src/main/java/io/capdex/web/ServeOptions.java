package io.capdex.web;

import io.capdex.export.ExportOptions;
import io.capdex.export.WarningTexts;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@code capdex serve} runs.
 *
 * @param dataFolder the data folder to serve (read only, except {@code DATA/cache/})
 * @param bind the address to listen on; anything but a loopback address needs a {@code token}
 * @param port the TCP port, 0 for any free one
 * @param token the bearer token every request must carry, or null for none (loopback only)
 * @param texts the AI-accuracy warning texts (from the configuration)
 * @param exportOptions how exports and captions are stamped (from the configuration)
 * @param pages the classpath folder holding {@code search.html}, {@code interview.html} and {@code assets/}
 */
public record ServeOptions(Path dataFolder, String bind, int port, @Nullable String token, WarningTexts texts,
        ExportOptions exportOptions, String pages) {
    /** The default address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    public ServeOptions {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(exportOptions, "exportOptions");
        Objects.requireNonNull(pages, "pages");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("a blank token");
        }
    }

    /** Loopback, port 8080, no token, the shipped warning texts, the pages shipped in the jar. */
    public static ServeOptions defaults(Path dataFolder) {
        return new ServeOptions(dataFolder, LOOPBACK, DEFAULT_PORT, null, WarningTexts.shipped(),
                ExportOptions.defaults(), "web");
    }

    public ServeOptions withBind(String v) {
        return new ServeOptions(dataFolder, v, port, token, texts, exportOptions, pages);
    }

    public ServeOptions withPort(int v) {
        return new ServeOptions(dataFolder, bind, v, token, texts, exportOptions, pages);
    }

    public ServeOptions withToken(@Nullable String v) {
        return new ServeOptions(dataFolder, bind, port, v, texts, exportOptions, pages);
    }

    public ServeOptions withTexts(WarningTexts v) {
        return new ServeOptions(dataFolder, bind, port, token, v, exportOptions, pages);
    }

    public ServeOptions withExportOptions(ExportOptions v) {
        return new ServeOptions(dataFolder, bind, port, token, texts, v, pages);
    }

    public ServeOptions withPages(String v) {
        return new ServeOptions(dataFolder, bind, port, token, texts, exportOptions, v);
    }
}
