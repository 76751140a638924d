package io.capdex.batch;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Format;
import io.capdex.caption.json.JsonReader;
import io.capdex.caption.json.JsonWriter;
import io.capdex.caption.sbv.SbvReader;
import io.capdex.caption.sbv.SbvWriter;
import io.capdex.caption.srt.SrtReader;
import io.capdex.caption.srt.SrtWriter;
import io.capdex.caption.ttml.TtmlReader;
import io.capdex.caption.ttml.TtmlWriter;
import io.capdex.caption.vtt.VttReader;
import io.capdex.caption.vtt.VttWriter;

/** The one place that knows which reader and writer serve each caption format. */
public final class CaptionFormats {
    private static final CaptionReader SRT_READER = new SrtReader();
    private static final CaptionReader VTT_READER = new VttReader();
    private static final CaptionReader SBV_READER = new SbvReader();
    private static final CaptionReader TTML_READER = new TtmlReader();
    private static final CaptionReader JSON_READER = new JsonReader();
    private static final CaptionWriter SRT_WRITER = new SrtWriter();
    private static final CaptionWriter VTT_WRITER = new VttWriter();
    private static final CaptionWriter SBV_WRITER = new SbvWriter();
    private static final CaptionWriter TTML_WRITER = new TtmlWriter();
    private static final CaptionWriter JSON_WRITER = new JsonWriter();

    private CaptionFormats() {}

    public static CaptionReader reader(Format format) {
        return switch (format) {
            case SRT -> SRT_READER;
            case VTT -> VTT_READER;
            case SBV -> SBV_READER;
            case TTML -> TTML_READER;
            case JSON -> JSON_READER;
        };
    }

    public static CaptionWriter writer(Format format) {
        return switch (format) {
            case SRT -> SRT_WRITER;
            case VTT -> VTT_WRITER;
            case SBV -> SBV_WRITER;
            case TTML -> TTML_WRITER;
            case JSON -> JSON_WRITER;
        };
    }
}
