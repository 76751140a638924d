/**
 * The optional {@code capdex.yaml} configuration: every key optional, read with Jackson's YAML module.
 *
 * <p>Imports only {@code caption} (for the QC profiles and repair options it configures) and Jackson's YAML
 * module. Start at {@link io.capdex.config.Config}; {@code capdex.example.yaml} at the repository root explains
 * every key.
 */
@NullMarked
package io.capdex.config;

import org.jspecify.annotations.NullMarked;
