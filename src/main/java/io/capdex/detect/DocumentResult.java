package io.capdex.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The text of a document with what it says about itself.
 *
 * @param text the text, paragraphs separated by a blank line, line breaks inside a paragraph kept as {@code \n},
 *     table cells separated by a tab; for HTML only the main article (no navigation, header, footer, aside,
 *     scripts or forms)
 * @param mediaType the document's media type ({@code application/pdf}, {@code text/plain}, …)
 * @param title the document's own title (HTML {@code <title>}, document properties), or null when it has none
 * @param language the BCP 47 language the document declares ({@code lang} attribute, document properties), or
 *     null when it declares none; not detected from the text (see {@link LanguageDetector})
 * @param warnings things a person may want to know (bytes that were not valid in the detected charset, parts a
 *     parser skipped); empty when none
 */
public record DocumentResult(String text, String mediaType, @Nullable String title, @Nullable String language,
                             List<String> warnings) {

    public DocumentResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaType, "mediaType");
        warnings = List.copyOf(warnings);
    }

    public Optional<String> titleIfAny() {
        return Optional.ofNullable(title);
    }

    public Optional<String> declaredLanguage() {
        return Optional.ofNullable(language);
    }
}
