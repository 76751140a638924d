/**
 * The editors' web server ({@code capdex serve}): {@link io.capdex.web.WebServer} wires the routes of DESIGN.md §3
 * (pages, JSON API, stamped captions, exports, video with byte ranges, thumbnails) onto Javalin, the only user of
 * Javalin; the pages themselves are static files under {@code resources/web/}. Start reading at
 * {@link io.capdex.web.WebServer}, then {@code Archive} (the read-only view of the data folder).
 *
 * <p>May import {@code batch}, {@code search}, {@code export}, {@code media}, {@code caption} and {@code config};
 * nothing imports this package except the {@code cli} commands that start it. Nothing here writes outside
 * {@code DATA/cache/}: the store, the index and the source files are only read.
 */
@NullMarked
package io.capdex.web;

import org.jspecify.annotations.NullMarked;
