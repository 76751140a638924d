package io.capdex.caption.formats;

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
    // Each format's reader and writer is made on first use: loading the JSON view's Jackson classes or the TTML
    // reader's XML stack costs a short-lived `capdex convert` a fifth of a second it does not need to spend.
    private static final class Srt {
        static final CaptionReader READER = new SrtReader();
        static final CaptionWriter WRITER = new SrtWriter();
    }

    private static final class Vtt {
        static final CaptionReader READER = new VttReader();
        static final CaptionWriter WRITER = new VttWriter();
    }

    private static final class Sbv {
        static final CaptionReader READER = new SbvReader();
        static final CaptionWriter WRITER = new SbvWriter();
    }

    private static final class Ttml {
        static final CaptionReader READER = new TtmlReader();
        static final CaptionWriter WRITER = new TtmlWriter();
    }

    private static final class Json {
        static final CaptionReader READER = new JsonReader();
        static final CaptionWriter WRITER = new JsonWriter();
    }

    private CaptionFormats() {}

    public static CaptionReader reader(Format format) {
        return switch (format) {
            case SRT -> Srt.READER;
            case VTT -> Vtt.READER;
            case SBV -> Sbv.READER;
            case TTML -> Ttml.READER;
            case JSON -> Json.READER;
        };
    }

    public static CaptionWriter writer(Format format) {
        return switch (format) {
            case SRT -> Srt.WRITER;
            case VTT -> Vtt.WRITER;
            case SBV -> Sbv.WRITER;
            case TTML -> Ttml.WRITER;
            case JSON -> Json.WRITER;
        };
    }
}
