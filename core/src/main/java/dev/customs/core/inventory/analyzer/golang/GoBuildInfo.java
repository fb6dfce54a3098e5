package dev.customs.core.inventory.analyzer.golang;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Go toolchain embeds in every binary it links ({@code go version -m} prints the same).
 *
 * @param goVersion the toolchain, e.g. {@code go1.22.3} or {@code go1.22.3 X:boringcrypto}
 * @param mainPath the main package path ({@code path} line), or empty
 * @param main the main module ({@code mod} line); absent for GOPATH-mode builds such as Debian's
 * @param deps the dependency modules ({@code dep} lines)
 * @param settings the {@code build} settings, e.g. {@code CGO_ENABLED=0}
 */
public record GoBuildInfo(String goVersion, String mainPath, Optional<GoModule> main, List<GoModule> deps,
    Map<String, String> settings) {}
