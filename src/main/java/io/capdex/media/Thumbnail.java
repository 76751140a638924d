package io.capdex.media;

/**
 * One still picture of a video as JPEG bytes.
 *
 * @param requestedMs the time that was asked for
 * @param frameMs the presentation time of the frame on screen at the requested time (the last frame starting at
 *     or before it; the first frame for a time before it, the last frame for a time past the end)
 * @param width the picture's width in pixels, after rotation
 * @param height the picture's height in pixels, after rotation
 * @param jpeg the encoded picture; the array is the caller's to keep (records compare it by identity)
 */
public record Thumbnail(long requestedMs, long frameMs, int width, int height, byte[] jpeg) {}
