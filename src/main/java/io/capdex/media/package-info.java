/**
 * Media files through FFmpeg: probing, streamed 16 kHz mono PCM, thumbnails, subtitle tracks and burn-in. The
 * only user of JavaCV; JavaCV's microseconds become milliseconds in exactly one place here.
 *
 * <p>Must not import {@code batch}, {@code cli} or {@code web}. Failures surface as {@link
 * io.capdex.media.MediaException} with a readable message.
 */
@NullMarked
package io.capdex.media;

import org.jspecify.annotations.NullMarked;
