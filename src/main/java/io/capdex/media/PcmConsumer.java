package io.capdex.media;

/** Receives decoded audio as 16 kHz mono signed 16-bit samples, block by block, in order. */
@FunctionalInterface
public interface PcmConsumer {
    /** The sample rate every block is delivered at. */
    int SAMPLE_RATE = 16_000;

    /**
     * Called once per decoded block. The array is reused after the call returns: copy what you keep.
     *
     * @param samples the samples, valid from index 0 to {@code count - 1}
     */
    void accept(short[] samples, int count);
}
