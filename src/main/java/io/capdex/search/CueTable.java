package io.capdex.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The per-track cue table kept in a binary doc value: for each cue its first token position, start/end ms,
 * speaker and UTF-8 text, varint-coded. Doc values rather than stored fields because a moment needs a few cues
 * of a transcript, and doc values are read without decompressing the whole document.
 *
 * <p>Layout: cueCount, speakerCount, speakers (len + UTF-8), then per cue: tokenCount, zigzag(startMs - previous
 * startMs), endMs - startMs, speaker index + 1 (0 = none), text byte length; then all cue texts back to back.
 */
final class CueTable {
    private final int[] firstPos; // length cueCount + 1; the last entry is the token count
    private final long[] startMs;
    private final long[] endMs;
    private final int[] speaker;
    private final String[] speakers;
    private final int[] textStart; // byte offsets into bytes, length cueCount + 1
    private final byte[] bytes;
    private final int textBase;

    private CueTable(int[] firstPos, long[] startMs, long[] endMs, int[] speaker, String[] speakers,
            int[] textStart, byte[] bytes, int textBase) {
        this.firstPos = firstPos;
        this.startMs = startMs;
        this.endMs = endMs;
        this.speaker = speaker;
        this.speakers = speakers;
        this.textStart = textStart;
        this.bytes = bytes;
        this.textBase = textBase;
    }

    /** Encodes a track's cues; {@code tokenCounts[i]} is the number of exact-field tokens of cue i. */
    static BytesRef encode(List<TrackDocument.Cue> cues, int[] tokenCounts) {
        Map<String, Integer> speakerIndex = new HashMap<>();
        List<String> speakerList = new ArrayList<>();
        for (TrackDocument.Cue c : cues) {
            if (c.speaker() != null && !speakerIndex.containsKey(c.speaker())) {
                speakerIndex.put(c.speaker(), speakerList.size());
                speakerList.add(c.speaker());
            }
        }
        byte[][] texts = new byte[cues.size()][];
        int textBytes = 0;
        for (int i = 0; i < cues.size(); i++) {
            texts[i] = cues.get(i).text().getBytes(StandardCharsets.UTF_8);
            textBytes += texts[i].length;
        }
        Out out = new Out(16 + cues.size() * 12 + textBytes);
        out.vint(cues.size());
        out.vint(speakerList.size());
        for (String s : speakerList) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.vint(b.length);
            out.bytes(b);
        }
        long prevStart = 0;
        for (int i = 0; i < cues.size(); i++) {
            TrackDocument.Cue c = cues.get(i);
            out.vint(tokenCounts[i]);
            long d = c.startMs() - prevStart;
            out.vlong((d << 1) ^ (d >> 63));
            out.vlong(c.endMs() - c.startMs());
            Integer sp = c.speaker() == null ? null : speakerIndex.get(c.speaker());
            out.vint(sp == null ? 0 : sp + 1);
            out.vint(texts[i].length);
            prevStart = c.startMs();
        }
        for (byte[] t : texts) {
            out.bytes(t);
        }
        return new BytesRef(out.buf, 0, out.len);
    }

    static CueTable decode(BytesRef ref) {
        byte[] b = Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
        In in = new In(b);
        int n = in.vint();
        String[] speakers = new String[in.vint()];
        for (int i = 0; i < speakers.length; i++) {
            int len = in.vint();
            speakers[i] = new String(b, in.pos, len, StandardCharsets.UTF_8);
            in.pos += len;
        }
        int[] firstPos = new int[n + 1];
        long[] start = new long[n];
        long[] end = new long[n];
        int[] speaker = new int[n];
        int[] textStart = new int[n + 1];
        long prev = 0;
        for (int i = 0; i < n; i++) {
            firstPos[i + 1] = firstPos[i] + in.vint();
            long z = in.vlong();
            start[i] = prev + ((z >>> 1) ^ -(z & 1));
            end[i] = start[i] + in.vlong();
            speaker[i] = in.vint() - 1;
            textStart[i + 1] = textStart[i] + in.vint();
            prev = start[i];
        }
        return new CueTable(firstPos, start, end, speaker, speakers, textStart, b, in.pos);
    }

    int size() {
        return startMs.length;
    }

    /** Roughly the heap this table holds, for the cache's budget. */
    long heapBytes() {
        return 128L + bytes.length + 28L * startMs.length + 16L * speakers.length;
    }

    /** The cue holding token position {@code pos}; positions past the end map to the last cue. */
    int cueAt(int pos) {
        int i = Arrays.binarySearch(firstPos, pos);
        if (i < 0) {
            i = -i - 2;
        } else {
            // several cues may start at the same position when some have no tokens: take the last one that does
            while (i + 1 < firstPos.length - 1 && firstPos[i + 1] == pos) {
                i++;
            }
        }
        return Math.max(0, Math.min(i, size() - 1));
    }

    int firstPos(int cue) {
        return firstPos[cue];
    }

    long startMs(int cue) {
        return startMs[cue];
    }

    long endMs(int cue) {
        return endMs[cue];
    }

    @Nullable String speaker(int cue) {
        return speaker[cue] < 0 ? null : speakers[speaker[cue]];
    }

    String text(int cue) {
        return new String(bytes, textBase + textStart[cue], textStart[cue + 1] - textStart[cue], StandardCharsets.UTF_8);
    }

    private static final class Out {
        byte[] buf;
        int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void vint(int v) {
            vlong(v & 0xFFFFFFFFL);
        }

        void vlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }
    }

    private static final class In {
        final byte[] b;
        int pos;

        In(byte[] b) {
            this.b = b;
        }

        int vint() {
            return (int) vlong();
        }

        long vlong() {
            long v = 0;
            int shift = 0;
            byte x;
            do {
                x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while (x < 0);
            return v;
        }
    }
}
