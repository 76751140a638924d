/**
 * The optional {@code capdex.yaml} configuration: every key optional, read with Jackson's YAML module.
 *
 * <p>Imports only {@code caption} (for the QC profiles it configures).
 */
@NullMarked
package io.capdex.config;

import org.jspecify.annotations.NullMarked;
