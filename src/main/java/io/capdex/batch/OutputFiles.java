package io.capdex.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files safely, for every command that writes: never over a source, never over an existing file
 * without {@code --force}, and never half: the content goes to a temporary file in the target's folder, which
 * then replaces the target in one rename. Stateless and thread-safe.
 */
public final class OutputFiles {
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Writes the content of an output file to a stream. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Fills a file the content writes itself (FFmpeg muxing). The temporary file exists, is empty, lives in the
     * target's folder, and ends with the target's file name, so its extension names the container.
     */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes an output file's content to a stream, or finds part way that it cannot and says so. */
    @FunctionalInterface
    public interface AbandonableContent {
        /** Writes the content; false when it gave up, so that what was written must be thrown away. */
        boolean writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeText(Path out, String text, boolean force, Set<Path> sources) throws OutputException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8), force, sources);
    }

    public static void writeBytes(Path out, byte[] bytes, boolean force, Set<Path> sources) throws OutputException {
        write(out, force, sources, stream -> stream.write(bytes));
    }

    /** Writes what {@code content} writes to a stream; the stream is closed by this method. */
    public static void write(Path out, boolean force, Set<Path> sources, StreamContent content)
            throws OutputException {
        writeFile(out, force, sources, temporary -> {
            try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(stream);
            }
        });
    }

    /**
     * Like {@link #write(Path, boolean, Set, StreamContent)}, but the content may give up part way (a fast path
     * that meets a case it does not handle): then nothing is placed, {@code out} is untouched, and this returns
     * false.
     */
    public static boolean writeUnlessAbandoned(Path out, boolean force, Set<Path> sources, AbandonableContent content)
            throws OutputException {
        return fill(out, force, sources, temporary -> {
            try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                return content.writeTo(stream);
            }
        });
    }

    /** Fills a temporary file, or says (false) that it gave up. */
    private interface Filling {
        boolean fill(Path temporary) throws IOException;
    }

    /**
     * Lets {@code content} fill a temporary file, then puts it in place of {@code out}. Before anything is
     * written, {@link #check} runs; on any failure the temporary file is deleted and {@code out} is untouched.
     */
    public static void writeFile(Path out, boolean force, Set<Path> sources, FileContent content)
            throws OutputException {
        fill(out, force, sources, temporary -> {
            content.writeTo(temporary);
            return true;
        });
    }

    private static boolean fill(Path out, boolean force, Set<Path> sources, Filling content) throws OutputException {
        check(out, force, sources);
        Path absolute = out.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw new OutputException(out, "not a file path");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputException(out, "cannot create the folder " + folder + " (" + IoReason.of(e) + ")", e);
        }
        Path temporary;
        try {
            temporary = createTemporary(folder, absolute.getFileName().toString());
        } catch (IOException e) {
            throw new OutputException(out, "cannot write in " + folder + " (" + IoReason.of(e) + ")", e);
        }
        boolean placed = false;
        try {
            setPermissions(temporary, absolute);
            if (!content.fill(temporary)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true); // the bytes reach the disk before the rename makes them the output
            }
            place(temporary, out, absolute, force);
            placed = true;
            return true;
        } catch (IOException e) {
            throw new OutputException(out, "cannot write (" + IoReason.of(e) + ")", e);
        } finally {
            if (!placed) {
                deleteQuietly(temporary);
            }
        }
    }

    /**
     * Refuses an output path that is one of the sources (the same path, or the same file through a link), an
     * existing folder, or an existing file without {@code force}. Commands call it before long work too, so that
     * they fail at once rather than after an hour of encoding.
     */
    public static void check(Path out, boolean force, Set<Path> sources) throws OutputException {
        Path normalized = out.toAbsolutePath().normalize();
        boolean exists = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        for (Path source : sources) {
            if (normalized.equals(source.toAbsolutePath().normalize()) || (exists && sameFile(out, source))) {
                throw new OutputException(out, "is an input file; capdex never writes its sources");
            }
        }
        if (Files.isDirectory(out)) {
            throw new OutputException(out, "is a directory");
        }
        if (exists && !force) {
            throw new OutputException(out, "exists; use --force to overwrite");
        }
    }

    private static boolean sameFile(Path out, Path source) {
        try {
            return Files.exists(out) && Files.exists(source) && Files.isSameFile(out, source);
        } catch (IOException e) {
            return false; // one of them cannot be examined: it cannot be shown to be the same file either
        }
    }

    private static void place(Path temporary, Path out, Path absolute, boolean force) throws IOException,
            OutputException {
        if (force) {
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        // Without --force a file that appeared since check() must survive: a hard link is created only if the
        // name is free, atomically, where a rename would silently replace it.
        try {
            Files.createLink(absolute, temporary);
            deleteQuietly(temporary);
            return;
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(out, "exists; use --force to overwrite");
        } catch (UnsupportedOperationException | FileSystemException e) {
            // a file system without hard links: check again and rename (a move without REPLACE_EXISTING)
        }
        try {
            Files.move(temporary, absolute);
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(out, "exists; use --force to overwrite");
        }
    }

    /**
     * A new, empty, hidden file named after the target, readable by the owner only (as
     * {@link Files#createTempFile} makes it). Not {@code createTempFile} itself: its SecureRandom costs ~30 ms of
     * start-up on every command that writes (measured), and the name only has to be one nobody else uses:
     * CREATE_NEW refuses an existing file or link, and another name is tried.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 1; ; attempt++) {
            Path candidate = folder.resolve(".capdex-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "-" + name);
            try {
                return posix ? Files.createFile(candidate, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                        : Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** An overwritten file keeps its permissions; a new one gets rw-r--r-- (a temporary file starts at rw-------). */
    private static void setPermissions(Path temporary, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS;
        view.setPermissions(permissions);
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // nothing more to do: the temporary file is hidden (a leading dot) and named after capdex
        }
    }
}
