package io.capdex.cli;

import io.capdex.caption.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands folders on the command line into the caption files inside them, by extension, in name order. */
final class CaptionPaths {
    private CaptionPaths() {}

    /** Files stay as given (even missing ones, so the reader can say so); folders become their caption files. */
    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> Format.fromFileName(f.getFileName().toString())
                                .filter(fmt -> fmt != Format.JSON && !f.toString().endsWith(".xml"))
                                .isPresent())
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(p + ": cannot list the folder", e);
            }
        }
        return out;
    }
}
