package io.capdex.detect;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One block of a document's text (a paragraph, heading, list item, table row, definition term or description),
 * with where it sat, for the page-metadata reader.
 *
 * @param text the block's text, white space collapsed, {@code \n} for line breaks and {@code \t} between cells
 * @param element the innermost block element it came from ({@code p}, {@code dt}, {@code dd}, {@code tr}, {@code h1})
 * @param classes the CSS classes of that element
 * @param inMain whether it sat inside {@code main}, {@code article} or {@code role=main}
 * @param datetime the {@code datetime} attribute of the first {@code <time>} inside it, or null
 */
record Block(String text, String element, Set<String> classes, boolean inMain, @Nullable String datetime) {
    Block {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(element, "element");
        classes = Set.copyOf(classes);
    }
}
