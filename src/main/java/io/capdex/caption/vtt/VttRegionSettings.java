package io.capdex.caption.vtt;

import java.util.List;
import java.util.Map;

/**
 * A typed view of a WebVTT region's settings ({@code Region.settings()}), with the values a browser's
 * {@code VTTRegion} would expose (percentages without the {@code %}).
 *
 * @param width 0–100
 * @param lines the number of lines (a double because the spec does not bound it)
 * @param scroll {@code ""} or {@code up}
 */
public record VttRegionSettings(double width, double lines, double regionAnchorX, double regionAnchorY,
                                double viewportAnchorX, double viewportAnchorY, String scroll) {

    /** The setting names (besides {@code id}) in the order the writer puts them. */
    public static final List<String> NAMES = List.of("width", "lines", "regionanchor", "viewportanchor", "scroll");

    /** A region with no settings. */
    public static final VttRegionSettings DEFAULTS = new VttRegionSettings(100, 3, 0, 100, 0, 100, "");

    /** The typed view of a region's settings; unknown names and invalid values are ignored. */
    public static VttRegionSettings of(Map<String, String> settings) {
        double width = DEFAULTS.width;
        double lines = DEFAULTS.lines;
        double rax = DEFAULTS.regionAnchorX;
        double ray = DEFAULTS.regionAnchorY;
        double vax = DEFAULTS.viewportAnchorX;
        double vay = DEFAULTS.viewportAnchorY;
        String scroll = DEFAULTS.scroll;
        String v = settings.get("width");
        if (v != null && isValid("width", v)) {
            width = VttCueSettings.percentage(v);
        }
        v = settings.get("lines");
        if (v != null && isValid("lines", v)) {
            lines = Double.parseDouble(v);
        }
        v = settings.get("regionanchor");
        if (v != null && isValid("regionanchor", v)) {
            int comma = v.indexOf(',');
            rax = VttCueSettings.percentage(v.substring(0, comma));
            ray = VttCueSettings.percentage(v.substring(comma + 1));
        }
        v = settings.get("viewportanchor");
        if (v != null && isValid("viewportanchor", v)) {
            int comma = v.indexOf(',');
            vax = VttCueSettings.percentage(v.substring(0, comma));
            vay = VttCueSettings.percentage(v.substring(comma + 1));
        }
        v = settings.get("scroll");
        if (v != null && isValid("scroll", v)) {
            scroll = v;
        }
        return new VttRegionSettings(width, lines, rax, ray, vax, vay, scroll);
    }

    /** Whether the WebVTT parser ("collect WebVTT region settings") would accept this setting. */
    public static boolean isValid(String name, String value) {
        if (value.isEmpty() || value.indexOf("-->") >= 0 || VttCueSettings.hasWhitespace(value)) {
            return false;
        }
        switch (name) {
            case "id":
                return true;
            case "width":
                return VttCueSettings.percentage(value) != null;
            case "lines":
                for (int i = 0; i < value.length(); i++) {
                    if (!VttTime.isDigit(value.charAt(i))) {
                        return false;
                    }
                }
                return true;
            case "regionanchor":
            case "viewportanchor": {
                int comma = value.indexOf(',');
                return comma >= 0 && VttCueSettings.percentage(value.substring(0, comma)) != null
                        && VttCueSettings.percentage(value.substring(comma + 1)) != null;
            }
            case "scroll":
                return value.equals("up");
            default:
                return false;
        }
    }
}
