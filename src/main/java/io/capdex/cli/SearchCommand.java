package io.capdex.cli;

import io.capdex.batch.IngestPipeline;
import io.capdex.caption.ClockTime;
import io.capdex.search.QueryException;
import io.capdex.search.SearchRequest;
import io.capdex.search.SearchResult;
import io.capdex.search.TranscriptSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex search QUERY}: the interviews and moments that match, best first (DESIGN.md §6). */
@Command(name = "search", description = {"Search the transcript index; prints each interview's matching moments.",
        "  capdex search \"measurable residual disease\"",
        "  capdex search leukemia --sounds-like --lang en --json"})
final class SearchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words; \"quotes\" for an exact phrase.")
    java.util.List<String> query;

    @Option(names = "--lang", paramLabel = "LANG", description = "Only tracks in this language.")
    @Nullable String lang;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only asr, mt, edited or aligned tracks.")
    @Nullable String source;

    @Option(names = "--speaker", paramLabel = "NAME", description = "Only cues by this speaker.")
    @Nullable String speaker;

    @Option(names = "--interview", paramLabel = "ID", description = "Only this interview.")
    @Nullable String interview;

    @Option(names = "--collection", paramLabel = "NAME", description = "Only this collection.")
    @Nullable String collection;

    @Option(names = "--year", paramLabel = "YYYY", description = "Only interviews of this year.")
    @Nullable Integer year;

    @Option(names = "--sounds-like", description = "Match by sound too (misheard words: \"look emia\").")
    boolean soundsLike;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Interviews shown (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Interviews skipped (paging).")
    int offset;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1 || offset < 0) {
            throw new CliException(ExitCode.USAGE, "capdex search: --limit must be at least 1 and --offset at least 0");
        }
        Path data = ctx.dataDir();
        Path indexDir = IngestPipeline.indexFolder(data);
        if (!Files.isDirectory(indexDir)) {
            throw new CliException(ExitCode.INPUT, "capdex search: no index in " + indexDir
                    + " (capdex ingest PATH builds it)");
        }
        String text = String.join(" ", query);
        SearchRequest request = SearchRequest.of(text)
                .withFilters(SearchRequest.Filters.NONE.withLang(lang).withSource(source).withSpeaker(speaker)
                        .withInterview(interview).withCollection(collection).withYear(year))
                .withSoundsLike(soundsLike).withLimit(limit).withOffset(offset);
        Path synonyms = data.resolve("synonyms.txt");
        SearchResult result;
        try (TranscriptSearch search = TranscriptSearch.open(indexDir, Files.isRegularFile(synonyms) ? synonyms : null)) {
            result = search.search(request);
        } catch (QueryException e) {
            throw new CliException(ExitCode.USAGE, "capdex search: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "capdex search: " + indexDir + ": " + e.getMessage(), e);
        }
        warnIfOtherSchema(indexDir);
        if (json) {
            JsonOutput.print(out, result);
            return ExitCode.OK;
        }
        boolean terminal = System.console() != null;
        if (result.total() == 0) {
            out.println("no interview matches " + text);
        } else {
            out.printf(Locale.ROOT, "%d %s %s%s%n", result.total(), result.total() == 1 ? "interview matches" : "interviews match",
                    text, result.soundsLike() ? " (sounds-like)" : "");
        }
        for (SearchResult.Hit hit : result.results()) {
            out.println();
            out.println(hit.interview() + "  " + hit.title());
            for (SearchResult.Moment m : hit.moments()) {
                out.printf(Locale.ROOT, "  %s  %-5s %-7s %s%n", clock(m.startMs()), m.lang(), m.source(),
                        plain(m.snippet(), terminal));
            }
        }
        if (result.total() > offset + result.results().size()) {
            out.printf(Locale.ROOT, "%n(%d more; --offset %d shows the next)%n",
                    result.total() - offset - result.results().size(), offset + result.results().size());
        }
        out.flush();
        return ExitCode.OK;
    }

    private void warnIfOtherSchema(Path indexDir) {
        String note = CommandContext.otherSchemaNote(indexDir);
        if (note != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("capdex search: " + note);
            err.flush();
        }
    }

    /** {@code 00:01:23.500}. */
    static String clock(long ms) {
        StringBuilder sb = new StringBuilder();
        ClockTime.appendTo(sb, ms, 2, '.');
        return sb.toString();
    }

    /** The snippet's HTML as terminal text: marks become bold on a terminal, else {@code [brackets]}. */
    static String plain(String snippet, boolean terminal) {
        String s = snippet.replace("<mark>", terminal ? "\033[1m" : "[")
                .replace("</mark>", terminal ? "\033[0m" : "]")
                .replace('\n', ' ');
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
