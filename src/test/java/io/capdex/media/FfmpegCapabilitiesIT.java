package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bundled FFmpeg natives have every codec, muxer and filter capdex relies on. */
class FfmpegCapabilitiesIT {
    @BeforeAll
    static void load() {
        FfmpegNatives.init();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libopenh264", "mov_text", "subrip", "webvtt", "aac", "mjpeg"})
    void hasEncoder(String name) {
        assertNotNull(avcodec.avcodec_find_encoder_by_name(name), "encoder " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264", "aac", "mp3", "opus", "vorbis", "pcm_s16le", "mov_text", "subrip", "webvtt"})
    void hasDecoder(String name) {
        assertNotNull(avcodec.avcodec_find_decoder_by_name(name), "decoder " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drawtext", "scale", "aresample"})
    void hasFilter(String name) {
        assertNotNull(avfilter.avfilter_get_by_name(name), "filter " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4", "mov", "matroska", "webm", "ipod", "wav"})
    void hasMuxer(String name) {
        assertNotNull(avformat.av_guess_format(name, null, null), "muxer " + name);
    }

    @Test
    void reportsVersionOfLoadedNatives() {
        assertTrue(FfmpegNatives.version().matches("\\d+\\.\\d+.*"), FfmpegNatives.version());
    }

    @Test
    void translatesErrorCodesToText() {
        assertEquals("Invalid data found when processing input", FfmpegNatives.errorText(avutil.AVERROR_INVALIDDATA()));
    }

    @Test
    void mapsLogLevelNames() {
        assertEquals(avutil.AV_LOG_ERROR, FfmpegNatives.logLevel("nonsense"));
        assertEquals(avutil.AV_LOG_DEBUG, FfmpegNatives.logLevel(" DEBUG "));
        assertEquals(avutil.AV_LOG_WARNING, FfmpegNatives.logLevel("warning"));
    }
}
