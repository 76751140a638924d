package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Friendly container names (pure logic, no natives). */
class MediaProbeTest {
    private static final String MOV_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2";

    @Test
    void mp4FamilyFollowsTheBrandBeforeTheExtension() {
        assertEquals("mov", MediaProbe.container(MOV_FAMILY, "qt  ", Path.of("a.mp4")));
        assertEquals("mp4", MediaProbe.container(MOV_FAMILY, "isom", Path.of("a.mov")));
        assertEquals("mp4", MediaProbe.container(MOV_FAMILY, "mp42", Path.of("a.m4v")));
        assertEquals("m4a", MediaProbe.container(MOV_FAMILY, "M4A ", Path.of("a.mp4")));
        assertEquals("3gp", MediaProbe.container(MOV_FAMILY, "3gp4", Path.of("a.mp4")));
    }

    @Test
    void mp4FamilyWithoutBrandFollowsTheExtension() {
        assertEquals("mov", MediaProbe.container(MOV_FAMILY, null, Path.of("Interview.MOV")));
        assertEquals("m4a", MediaProbe.container(MOV_FAMILY, null, Path.of("a.m4a")));
        assertEquals("mp4", MediaProbe.container(MOV_FAMILY, null, Path.of("a.bin")));
    }

    @Test
    void matroskaAndWebmShareADemuxer() {
        assertEquals("webm", MediaProbe.container("matroska,webm", null, Path.of("a.webm")));
        assertEquals("mkv", MediaProbe.container("matroska,webm", null, Path.of("a.mkv")));
        assertEquals("mkv", MediaProbe.container("matroska,webm", null, Path.of("noextension")));
    }

    @Test
    void otherDemuxersUseTheirFirstName() {
        assertEquals("ts", MediaProbe.container("mpegts", null, Path.of("a.mp4")));
        assertEquals("wav", MediaProbe.container("wav", null, Path.of("a.wav")));
        assertEquals("mp3", MediaProbe.container("mp3", null, Path.of("a.mp3")));
        assertEquals("ogg", MediaProbe.container("ogg", null, Path.of("a.opus")));
    }
}
