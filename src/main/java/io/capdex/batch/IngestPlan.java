package io.capdex.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an ingest will do, decided before any work: per discovered interview whether it is new, changed (and what
 * changed) or unchanged (skipped), and which stored interviews are gone ({@code --prune} removes them). This is
 * what {@code --dry-run} prints ({@link #describe()}).
 *
 * <p>An input whose size and modification time match the stored ones is taken as unchanged without hashing it
 * (as git's index and rsync do), unless {@code trustTimestamps} is off; any other input is hashed and compared
 * by content, so a file that was only touched stays unchanged. A stored interview is also re-ingested when it was
 * stored by an older store schema, when it failed last time, or when the pipeline's settings ({@code recipe})
 * differ.
 *
 * @param gone stored interviews whose files are gone: not discovered (and not in a conflict), and either stored
 *     from inside one of the scanned roots or with none of their input files left anywhere
 */
public record IngestPlan(List<Item> items, List<Gone> gone) {

    /** What happens to one discovered interview. */
    public enum Decision {
        NEW,
        CHANGED,
        UNCHANGED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One discovered interview and its decision.
     *
     * @param reasons what changed, for people ({@code talk.en.srt changed}); empty for new and unchanged ones
     * @param inputs the current hashes of its inputs, for the pipeline to store (no second hashing); an input
     *     that could not be read has no entry, and a reason says so
     */
    public record Item(Interview interview, Decision decision, List<String> reasons, List<InputHash> inputs) {
        public Item {
            Objects.requireNonNull(interview, "interview");
            Objects.requireNonNull(decision, "decision");
            reasons = List.copyOf(reasons);
            inputs = List.copyOf(inputs);
        }
    }

    /** A stored interview whose files are gone, with why capdex thinks so. */
    public record Gone(String id, String reason) {
    }

    public IngestPlan {
        items = List.copyOf(items);
        gone = List.copyOf(gone);
    }

    /**
     * Plans an ingest of what discovery found in {@code roots} against the store.
     *
     * @param recipe the pipeline's settings that change what is stored ({@code sync=on}); compared as text
     */
    public static IngestPlan of(List<Path> roots, DiscoveryResult discovery, TrackStore store, String recipe,
                                boolean trustTimestamps) throws IOException {
        List<Item> items = new ArrayList<>();
        for (Interview interview : discovery.interviews()) {
            items.add(item(interview, store, recipe, trustTimestamps));
        }
        return new IngestPlan(items, gone(roots, discovery, store));
    }

    private static Item item(Interview interview, TrackStore store, String recipe, boolean trustTimestamps) {
        Optional<InterviewRecord> stored;
        List<String> reasons = new ArrayList<>();
        try {
            stored = store.record(interview.id());
        } catch (IOException e) {
            stored = Optional.empty();
            reasons.add("the stored copy cannot be read (" + e.getMessage() + ")");
        }
        Map<String, InputHash> before = new HashMap<>();
        stored.ifPresent(r -> r.inputs().forEach(h -> before.put(h.path(), h)));
        List<InputHash> inputs = new ArrayList<>();
        for (Interview.InputFile input : interview.inputs()) {
            String path = input.path().toAbsolutePath().normalize().toString();
            InputHash old = before.remove(path);
            try {
                InputHash now = current(input, path, old, trustTimestamps);
                inputs.add(now);
                if (stored.isPresent()) {
                    if (old == null) {
                        reasons.add("new " + input.roleId() + " " + input.path().getFileName());
                    } else if (!old.sha256().equals(now.sha256())) {
                        reasons.add(input.path().getFileName() + " changed");
                    } else if (!old.role().equals(now.role())) {
                        reasons.add(input.path().getFileName() + " is now the " + now.role());
                    }
                }
            } catch (IOException e) {
                reasons.add(input.path() + " cannot be read (" + IoReason.of(e) + ")");
            }
        }
        if (stored.isEmpty()) {
            return new Item(interview, reasons.isEmpty() ? Decision.NEW : Decision.CHANGED, reasons, inputs);
        }
        InterviewRecord record = stored.get();
        before.values().forEach(h -> reasons.add(Path.of(h.path()).getFileName() + " is no longer an input"));
        if (record.schemaVersion() < TrackStore.SCHEMA_VERSION) {
            reasons.add("stored by an older capdex (store schema " + record.schemaVersion() + ")");
        }
        if (record.status().equals(IngestStatus.FAILED.id())) {
            reasons.add("failed last time");
        }
        if (!record.recipe().equals(recipe)) {
            reasons.add("settings changed (" + record.recipe() + " → " + recipe + ")");
        }
        if (!record.collection().equals(interview.collection())) {
            reasons.add("moved from collection " + record.collection() + " to " + interview.collection());
        }
        return new Item(interview, reasons.isEmpty() ? Decision.UNCHANGED : Decision.CHANGED, reasons, inputs);
    }

    private static InputHash current(Interview.InputFile input, String path, @Nullable InputHash old,
                                     boolean trustTimestamps)
            throws IOException {
        if (old != null && trustTimestamps) {
            BasicFileAttributes attributes = Files.readAttributes(input.path(), BasicFileAttributes.class);
            if (attributes.size() == old.sizeBytes() && attributes.lastModifiedTime().toMillis() == old.modifiedMs()) {
                return new InputHash(path, input.roleId(), old.sizeBytes(), old.modifiedMs(), old.sha256());
            }
        }
        InputHash hash = ContentHash.of(input.path(), input.roleId());
        return new InputHash(path, hash.role(), hash.sizeBytes(), hash.modifiedMs(), hash.sha256());
    }

    private static List<Gone> gone(List<Path> roots, DiscoveryResult discovery, TrackStore store) throws IOException {
        Set<String> present = new HashSet<>();
        discovery.interviews().forEach(i -> present.add(i.id().toLowerCase(Locale.ROOT)));
        discovery.conflicts().forEach(c -> present.add(c.id().toLowerCase(Locale.ROOT)));
        List<Path> scanned = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        List<Gone> gone = new ArrayList<>();
        for (String id : store.list()) {
            if (present.contains(id.toLowerCase(Locale.ROOT))) {
                continue;
            }
            InterviewRecord record;
            try {
                Optional<InterviewRecord> r = store.record(id);
                if (r.isEmpty()) {
                    continue;
                }
                record = r.get();
            } catch (IOException e) {
                continue; // a damaged record is reported by list/show, never pruned on a guess
            }
            Map<Path, Boolean> inputs = new LinkedHashMap<>();
            record.inputs().forEach(h -> inputs.put(Path.of(h.path()), Files.exists(Path.of(h.path()))));
            Optional<Path> under = scanned.stream()
                    .filter(root -> inputs.keySet().stream().anyMatch(p -> p.startsWith(root))).findFirst();
            if (under.isPresent()) {
                gone.add(new Gone(id, "not found in " + under.get()));
            } else if (!inputs.isEmpty() && !inputs.containsValue(true)) {
                gone.add(new Gone(id, "none of its files exists"));
            }
        }
        return gone;
    }

    /** Counts per decision, for the summary line. */
    public Map<Decision, Integer> counts() {
        Map<Decision, Integer> counts = new LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            counts.put(d, 0);
        }
        items.forEach(i -> counts.merge(i.decision(), 1, Integer::sum));
        return counts;
    }

    /**
     * What {@code --dry-run} prints: one line per interview ({@code new}, {@code changed} with what changed,
     * {@code unchanged}), the gone ones ({@code prune} when {@code prune} is on, else a hint), then the counts.
     */
    public String describe(boolean prune) {
        StringBuilder sb = new StringBuilder();
        for (Item item : items) {
            sb.append(String.format(Locale.ROOT, "%-10s %s", item.decision().id(), item.interview().id()));
            if (item.decision() == Decision.NEW) {
                int n = item.interview().captions().size();
                sb.append(" (").append(item.interview().collection()).append(", ").append(n)
                        .append(n == 1 ? " track" : " tracks").append(item.interview().captionOnly() ? ", captions only" : "")
                        .append(')');
            }
            if (!item.reasons().isEmpty()) {
                sb.append(": ").append(String.join("; ", item.reasons()));
            }
            sb.append('\n');
        }
        for (Gone g : gone) {
            sb.append(String.format(Locale.ROOT, "%-10s %s: %s%s\n", prune ? "prune" : "gone", g.id(), g.reason(),
                    prune ? "" : " (--prune removes it)"));
        }
        Map<Decision, Integer> counts = counts();
        sb.append(counts.get(Decision.NEW)).append(" new, ").append(counts.get(Decision.CHANGED)).append(" changed, ")
                .append(counts.get(Decision.UNCHANGED)).append(" unchanged, ").append(gone.size())
                .append(prune ? " to prune" : " gone").append('\n');
        return sb.toString();
    }
}
