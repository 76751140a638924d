package io.capdex.batch;

import java.util.List;

/**
 * What {@link Discovery#scan} found.
 *
 * @param interviews the paired interviews, sorted by ID
 * @param unpaired files that belong to no interview (unknown kinds, pages or transcripts without captions or video,
 *     files not listed in a {@code capdex.csv}), sorted by path
 * @param conflicts IDs found in more than one folder; none of their files is in {@code interviews}
 * @param problems {@code capdex.csv} errors and unreadable roots or folders
 */
public record DiscoveryResult(List<Interview> interviews, List<IgnoredFile> unpaired, List<Conflict> conflicts,
                              List<Diagnostic> problems) {
    public DiscoveryResult {
        interviews = List.copyOf(interviews);
        unpaired = List.copyOf(unpaired);
        conflicts = List.copyOf(conflicts);
        problems = List.copyOf(problems);
    }
}
