package io.capdex.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One interview ID found in two or more folders. Neither copy is ingested: merging them silently could pair one
 * folder's video with another's captions.
 *
 * @param folders the folders holding the ID, sorted
 * @param paths every file of the ID in those folders, sorted
 */
public record Conflict(String id, List<Path> folders, List<Path> paths) {
    public Conflict {
        Objects.requireNonNull(id, "id");
        folders = List.copyOf(folders);
        paths = List.copyOf(paths);
    }

    /** {@code ID talk is in 2 folders (a, b); neither is ingested}. */
    public String message() {
        StringBuilder sb = new StringBuilder("ID ").append(id).append(" is in ").append(folders.size())
                .append(" folders (");
        for (int i = 0; i < folders.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(folders.get(i));
        }
        return sb.append("); neither is ingested: rename one or pair them in capdex.csv").toString();
    }
}
