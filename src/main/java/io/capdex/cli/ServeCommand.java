package io.capdex.cli;

import io.capdex.batch.IngestPipeline;
import io.capdex.config.Config;
import io.capdex.export.ExportOptions;
import io.capdex.export.WarningTexts;
import io.capdex.web.ServeOptions;
import io.capdex.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex serve}: the editors' web page over the data folder, read only, until stopped (Ctrl+C). */
@Command(name = "serve", description = {"Serve the search and interview pages over the data folder (read only).",
        "  capdex serve                      # http://127.0.0.1:8080/",
        "  capdex serve --bind 0.0.0.0 --token SECRET",
        "Another address than loopback needs a token; clients send 'Authorization: Bearer SECRET', browsers open",
        "any page once with ?token=SECRET. The token may also come from $CAPDEX_TOKEN."})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Require this bearer token (default: $CAPDEX_TOKEN if set).")
    @Nullable String token;

    @Override
    public Integer call() throws InterruptedException {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCode.USAGE, "capdex serve: --port must be 0..65535 (got " + port + ")");
        }
        String t = token != null ? token : System.getenv("CAPDEX_TOKEN");
        if (t != null && t.isBlank()) {
            throw new CliException(ExitCode.USAGE, "capdex serve: the token is blank");
        }
        if (t == null && !WebServer.isLoopback(bind)) {
            throw new CliException(ExitCode.USAGE, "capdex serve: refusing to listen on " + bind + " without a token: "
                    + "anyone who can reach it could read the archive. Add --token SECRET (or set $CAPDEX_TOKEN), "
                    + "or keep the default --bind 127.0.0.1");
        }
        Path data = ctx.dataDir();
        if (!Files.isDirectory(data)) {
            throw new CliException(ExitCode.INPUT, "capdex serve: no data folder " + data
                    + " (capdex ingest FOLDER makes one, or pass --data DIR)");
        }
        Config config = ctx.config();
        ServeOptions options = ServeOptions.defaults(data).withBind(bind).withPort(port).withToken(t)
                .withTexts(WarningTexts.of(config.organisation(), config.warningTexts(), config.warningLabels()))
                .withExportOptions(ExportOptions.defaults().withSrtAn8(config.srtPosition() == Config.SrtPosition.AN8));
        WebServer server;
        try {
            server = WebServer.start(options);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "capdex serve: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "capdex serve: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "capdex-serve-stop"));
        out.println("capdex serve: " + server.uri() + " (data: " + data + "; Ctrl+C stops)");
        String stale = CommandContext.otherSchemaNote(IngestPipeline.indexFolder(data));
        if (stale != null) {
            out.println("  " + stale);
        }
        if (t != null) {
            out.println("  requests need 'Authorization: Bearer TOKEN'; in a browser open " + server.uri()
                    + "?token=TOKEN once");
        }
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
