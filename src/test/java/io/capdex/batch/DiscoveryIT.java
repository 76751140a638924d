package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery with the real FFmpeg probe: the samples' audio language tags decide the spoken language. */
class DiscoveryIT {
    @Test
    void theDefaultProbeReadsTheSamplesAudioLanguageAndCreationTime() {
        DiscoveryResult result = Discovery.scan(List.of(Path.of("samples")), DiscoveryOptions.defaults());
        Map<String, Interview> byId = result.interviews().stream()
                .collect(Collectors.toMap(Interview::id, i -> i));
        assertEquals("en", byId.get("all-remission").spokenLanguage());
        assertEquals("video", byId.get("all-remission").spokenLanguageFrom());
        assertEquals("es", byId.get("cart-therapy").spokenLanguage());
        assertEquals("en", byId.get("stem-cell-donor").spokenLanguage());
        VideoFacts facts = byId.get("cart-therapy").videoFacts();
        assertNotNull(facts);
        assertEquals("spa", facts.audioLanguage());
        assertTrue(facts.hasAudio());
        assertNotNull(facts.creationTime());
        assertTrue(facts.creationTime().matches("\\d{4}-\\d{2}-\\d{2}T.*"), facts.creationTime());
    }
}
