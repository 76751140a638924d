package io.capdex.batch;

import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InterviewIdsProperties {
    private static final Path TRACKS = Path.of("/data/tracks");

    @Provide
    Arbitrary<String> ids() {
        // file-name-like text with the troublemakers mixed in: separators, dots, controls, Windows-reserved, '%'
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab./\\%:*?\"<>|\0\n\t -_é").ofMinLength(0).ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Property
    boolean aUsableIdStaysInsideTheStoreAndRoundTrips(@ForAll("ids") String id) {
        if (InterviewIds.problem(id).isPresent()) {
            return true;
        }
        String folder = InterviewIds.folderName(id);
        Path resolved = TRACKS.resolve(folder).normalize();
        return resolved.getParent().equals(TRACKS)
                && !folder.startsWith(".")
                && folder.chars().noneMatch(c -> ":*?\"<>|/\\".indexOf(c) >= 0)
                && InterviewIds.fromFolderName(folder).equals(Optional.of(id));
    }

    @Property
    boolean anIdWithATraversalPartIsRefused(@ForAll("ids") String prefix, @ForAll("ids") String suffix) {
        return InterviewIds.problem(prefix + "/../" + suffix).isPresent()
                && InterviewIds.problem(prefix + "\\..\\" + suffix).isPresent()
                && InterviewIds.problem(prefix + "\0" + suffix).isPresent();
    }
}
