package io.capdex.detect;

import io.capdex.caption.Languages;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an interview's web page for the interview's title, speaker, affiliation, date, summary and the page's
 * language, from its meta tags (Open Graph, {@code author}, {@code description}, Dublin Core) and its visible
 * labels ({@code Speaker:}, {@code Affiliation:}, {@code Date:}, {@code Summary:}, and the same in Spanish,
 * French, German, Italian and Portuguese), as paragraphs, definition lists or table rows. Labels in navigation,
 * footers and scripts are not read. Thread-safe.
 */
public final class InterviewPage {
    /** Longer descriptions are cut at a sentence end: a summary is a summary, not a transcript. */
    static final int MAX_SUMMARY_CHARS = 1_000;

    private enum Field { SPEAKER, AFFILIATION, DATE, SUMMARY }

    private static final Map<String, Field> LABELS = labels();
    // "Speaker: Dr X" in one block; the label is short and ends at the first colon
    private static final Pattern INLINE_LABEL = Pattern.compile("([\\p{L} .'’]{2,40}?)\\s*:\\s*(.+)", Pattern.DOTALL);
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·•:-]\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=\\s)");
    private static final Set<String> SUMMARY_CLASSES = Set.of("summary", "standfirst", "lead", "abstract", "dek",
            "intro", "description");

    private InterviewPage() {
    }

    /** The page's metadata; parts the page does not give are null. */
    public static PageMetadata read(Path html) throws DocumentException {
        DocumentText.ParsedDocument page = DocumentText.parse(html, DocumentText.MAX_CHARS);
        List<Block> blocks = orderedBlocks(page.blocks());
        List<Labelled> labelled = labelled(blocks);

        String title = first(page.meta("og:title"), page.meta("dc.title"), page.meta("dcterms.title"),
                page.meta("twitter:title"), heading(blocks), Optional.ofNullable(page.title()).map(
                        InterviewPage::withoutSiteName));
        String author = first(page.meta("author"), page.meta("dc.creator"), page.meta("dcterms.creator"),
                page.meta("article:author").filter(a -> !a.startsWith("http")));
        String speaker = value(labelled, Field.SPEAKER).map(s -> withoutRole(s, author)).orElse(author);
        String affiliation = first(value(labelled, Field.AFFILIATION), page.meta("citation_author_institution"));
        String date = date(page, labelled);
        String summary = first(page.meta("description"), page.meta("og:description"), page.meta("dc.description"),
                page.meta("dcterms.description"), page.meta("dcterms.abstract"), page.meta("twitter:description"),
                value(labelled, Field.SUMMARY), summaryBlock(blocks));
        String language = first(page.meta("dc.language"), page.meta("dcterms.language"),
                Optional.ofNullable(page.language()));
        if (language != null) {
            language = Languages.toTag(language);
            if (language.equals(Languages.UNDETERMINED_CODE)) {
                language = null;
            }
        }
        return new PageMetadata(clean(title), clean(speaker), clean(affiliation), date,
                summary == null ? null : shortened(clean(summary)), language);
    }

    /** Main-article blocks first, so a label there beats one elsewhere on the page. */
    private static List<Block> orderedBlocks(List<Block> blocks) {
        List<Block> ordered = new ArrayList<>(blocks.stream().filter(Block::inMain).toList());
        ordered.addAll(blocks.stream().filter(b -> !b.inMain()).toList());
        return ordered;
    }

    /** A label and its value found in the blocks. */
    private record Labelled(Field field, String value, @Nullable String datetime) {
    }

    private static List<Labelled> labelled(List<Block> blocks) {
        List<Labelled> found = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text();
            // a table row: label cell, value cell
            int tab = text.indexOf('\t');
            if (tab > 0) {
                Field field = LABELS.get(labelKey(text.substring(0, tab)));
                if (field != null) {
                    found.add(new Labelled(field, text.substring(tab + 1).replace('\t', ' '), block.datetime()));
                    continue;
                }
            }
            // a label on its own (dt, th, a bold line) and its value in the next block
            Field alone = LABELS.get(labelKey(text));
            if (alone != null && i + 1 < blocks.size() && LABELS.get(labelKey(blocks.get(i + 1).text())) == null) {
                Block next = blocks.get(i + 1);
                found.add(new Labelled(alone, next.text(), next.datetime()));
                i++;
                continue;
            }
            Matcher m = INLINE_LABEL.matcher(text);
            if (m.matches()) {
                Field field = LABELS.get(labelKey(m.group(1)));
                if (field != null) {
                    found.add(new Labelled(field, m.group(2), block.datetime()));
                }
            }
        }
        return found;
    }

    private static Optional<String> value(List<Labelled> labelled, Field field) {
        return labelled.stream().filter(l -> l.field() == field).map(Labelled::value).findFirst();
    }

    /** The visible date (its {@code datetime} attribute first), else the meta tags' dates; ISO when readable. */
    private static @Nullable String date(DocumentText.ParsedDocument page, List<Labelled> labelled) {
        List<String> candidates = new ArrayList<>();
        String visible = null;
        for (Labelled l : labelled) {
            if (l.field() == Field.DATE) {
                if (l.datetime() != null) {
                    candidates.add(l.datetime());
                }
                candidates.add(l.value());
                if (visible == null) {
                    visible = l.value();
                }
            }
        }
        for (String name : List.of("article:published_time", "og:published_time", "dc.date", "dc.date.issued",
                "dcterms.date", "dcterms.issued", "dcterms.created", "date", "pubdate", "publish_date",
                "citation_publication_date")) {
            page.meta(name).ifPresent(candidates::add);
        }
        for (String candidate : candidates) {
            Optional<LocalDate> parsed = PageDates.parse(candidate);
            if (parsed.isPresent()) {
                return parsed.get().toString();
            }
        }
        return clean(visible);
    }

    private static Optional<String> heading(List<Block> blocks) {
        return blocks.stream().filter(b -> b.element().equals("h1")).map(Block::text).findFirst();
    }

    /** A block styled as the page's summary ({@code class="summary"}, {@code standfirst}, …) in the article. */
    private static Optional<String> summaryBlock(List<Block> blocks) {
        return blocks.stream().filter(b -> b.classes().stream().anyMatch(SUMMARY_CLASSES::contains))
                .map(Block::text).findFirst();
    }

    /** {@code What remission means | Patient Voices} → {@code What remission means}: the site's name goes. */
    private static String withoutSiteName(String title) {
        Matcher m = TITLE_SEPARATOR.matcher(title);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last > 0 ? title.substring(0, last) : title;
    }

    /**
     * {@code Dr Anahit Hakobyan, consultant haematologist} → {@code Dr Anahit Hakobyan}: the author meta tag when
     * the label starts with it, else the part before a comma that a lower-case role follows.
     */
    private static String withoutRole(String labelValue, @Nullable String author) {
        String value = labelValue.strip();
        if (author != null && value.startsWith(author) && value.length() > author.length()) {
            return author;
        }
        int comma = value.indexOf(", ");
        if (comma > 0 && comma + 2 < value.length() && Character.isLowerCase(value.charAt(comma + 2))) {
            return value.substring(0, comma);
        }
        return value;
    }

    private static String shortened(String summary) {
        if (summary.length() <= MAX_SUMMARY_CHARS) {
            return summary;
        }
        Matcher m = SENTENCE_END.matcher(summary);
        int cut = -1;
        while (m.find() && m.end() <= MAX_SUMMARY_CHARS) {
            cut = m.end();
        }
        return cut > 0 ? summary.substring(0, cut) : summary.substring(0, MAX_SUMMARY_CHARS - 1).strip() + "…";
    }

    @SafeVarargs
    private static @Nullable String first(Optional<String>... candidates) {
        for (Optional<String> candidate : candidates) {
            if (candidate.isPresent() && !candidate.get().isBlank()) {
                return candidate.get().strip();
            }
        }
        return null;
    }

    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\t', ' ').replaceAll("\\s+", " ").strip();
        return clean.isEmpty() ? null : clean;
    }

    /** A label as looked up: lower case, no trailing colon, accents kept but composed. */
    private static String labelKey(String text) {
        String key = Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        while (key.endsWith(":") || key.endsWith("：")) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return key;
    }

    private static Map<String, Field> labels() {
        Map<String, Field> labels = new HashMap<>();
        for (String s : List.of("speaker", "speakers", "interviewee", "guest", "expert", "presenter", "ponente",
                "ponentes", "invitado", "invitada", "entrevistado", "entrevistada", "experto", "experta",
                "intervenant", "intervenante", "invité", "invitée", "orateur", "oratrice", "sprecher", "sprecherin",
                "referent", "referentin", "gast", "relatore", "relatrice", "ospite", "palestrante", "convidado",
                "convidada", "orador", "oradora", "entrevistado(a)")) {
            labels.put(s, Field.SPEAKER);
        }
        for (String s : List.of("affiliation", "institution", "organisation", "organization", "afiliación",
                "afiliacion", "institución", "institucion", "organización", "organizacion", "centro",
                "établissement", "etablissement", "einrichtung", "institut", "zugehörigkeit", "affiliazione",
                "istituzione", "ente", "afiliação", "instituição", "organização")) {
            labels.put(s, Field.AFFILIATION);
        }
        for (String s : List.of("date", "published", "recorded", "date recorded", "interview date", "recorded on",
                "published on", "fecha", "publicado", "fecha de publicación", "fecha de la entrevista",
                "date de publication", "publié le", "datum", "veröffentlicht", "data", "publicado em",
                "data da entrevista", "data di pubblicazione")) {
            labels.put(s, Field.DATE);
        }
        for (String s : List.of("summary", "abstract", "overview", "about this interview", "resumen", "sumario",
                "résumé", "resume", "zusammenfassung", "riassunto", "sommario", "sintesi", "resumo")) {
            labels.put(s, Field.SUMMARY);
        }
        return Map.copyOf(labels);
    }
}
