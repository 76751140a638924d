package io.capdex.cli;

import io.capdex.config.Config;
import io.capdex.export.FfmpegMedia;
import io.capdex.export.Verifier;
import io.capdex.export.VerifyReport;
import io.capdex.export.VerifyResult;
import io.capdex.export.WarningTexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex verify PATH…}: proves that every file carries the AI-subtitle accuracy warning. */
@Command(name = "verify", description = {"Prove that every file carries the AI-subtitle accuracy warning.",
        "Reads caption files, transcripts (TXT, HTML, DOCX, JSON) and MP4/MKV subtitle tracks; exits 3 if any lacks it.",
        "  capdex verify exports/"})
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders to verify every file in.")
    List<Path> paths;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        Config config = ctx.config();
        WarningTexts texts = WarningTexts.of(config.organisation(), config.warningTexts(), config.warningLabels());
        Verifier verifier = new Verifier(texts, new FfmpegMedia());
        VerifyReport report = verifier.verifyAll(expand(paths));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            for (VerifyResult r : report.files()) {
                if (r.stamped()) {
                    if (!ctx.quiet()) {
                        out.println(r.path() + ": stamped (" + r.kind() + ", " + String.join("; ", r.where()) + ")");
                    }
                } else {
                    err.println(r.path() + ": MISSING the AI-subtitle warning (" + r.kind() + "): " + r.detail());
                }
            }
            if (!ctx.quiet()) {
                out.println(report.files().size() + " files verified: " + report.missing() + " without the warning");
            }
        }
        out.flush();
        err.flush();
        return report.missing() > 0 ? ExitCode.INPUT : ExitCode.OK;
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
