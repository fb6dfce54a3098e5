package dev.customs.core.inventory.analyzer.golang;

import java.util.Optional;

/**
 * A module line of Go build info ({@code mod} or {@code dep}).
 *
 * @param path the module path
 * @param version the module version, {@code (devel)} for the main module of a plain {@code go build}
 * @param replacement the {@code =>} line that replaced it ({@code replace} directive), if any
 */
public record GoModule(String path, String version, Optional<GoModule> replacement) {}
