package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LanguagesProperties {
    @Property
    void toTagNeverThrowsAndIsIdempotent(@ForAll String code) {
        String tag = Languages.toTag(code);
        assertEquals(tag, Languages.toTag(tag));
        assertTrue(tag.equals("und") || tag.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*"), tag);
    }

    @Property
    void everyTableCodeWithARegionFoldsToTheTagWithThatRegion(@ForAll("codes") String code,
                                                               @ForAll("regions") String region) {
        Language language = Languages.byCode(code).orElseThrow();
        assertEquals(language.tag() + "-" + region, Languages.toTag(code + "_" + region.toLowerCase()));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(Languages.all()).flatMap(l -> Arbitraries.of(l.tag(), l.iso639Part3(),
                l.iso639Part2B()).filter(c -> !l.tag().equals("yue") || c.equals("yue")));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("US", "GB", "ES", "MX", "BR", "AM", "DE", "CH", "FR", "CA");
    }
}
