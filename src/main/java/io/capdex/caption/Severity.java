package io.capdex.caption;

import java.util.Locale;

/** How bad a problem is: a warning was tolerated, an error lost or refused something. */
public enum Severity {
    WARNING,
    ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
