package io.capdex.sync;

import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Any pure offset within ±maxOffset is found, and noise never creates a split. */
class SyncProperties {

    /** One synthetic interview over a music bed, analysed once for all tries. */
    private static final class Fixture {
        static final TestAudio AUDIO = TestAudio.synthetic(21, 40, true, true);
        static final SpeechActivity.Result ACTIVITY = AUDIO.activity();
    }

    @Property(tries = 30)
    boolean recoversAnyOffsetWithin100Ms(@ForAll @LongRange(min = -60_000, max = 60_000) long offsetMs) {
        Track captions = Fixture.AUDIO.captions(1, offsetMs);
        SyncResult r = Synchronizer.syncToSpeech(Fixture.ACTIVITY, captions, SyncOptions.defaults());
        if (Math.abs(offsetMs) <= Synchronizer.IN_SYNC_TOLERANCE_MS) {
            return r.apply(captions) == captions || r.segments().size() == 1;
        }
        if (!r.applied() || r.segments().size() != 1) {
            return false;
        }
        // Cues pushed below 0 by a negative offset were clipped and cannot be recovered; judge the others.
        List<TestAudio.Utterance> judged = new ArrayList<>();
        for (TestAudio.Utterance u : Fixture.AUDIO.truth) {
            if (u.startMs() + offsetMs >= 0) {
                judged.add(u);
            }
        }
        Accuracy a = Accuracy.of("offset " + offsetMs + " ms", r.apply(captions), judged);
        return a.within100() == a.cues();
    }
}
