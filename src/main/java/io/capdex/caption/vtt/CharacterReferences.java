package io.capdex.caption.vtt;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The HTML named character references capdex decodes in WebVTT cue text: WebVTT's own six ({@code amp lt gt
 * lrm rlm nbsp}), all of Latin-1, and the common typographic, arrow, maths and Greek ones. Numeric references
 * ({@code &#233;}, {@code &#xE9;}) are decoded separately and cover everything else.
 */
final class CharacterReferences {
    private static final Map<String, String> NAMED = new HashMap<>(512);

    static {
        String table = ""
                // WebVTT's own and the XML ones
                + "amp 26 lt 3C gt 3E quot 22 apos 27 lrm 200E rlm 200F nbsp A0 "
                // Latin-1 supplement
                + "iexcl A1 cent A2 pound A3 curren A4 yen A5 brvbar A6 sect A7 uml A8 copy A9 ordf AA laquo AB "
                + "not AC shy AD reg AE macr AF deg B0 plusmn B1 sup2 B2 sup3 B3 acute B4 micro B5 para B6 "
                + "middot B7 cedil B8 sup1 B9 ordm BA raquo BB frac14 BC frac12 BD frac34 BE iquest BF "
                + "Agrave C0 Aacute C1 Acirc C2 Atilde C3 Auml C4 Aring C5 AElig C6 Ccedil C7 Egrave C8 "
                + "Eacute C9 Ecirc CA Euml CB Igrave CC Iacute CD Icirc CE Iuml CF ETH D0 Ntilde D1 Ograve D2 "
                + "Oacute D3 Ocirc D4 Otilde D5 Ouml D6 times D7 Oslash D8 Ugrave D9 Uacute DA Ucirc DB Uuml DC "
                + "Yacute DD THORN DE szlig DF agrave E0 aacute E1 acirc E2 atilde E3 auml E4 aring E5 aelig E6 "
                + "ccedil E7 egrave E8 eacute E9 ecirc EA euml EB igrave EC iacute ED icirc EE iuml EF eth F0 "
                + "ntilde F1 ograve F2 oacute F3 ocirc F4 otilde F5 ouml F6 divide F7 oslash F8 ugrave F9 "
                + "uacute FA ucirc FB uuml FC yacute FD thorn FE yuml FF "
                // Latin Extended and spacing modifiers
                + "OElig 152 oelig 153 Scaron 160 scaron 161 Yuml 178 fnof 192 circ 2C6 tilde 2DC "
                // punctuation and spaces
                + "ensp 2002 emsp 2003 thinsp 2009 zwnj 200C zwj 200D ndash 2013 mdash 2014 lsquo 2018 "
                + "rsquo 2019 sbquo 201A ldquo 201C rdquo 201D bdquo 201E dagger 2020 Dagger 2021 bull 2022 "
                + "hellip 2026 permil 2030 prime 2032 Prime 2033 lsaquo 2039 rsaquo 203A oline 203E "
                + "frasl 2044 euro 20AC trade 2122 "
                // arrows and maths
                + "larr 2190 uarr 2191 rarr 2192 darr 2193 harr 2194 lArr 21D0 rArr 21D2 hArr 21D4 "
                + "minus 2212 lowast 2217 radic 221A infin 221E asymp 2248 ne 2260 equiv 2261 le 2264 "
                + "ge 2265 sum 2211 prod 220F part 2202 deg B0 "
                // Greek
                + "Alpha 391 Beta 392 Gamma 393 Delta 394 Epsilon 395 Zeta 396 Eta 397 Theta 398 Iota 399 "
                + "Kappa 39A Lambda 39B Mu 39C Nu 39D Xi 39E Omicron 39F Pi 3A0 Rho 3A1 Sigma 3A3 Tau 3A4 "
                + "Upsilon 3A5 Phi 3A6 Chi 3A7 Psi 3A8 Omega 3A9 alpha 3B1 beta 3B2 gamma 3B3 delta 3B4 "
                + "epsilon 3B5 zeta 3B6 eta 3B7 theta 3B8 iota 3B9 kappa 3BA lambda 3BB mu 3BC nu 3BD xi 3BE "
                + "omicron 3BF pi 3C0 rho 3C1 sigmaf 3C2 sigma 3C3 tau 3C4 upsilon 3C5 phi 3C6 chi 3C7 "
                + "psi 3C8 omega 3C9 "
                // symbols
                + "spades 2660 clubs 2663 hearts 2665 diams 2666 loz 25CA check 2713 cross 2717 sharp 266F "
                + "flat 266D natural 266E";
        String[] parts = table.trim().split(" +");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            NAMED.put(parts[i], new String(Character.toChars(Integer.parseInt(parts[i + 1], 16))));
        }
    }

    /** The names HTML also decodes without the closing {@code ;} (a tolerance browsers share). */
    static boolean isLegacy(String name) {
        return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("nbsp")
                || name.equals("quot");
    }

    private CharacterReferences() {
    }

    /** The text a named reference stands for, or null when capdex does not know the name. */
    static @Nullable String named(String name) {
        return NAMED.get(name);
    }
}
