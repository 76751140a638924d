package io.capdex.batch;

import io.capdex.caption.Source;
import io.capdex.detect.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A folder's {@code capdex.csv}: one row per file, {@code id,path,role,lang,source}, overriding what names say
 * (DESIGN.md §4). A header row is optional; when present it may order the columns freely. Quoted cells follow
 * RFC 4180 ({@code "a, b"}, {@code ""} for a quote). Blank lines and lines starting with {@code #} are skipped. A
 * bad row is skipped with a {@code capdex.csv:LINE: message}; the other rows still count.
 */
final class Manifest {
    static final String FILE_NAME = "capdex.csv";
    private static final List<String> COLUMNS = List.of("id", "path", "role", "lang", "source");

    /**
     * One valid row.
     *
     * @param path the file, resolved against the CSV's folder and normalised
     * @param lang a normalised BCP 47 tag, or empty
     * @param source the source the row names, or null
     */
    record Row(int line, String id, Path path, FileRole role, String lang, @Nullable Source source) {
    }

    record Result(List<Row> rows, List<Diagnostic> problems) {
    }

    private Manifest() {
    }

    static Result read(Path csv) {
        List<Diagnostic> problems = new ArrayList<>();
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(csv)).text();
        } catch (IOException e) {
            problems.add(new Diagnostic(csv, 0, "cannot be read (" + IoReason.of(e) + "); the folder is skipped"));
            return new Result(List.of(), problems);
        }
        Path folder = csv.toAbsolutePath().normalize().getParent();
        List<Row> rows = new ArrayList<>();
        Map<Path, Integer> listed = new HashMap<>();
        Map<String, Integer> columns = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String raw = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                continue;
            }
            // a quoted cell may hold a line break: join lines until the quotes balance
            StringBuilder record = new StringBuilder(raw);
            while (quotesOpen(record) && i + 1 < lines.length) {
                record.append('\n').append(lines[++i]);
            }
            Optional<List<String>> cells = cells(record.toString());
            if (cells.isEmpty()) {
                problems.add(new Diagnostic(csv, lineNumber, "unterminated quote; row skipped"));
                continue;
            }
            List<String> values = cells.get();
            if (columns == null && rows.isEmpty() && values.get(0).strip().equalsIgnoreCase("id")) {
                Optional<Map<String, Integer>> header = header(values, csv, lineNumber, problems);
                if (header.isEmpty()) {
                    return new Result(List.of(), problems);
                }
                columns = header.get();
                continue;
            }
            row(values, columns, csv, folder, lineNumber, listed, problems).ifPresent(rows::add);
        }
        return new Result(rows, problems);
    }

    private static Optional<Map<String, Integer>> header(List<String> values, Path csv, int line,
                                                         List<Diagnostic> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < values.size(); c++) {
            String name = values.get(c).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(new Diagnostic(csv, line, "unknown column \"" + values.get(c).strip()
                        + "\" (expected id, path, role, lang, source); the file is skipped"));
                return Optional.empty();
            }
            columns.put(name, c);
        }
        for (String required : List.of("id", "path", "role")) {
            if (!columns.containsKey(required)) {
                problems.add(new Diagnostic(csv, line, "no \"" + required + "\" column; the file is skipped"));
                return Optional.empty();
            }
        }
        return Optional.of(columns);
    }

    private static Optional<Row> row(List<String> values, @Nullable Map<String, Integer> columns, Path csv,
                                     Path folder, int line, Map<Path, Integer> listed, List<Diagnostic> problems) {
        Map<String, Integer> order = columns;
        if (order == null) {
            order = Map.of("id", 0, "path", 1, "role", 2, "lang", 3, "source", 4);
            if (values.size() < 3 || values.size() > 5) {
                problems.add(new Diagnostic(csv, line, values.size() + (values.size() == 1 ? " column" : " columns")
                        + " (expected id,path,role,lang,source); row skipped"));
                return Optional.empty();
            }
        } else if (values.size() > order.size()) {
            problems.add(new Diagnostic(csv, line, values.size() + " columns but the header names " + order.size()
                    + "; row skipped"));
            return Optional.empty();
        }
        String id = cell(values, order, "id");
        String pathText = cell(values, order, "path");
        String roleText = cell(values, order, "role");
        String langText = cell(values, order, "lang");
        String sourceText = cell(values, order, "source");
        Optional<String> idProblem = InterviewIds.problem(id);
        if (idProblem.isPresent()) {
            return skip(problems, csv, line, idProblem.get());
        }
        Optional<FileRole> role = FileRole.fromId(roleText);
        if (role.isEmpty()) {
            return skip(problems, csv, line, "unknown role \"" + roleText
                    + "\" (expected video, captions, transcript or page)");
        }
        if (pathText.isEmpty()) {
            return skip(problems, csv, line, "empty path");
        }
        Path path;
        try {
            path = folder.resolve(pathText).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return skip(problems, csv, line, "bad path \"" + pathText + "\"");
        }
        if (!path.startsWith(folder) || path.equals(folder)) {
            return skip(problems, csv, line, "path \"" + pathText + "\" is outside the folder of " + FILE_NAME);
        }
        if (!Files.isRegularFile(path)) {
            return skip(problems, csv, line, "missing file \"" + pathText + "\"");
        }
        String lang = "";
        if (!langText.isEmpty()) {
            Optional<String> parsed = LanguageTags.parse(langText);
            if (parsed.isEmpty()) {
                return skip(problems, csv, line, "bad lang \"" + langText
                        + "\" (expected a BCP 47 tag such as en, es, pt-BR, zh-Hant)");
            }
            lang = parsed.get();
        }
        Source source = null;
        if (!sourceText.isEmpty()) {
            Optional<Source> parsed = Source.fromId(sourceText).filter(s -> s != Source.ALIGNED);
            if (parsed.isEmpty()) {
                return skip(problems, csv, line, "unknown source \"" + sourceText + "\" (expected asr, mt or edited)");
            }
            if (role.get() != FileRole.CAPTIONS) {
                problems.add(new Diagnostic(csv, line, "a source applies to captions only; \"" + sourceText
                        + "\" ignored for " + role.get().id()));
            } else {
                source = parsed.get();
            }
        }
        Integer earlier = listed.putIfAbsent(path, line);
        if (earlier != null) {
            return skip(problems, csv, line, "\"" + pathText + "\" is already listed on line " + earlier);
        }
        return Optional.of(new Row(line, id, path, role.get(), lang, source));
    }

    private static Optional<Row> skip(List<Diagnostic> problems, Path csv, int line, String message) {
        problems.add(new Diagnostic(csv, line, message + "; row skipped"));
        return Optional.empty();
    }

    private static String cell(List<String> values, Map<String, Integer> order, String column) {
        Integer index = order.get(column);
        return index == null || index >= values.size() ? "" : values.get(index).strip();
    }

    private static boolean quotesOpen(CharSequence record) {
        int quotes = 0;
        for (int i = 0; i < record.length(); i++) {
            if (record.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** The cells of one record; empty when a quote is not closed. */
    private static Optional<List<String>> cells(String record) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        cells.add(cell.toString());
        return Optional.of(cells);
    }
}
