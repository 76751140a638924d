package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Style}'s written-out {@code equals}, {@code hashCode} and {@code isPlain} mean what the record's generated
 * ones meant: equal exactly when every component is. Few values per component, so that equal pairs are common.
 */
class StyleProperties {
    @Property(tries = 5_000)
    void equalExactlyWhenEveryComponentIs(@ForAll("styles") Style a, @ForAll("styles") Style b) {
        boolean same = a.italic() == b.italic() && a.bold() == b.bold() && a.underline() == b.underline()
                && Objects.equals(a.color(), b.color()) && Objects.equals(a.voice(), b.voice())
                && a.classes().equals(b.classes()) && Objects.equals(a.lang(), b.lang());
        assertEquals(same, a.equals(b), a + " against " + b);
        assertEquals(same, b.equals(a), b + " against " + a);
        assertEquals(same, a.sameAs(b));
        if (same) {
            assertEquals(a.hashCode(), b.hashCode(), a + " and " + b);
        }
    }

    @Property(tries = 2_000)
    void plainIsThePlainStyle(@ForAll("styles") Style a) {
        assertEquals(a.equals(Style.PLAIN), a.isPlain(), a.toString());
    }

    @Test
    void eachComponentMakesAStyleNotPlain() {
        assertTrue(Style.PLAIN.isPlain());
        assertTrue(new Style(false, false, false, null, null, List.of(), null).isPlain());
        for (Style styled : List.of(Style.PLAIN.withItalic(true), Style.PLAIN.withBold(true),
                Style.PLAIN.withUnderline(true), Style.PLAIN.withColor("red"), Style.PLAIN.withVoice("Ana"),
                Style.PLAIN.withClasses(List.of("loud")), Style.PLAIN.withLang("es"))) {
            assertFalse(styled.isPlain(), styled.toString());
            assertFalse(styled.equals(Style.PLAIN), styled.toString());
            assertFalse(Style.PLAIN.equals(styled), styled.toString());
        }
        assertFalse(Style.PLAIN.equals(null));
        assertFalse(Style.PLAIN.equals("plain"));
    }

    @Provide
    Arbitrary<Style> styles() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<String> color = Arbitraries.of("red", "#ff0000").injectNull(0.6);
        Arbitrary<String> voice = Arbitraries.of("Ana", "Dr Ruiz").injectNull(0.6);
        Arbitrary<List<String>> classes = Arbitraries.of(List.<String>of(), List.of("loud"), List.of("loud", "x"));
        Arbitrary<String> lang = Arbitraries.of("es", "en").injectNull(0.6);
        return Combinators.combine(flag, flag, flag, color, voice, classes, lang)
                .as((i, b, u, c, v, k, l) -> new Style(i, b, u, c, v, k, l));
    }
}
