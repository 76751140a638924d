package io.capdex.config;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A configuration file that cannot be used, with the file and line to point at: the message reads
 * {@code capdex.yaml:7: unknown key 'qc.maxchars'}, the form the CLI prints diagnostics in.
 */
public final class ConfigException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public ConfigException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    public ConfigException(String file, int line, String problem, @Nullable Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file as it was named to {@link Config#load}. */
    public String file() {
        return file;
    }

    /** The 1-based line the problem is on, or 0 when no line applies. */
    public int line() {
        return line;
    }

    /** The message without file and line. */
    public String problem() {
        return problem;
    }
}
