package io.capdex.caption.vtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A typed view of a cue's WebVTT settings map ({@code Cue.settings()}), with the values a browser's
 * {@code VTTCue} would expose: {@code line}/{@code position} null mean {@code auto}, numbers are as written
 * (percentages without the {@code %}).
 *
 * @param vertical {@code ""} (horizontal), {@code rl} or {@code lr}
 * @param snapToLines false when {@code line} was a percentage
 * @param line the line number or percentage, or null for auto
 * @param lineAlign {@code start}, {@code center} or {@code end}
 * @param position the position percentage, or null for auto
 * @param positionAlign {@code auto}, {@code line-left}, {@code center} or {@code line-right}
 * @param size the size percentage, 0–100
 * @param align {@code start}, {@code center}, {@code end}, {@code left} or {@code right}
 * @param region the id of the cue's region, or null
 */
public record VttCueSettings(String vertical, boolean snapToLines, @Nullable Double line, String lineAlign,
                             @Nullable Double position, String positionAlign, double size, String align,
                             @Nullable String region) {

    /** The setting names in the order the writer puts them. */
    public static final List<String> NAMES = List.of("vertical", "line", "position", "size", "align", "region");

    /** A cue with no settings. */
    public static final VttCueSettings DEFAULTS =
            new VttCueSettings("", true, null, "start", null, "auto", 100, "center", null);

    /**
     * The typed view of a settings map. Names other than {@link #NAMES} and values the WebVTT parser would
     * reject are ignored, as a browser ignores them; {@code region} is taken as given (the reader keeps it only
     * when the region exists).
     */
    public static VttCueSettings of(Map<String, String> settings) {
        String vertical = DEFAULTS.vertical;
        boolean snap = DEFAULTS.snapToLines;
        Double line = DEFAULTS.line;
        String lineAlign = DEFAULTS.lineAlign;
        Double position = DEFAULTS.position;
        String positionAlign = DEFAULTS.positionAlign;
        double size = DEFAULTS.size;
        String align = DEFAULTS.align;
        String region = null;
        String v = settings.get("vertical");
        if (v != null && isValid("vertical", v)) {
            vertical = v;
        }
        v = settings.get("line");
        if (v != null && isValid("line", v)) {
            int comma = v.indexOf(',');
            String pos = comma < 0 ? v : v.substring(0, comma);
            if (pos.endsWith("%")) {
                line = percentage(pos);
                snap = false;
            } else {
                line = Double.parseDouble(pos);
            }
            lineAlign = comma < 0 ? "start" : v.substring(comma + 1);
        }
        v = settings.get("position");
        if (v != null && isValid("position", v)) {
            int comma = v.indexOf(',');
            position = percentage(comma < 0 ? v : v.substring(0, comma));
            positionAlign = comma < 0 ? "auto" : v.substring(comma + 1);
        }
        v = settings.get("size");
        if (v != null && isValid("size", v)) {
            size = percentage(v);
        }
        v = settings.get("align");
        if (v != null && isValid("align", v)) {
            align = v;
        }
        v = settings.get("region");
        if (v != null && isValid("region", v)) {
            region = v;
        }
        return new VttCueSettings(vertical, snap, line, lineAlign, position, positionAlign, size, align, region);
    }

    /**
     * Whether a setting would be accepted by the WebVTT parser ("parse the WebVTT cue settings"). Values never
     * hold white space (settings are split on it) nor {@code -->} (it would start a new cue).
     */
    public static boolean isValid(String name, String value) {
        if (value.isEmpty() || value.indexOf("-->") >= 0 || hasWhitespace(value)) {
            return false;
        }
        switch (name) {
            case "vertical":
                return value.equals("rl") || value.equals("lr");
            case "line": {
                int comma = value.indexOf(',');
                String pos = comma < 0 ? value : value.substring(0, comma);
                if (comma >= 0) {
                    String a = value.substring(comma + 1);
                    if (!a.equals("start") && !a.equals("center") && !a.equals("end")) {
                        return false;
                    }
                }
                return pos.endsWith("%") ? percentage(pos) != null : isLineNumber(pos);
            }
            case "position": {
                int comma = value.indexOf(',');
                if (comma >= 0) {
                    String a = value.substring(comma + 1);
                    if (!a.equals("line-left") && !a.equals("center") && !a.equals("line-right")) {
                        return false;
                    }
                }
                return percentage(comma < 0 ? value : value.substring(0, comma)) != null;
            }
            case "size":
                return percentage(value) != null;
            case "align":
                return value.equals("start") || value.equals("center") || value.equals("end")
                        || value.equals("left") || value.equals("right");
            case "region":
                return true;
            default:
                return false;
        }
    }

    /**
     * What the reader keeps of a setting, or null when the parser ignores it: a line or position whose number is
     * valid but whose alignment is not keeps just the number, as browsers do.
     */
    static @Nullable String accepted(String name, String value) {
        if (isValid(name, value)) {
            return value;
        }
        int comma = value.indexOf(',');
        if ((name.equals("line") || name.equals("position")) && comma > 0) {
            String number = value.substring(0, comma);
            return isValid(name, number) ? number : null;
        }
        return null;
    }

    /** The map form, only the settings that differ from the defaults, in {@link #NAMES} order. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!vertical.isEmpty()) {
            m.put("vertical", vertical);
        }
        if (line != null) {
            String num = number(line) + (snapToLines ? "" : "%");
            m.put("line", lineAlign.equals("start") ? num : num + "," + lineAlign);
        }
        if (position != null) {
            String num = number(position) + "%";
            m.put("position", positionAlign.equals("auto") ? num : num + "," + positionAlign);
        }
        if (size != 100) {
            m.put("size", number(size) + "%");
        }
        if (!align.equals("center")) {
            m.put("align", align);
        }
        if (region != null) {
            m.put("region", region);
        }
        return m;
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The spec's "parse a percentage string": {@code \d+(\.\d+)?%} within 0–100, else null. */
    static @Nullable Double percentage(String s) {
        int n = s.length();
        if (n < 2 || s.charAt(n - 1) != '%') {
            return null;
        }
        int i = 0;
        while (i < n - 1 && VttTime.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        if (i < n - 1) {
            if (s.charAt(i) != '.') {
                return null;
            }
            int frac = ++i;
            while (i < n - 1 && VttTime.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == frac || i != n - 1) {
                return null;
            }
        }
        double d = Double.parseDouble(s.substring(0, n - 1));
        return d >= 0 && d <= 100 ? d : null;
    }

    /** A line number per the spec: digits, an optional leading minus, at most one dot between digits. */
    private static boolean isLineNumber(String s) {
        boolean digit = false;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (VttTime.isDigit(c)) {
                digit = true;
            } else if (c == '-') {
                if (i != 0) {
                    return false;
                }
            } else if (c == '.') {
                if (++dots > 1 || i == 0 || i == s.length() - 1 || !VttTime.isDigit(s.charAt(i - 1))
                        || !VttTime.isDigit(s.charAt(i + 1))) {
                    return false;
                }
            } else {
                return false;
            }
        }
        // a number too large for a double is no line number (a browser ends up with auto)
        return digit && Double.isFinite(Double.parseDouble(s));
    }

    /** ASCII white space as the WebVTT spec defines it: tab, LF, FF, CR and space. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
