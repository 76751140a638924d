package io.capdex.cli;

import io.capdex.bench.BenchReport;
import io.capdex.bench.Metric;
import io.capdex.bench.ParseBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code capdex bench NAME}: prints performance figures measured on generated material. */
@Command(name = "bench", description = "Print performance figures (parse, sync).")
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Which benchmark: parse, sync.")
    String name;

    @Option(names = "--cues", description = "Cues in the generated track for 'parse' (default ${DEFAULT-VALUE}).",
            defaultValue = "200000")
    int cues;

    @Option(names = "--runs", description = "Timed runs after warm-up; the best is reported (default ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int runs;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        BenchReport report = switch (name) {
            case "parse" -> new ParseBench(cues, runs).run();
            default -> throw new CliException(ExitCode.USAGE, "capdex: unknown benchmark '" + name
                    + "' (known: parse)");
        };
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            out.println("bench " + report.name() + " (" + report.environment().get("java") + ", "
                    + report.environment().get("cores") + " cores)");
            for (Metric m : report.metrics()) {
                out.printf("  %-24s %12s %s%n", m.name(), format(m.value()), m.unit());
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }
}
