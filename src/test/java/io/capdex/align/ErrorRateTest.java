package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRateTest {

    @Test
    void normalisesTheUsualWay() {
        assertEquals(List.of("dont", "say", "5", "its", "cd19", "niño", "well", "known"),
                WordNormalizer.words("Don't say 5%: it’s CD19, NIÑO — well-known."));
        assertEquals(List.of("niño"), WordNormalizer.words("nin\u0303o"));
    }

    @Test
    void countsSubstitutionsDeletionsAndInsertions() {
        AlignmentReport r = ErrorRate.measure("the boy has acute leukemia today", "the boy as acute look emia");
        // has→as, leukemia→look and today→emia: three substitutions beat any deletion + insertion pair
        assertEquals(6, r.reference());
        assertEquals(6, r.hypothesis());
        assertEquals(3, r.errors());
        assertEquals(0.5, r.wer(), 1e-9);
        assertEquals(3, r.substitutions());
        assertEquals(0, r.deletions() + r.insertions());
    }

    @Test
    void numbersAreNotRewrittenForTheRate() {
        AlignmentReport r = ErrorRate.measure("about 5% of children", "about five percent of children");
        assertEquals(2, r.errors()); // "5" → "five" and "percent" inserted: the usual WER does not know numbers
        assertTrue(r.misheard().isEmpty(), "the same words said differently are not misheard: " + r.misheard());
    }

    @Test
    void namesSplitMishearingsAsOneGroup() {
        AlignmentReport r = ErrorRate.measure(
                "she started blinatumomab in may and blinatumomab worked for her leukemia",
                "she started blina to mo mab in may and blina to mo mab worked for her look emia");
        assertEquals(new AlignmentReport.Misheard("blina to mo mab", "blinatumomab", 2), r.misheard().get(0));
        assertEquals(new AlignmentReport.Misheard("look emia", "leukemia", 1), r.misheard().get(1));
        assertEquals(2, r.misheard().size());
        assertEquals((4 + 4 + 2) / 11.0, r.wer(), 1e-9); // 1 S + 3 I twice, 1 S + 1 I
    }

    @Test
    void emptyReferenceAndHypothesis() {
        assertEquals(0.0, ErrorRate.measure("", "").wer());
        assertEquals(1.0, ErrorRate.measure("", "words here").wer());
        AlignmentReport r = ErrorRate.measure("two words", "");
        assertEquals(1.0, r.wer());
        assertEquals(2, r.deletions());
    }

    @Test
    void serialisesToTheAlignJsonShape() throws Exception {
        AlignmentReport r = ErrorRate.measure("we treat leukemia", "we treat look emia");
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
        assertEquals(List.of("wer", "reference", "hypothesis", "substitutions", "deletions", "insertions", "misheard"),
                iterable(json));
        assertEquals(2.0 / 3, json.get("wer").asDouble(), 1e-9);
        assertEquals("look emia", json.get("misheard").get(0).get("heard").asText());
        assertEquals("leukemia", json.get("misheard").get(0).get("meant").asText());
        assertEquals(1, json.get("misheard").get(0).get("count").asInt());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
