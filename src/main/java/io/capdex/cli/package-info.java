/**
 * The command line: {@link io.capdex.cli.Main} plus one class per subcommand, and {@link io.capdex.cli.ExitCode}.
 * The only user of picocli; nothing imports this package.
 */
@NullMarked
package io.capdex.cli;

import org.jspecify.annotations.NullMarked;
