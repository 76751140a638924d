package io.capdex.caption;

import static io.capdex.caption.Severity.ERROR;
import static io.capdex.caption.Severity.WARNING;

import java.util.Locale;

/**
 * Every problem capdex can report about a caption file, in one place. The kebab-case {@link #id()} is a stable
 * contract (JSON, docs, tests); add codes freely, never rename one.
 */
public enum ProblemCode {
    // --- any file ---
    MORE_PROBLEMS(WARNING, "the list was capped"),
    EMPTY_FILE(ERROR, "the file holds no captions at all"),
    NO_CUES(ERROR, "nothing in the file could be read as a cue"),
    BOM(WARNING, "a byte order mark was skipped"),
    MIXED_LINE_ENDINGS(WARNING, "CR, LF and CRLF are mixed"),
    NUL_CHARACTER(WARNING, "NUL characters were removed"),
    INVALID_ENCODING(WARNING, "bytes that are not valid in the file's encoding were replaced"),
    LONG_LINE(WARNING, "a very long line was cut"),
    TRAILING_GARBAGE(WARNING, "text after the last cue was ignored"),
    MISSING_FINAL_NEWLINE(WARNING, "the file does not end with a newline"),
    FORMAT_MISMATCH(WARNING, "the content is in another caption format than the file name says; the content decides"),

    // --- timing (all formats) ---
    BAD_TIMING(ERROR, "a timing line could not be read; the cue was skipped"),
    END_BEFORE_START(ERROR, "a cue ends before it starts"),
    ZERO_DURATION(WARNING, "a cue starts and ends at the same time"),
    TIME_OUT_OF_RANGE(ERROR, "a time field is out of range (minutes or seconds above 59)"),
    NEGATIVE_TIME(ERROR, "a time is below zero"),
    LENIENT_TIME(WARNING, "a time was written in a tolerated non-standard form"),
    OUT_OF_ORDER(WARNING, "a cue starts before the previous one"),
    OVERLAP(WARNING, "a cue overlaps the next one"),
    EMPTY_CUE(WARNING, "a cue has no text"),

    // --- SRT ---
    MISSING_INDEX(WARNING, "a cue has no number"),
    BAD_INDEX(WARNING, "a cue number is not a number"),
    INDEX_SEQUENCE(WARNING, "cue numbers are not 1, 2, 3, …"),
    BLANK_LINE_IN_TEXT(WARNING, "a blank line inside cue text was kept as part of the cue"),
    COORDINATES(WARNING, "SRT coordinates after the timing were ignored"),
    UNKNOWN_TAG(WARNING, "an unknown tag was kept as text or dropped"),
    UNCLOSED_TAG(WARNING, "a styling tag was not closed"),
    EXTRA_SPACE(WARNING, "extra white space around a timing or number"),
    ARROW_VARIANT(WARNING, "a timing arrow other than --> (->, —>) was accepted"),
    MISSING_BLANK_LINE(WARNING, "a timing line follows cue text without a blank line; a new cue was started"),
    STRAY_TEXT(WARNING, "text that belongs to no cue (before the first cue) was ignored"),

    // --- WebVTT ---
    MISSING_HEADER(ERROR, "the file does not start with WEBVTT"),
    BAD_HEADER(WARNING, "text after WEBVTT on the signature line is not separated by a space"),
    BAD_SETTING(WARNING, "a cue or region setting was not understood and ignored"),
    BAD_REGION(WARNING, "a region definition was not understood"),
    BAD_STYLE(WARNING, "a STYLE block is misplaced or malformed"),
    BAD_TIMESTAMP(WARNING, "an inline timestamp is not inside the cue"),
    BAD_ENTITY(WARNING, "a character reference could not be decoded"),
    STRAY_BLOCK(WARNING, "a block that is not a cue, NOTE, STYLE or REGION was ignored"),

    // --- SBV and TTML ---
    BAD_XML(ERROR, "the XML is not well-formed"),
    FORBIDDEN_XML(ERROR, "DTDs and external entities are refused"),
    NOT_TTML(ERROR, "the XML document is not TTML"),
    UNKNOWN_ELEMENT(WARNING, "an element capdex does not know was ignored"),
    SRT_SYNTAX(WARNING, "SRT cue numbers or arrow timings in an SBV file were read as SBV"),
    TTML_NAMESPACE(WARNING, "the root element is tt but its namespace is missing or unknown; read as TTML"),
    BAD_ATTRIBUTE(WARNING, "a TTML attribute value was not understood and ignored"),
    MISSING_TIMING(ERROR, "a caption has no timing of its own or inherited; it was skipped"),

    // --- capdex JSON view ---
    BAD_JSON(ERROR, "the JSON is not well-formed or not capdex's track shape"),

    // --- QC (check) ---
    LINE_TOO_LONG(WARNING, "a line has more characters than the profile allows"),
    TOO_MANY_LINES(WARNING, "a cue has more lines than the profile allows"),
    READING_SPEED(WARNING, "a cue must be read faster than the profile allows"),
    TOO_SHORT(WARNING, "a cue is on screen for less than the profile's minimum"),
    TOO_LONG(WARNING, "a cue is on screen for longer than the profile's maximum"),
    GAP_TOO_SMALL(WARNING, "the gap to the next cue is below the profile's minimum"),

    // --- repair and shift ---
    REPAIRED(WARNING, "repair changed something"),
    CLAMPED(WARNING, "a cue shifted below zero was clamped to 0"),
    DROPPED(WARNING, "a cue shifted entirely below zero was dropped");

    private final Severity severity;
    private final String description;
    private final String id; // computed once: QC asks for it for every problem of a 10,000-cue track

    ProblemCode(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
        this.id = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The stable kebab-case id, e.g. {@code end-before-start}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
