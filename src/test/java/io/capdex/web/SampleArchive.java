package io.capdex.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.cli.Main;
import io.capdex.media.MediaConcat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A data folder made by ingesting copies of the bundled samples (the stem cell donor interview as MKV, so the
 * server has to remux it), and the HTTP calls the web tests make against it.
 */
final class SampleArchive {
    static final Path SAMPLES = Path.of("samples");

    private SampleArchive() {}

    /** Copies the samples into {@code root/in} (stem-cell-donor as MKV) and ingests them into {@code root/data}. */
    static Path ingest(Path root) throws Exception {
        Path in = root.resolve("in");
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                boolean interview = name.startsWith("all-remission.") || name.startsWith("cart-therapy.")
                        || name.startsWith("stem-cell-donor.");
                if (interview && !name.endsWith(".truth.json") && !name.equals("stem-cell-donor.mp4")) {
                    Files.copy(f, in.resolve(name));
                }
            }
        }
        MediaConcat.repeat(SAMPLES.resolve("stem-cell-donor.mp4"), 1, in.resolve("stem-cell-donor.mkv"));
        Path data = root.resolve("data");
        String[] out = cli("--data", data.toString(), "ingest", "--no-sync", in.toString());
        assertEquals("0", out[0], out[2]);
        return data;
    }

    /** Runs capdex in-process: {exit code, stdout, stderr}. */
    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /**
     * SHA-256 and modification time of every file of the archive under {@code root} (the data folder and the
     * ingested sources), except the server's own {@code data/cache/}, by relative path.
     */
    static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!(rel.startsWith("data/") || rel.startsWith("in/")) || rel.startsWith("data/cache/")) {
                    continue;
                }
                MessageDigest d = sha256();
                out.put(rel, HexFormat.of().formatHex(d.digest(Files.readAllBytes(p)))
                        + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<byte[]> get(WebServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
