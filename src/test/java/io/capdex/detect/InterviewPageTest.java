package io.capdex.detect;

import static io.capdex.detect.TestDocuments.page;
import static io.capdex.detect.TestDocuments.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterviewPageTest {
    @TempDir
    Path dir;

    @Test
    void readsTheAllRemissionSamplePage() throws IOException {
        assertEquals(new PageMetadata("What does remission mean in acute lymphoblastic leukaemia?",
                "Dr Anahit Hakobyan", "Department of Haematology, Northbridge University Hospital", "2025-03-14",
                "Consultant haematologist Dr Anahit Hakobyan explains what doctors mean by remission in acute "
                        + "lymphoblastic leukaemia (ALL), why measurable residual disease (MRD) testing matters, and "
                        + "where blinatumomab, CAR-T cell therapy and stem cell transplant fit into treatment.", "en"),
                InterviewPage.read(sample("all-remission.html")));
    }

    @Test
    void readsTheCartTherapySamplePage() throws IOException {
        PageMetadata page = InterviewPage.read(sample("cart-therapy.html"));
        assertEquals("CAR-T cell therapy explained (Spanish, with English subtitles)", page.title());
        assertEquals("Dr. Mateo Álvarez Ruiz", page.speaker());
        assertEquals("Servicio de Hematología, Hospital Universitario de Valdemora", page.affiliation());
        assertEquals(Optional.of(LocalDate.of(2025, 5, 22)), page.localDate());
        assertTrue(page.summary().startsWith("In this Spanish-language interview, haematologist"), page.summary());
        assertTrue(page.summary().contains("patient's own lymphocytes"), page.summary());
        assertEquals("en", page.language()); // the page's language, not the interview's
    }

    @Test
    void readsTheStemCellDonorSamplePage() throws IOException {
        PageMetadata page = InterviewPage.read(sample("stem-cell-donor.html"));
        assertEquals("Becoming a stem cell donor: what really happens", page.title());
        assertEquals("Grace Okafor", page.speaker());
        assertEquals("Northbridge Stem Cell Donor Register", page.affiliation());
        assertEquals("2025-09-03", page.date());
    }

    @Test
    void readsSpanishLabelsInATableAndIgnoresNavigationAndFooter() throws IOException {
        // no meta tags; "Fecha:" also appears in the navigation and the footer with other dates
        assertEquals(new PageMetadata("Vivir después del trasplante", "Dra. Lucía Fernández Ortega",
                "Hospital Clínico de Almenara", "2024-02-03", "La doctora Fernández explica qué cuidados necesita "
                + "una persona en el primer año después de un trasplante de progenitores hematopoyéticos.", "es"),
                InterviewPage.read(page("table-labels.html")));
    }

    @Test
    void readsInlineLabelsWithoutMetaTagsAndIgnoresScripts() throws IOException {
        // a script sets "Speaker: Not This Person"; the breadcrumbs are not the title
        assertEquals(new PageMetadata("Living with myeloma", "Prof. Daniel Osei", "Institute of Blood Cancer Research",
                "2023-03-05", "Professor Osei talks about daily life with myeloma, fatigue and how treatment has "
                + "changed.", null), InterviewPage.read(page("no-meta.html")));
    }

    @Test
    void readsDublinCoreAndADefinitionListWithoutColons() throws IOException {
        assertEquals(new PageMetadata("La greffe de moelle osseuse, étape par étape", "Dr Claire Moreau",
                "Centre hospitalier de Valmont, service d'hématologie", "2022-11-08", "Le Dr Claire Moreau décrit "
                + "les étapes d'une greffe de moelle osseuse, du bilan initial au suivi.", "fr-FR"),
                InterviewPage.read(page("dublin-core.html")));
    }

    @Test
    void leavesOutWhatAPageDoesNotSay() throws IOException {
        PageMetadata page = InterviewPage.read(TestDocuments.document("transcript.html"));
        assertEquals(new PageMetadata("MRD explained: the full transcript", null, null, null, null, "en-GB"), page);
        assertEquals(Optional.empty(), page.localDate());
    }

    @Test
    void stripsTheSiteNameFromATitleTagAndKeepsAnUnreadableDate() throws IOException {
        Path html = Files.writeString(dir.resolve("p.html"), "<html><head><title>Life after ALL | Patient Voices"
                + "</title></head><body><p>Date: spring, some years ago</p></body></html>");
        PageMetadata page = InterviewPage.read(html);
        assertEquals("Life after ALL", page.title());
        assertEquals("spring, some years ago", page.date());
        assertEquals(Optional.empty(), page.localDate());
    }

    @Test
    void cutsALongDescriptionAtASentenceEnd() throws IOException {
        String sentence = "Dr Hakobyan answers a question about treatment that many families ask. ";
        String transcriptLike = sentence.repeat(40);
        Path html = Files.writeString(dir.resolve("long.html"), "<html><head><meta name=\"description\" content=\""
                + transcriptLike + "\"></head><body><h1>Questions</h1></body></html>");
        String summary = InterviewPage.read(html).summary();
        assertTrue(summary.length() <= InterviewPage.MAX_SUMMARY_CHARS, summary.length() + " chars");
        assertTrue(summary.length() > InterviewPage.MAX_SUMMARY_CHARS - sentence.length(), summary.length() + "");
        assertTrue(summary.endsWith("ask."), summary);
    }

    @Test
    void reportsAMissingPage() {
        Path missing = dir.resolve("gone.html");
        DocumentException e = assertThrows(DocumentException.class, () -> InterviewPage.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
