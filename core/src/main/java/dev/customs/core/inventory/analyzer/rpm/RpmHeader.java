package dev.customs.core.inventory.analyzer.rpm;

import java.util.OptionalInt;

/**
 * The tags of one installed rpm that an inventory needs. Strings are empty when the tag is absent.
 *
 * @param epoch the EPOCH tag; empty when the header has none (which rpm compares like 0)
 * @param sourceRpm the SOURCERPM file name, e.g. {@code util-linux-2.32.1-42.el8_8.src.rpm}
 * @param modularityLabel the MODULARITYLABEL of a package from a RHEL 8+ module stream
 */
public record RpmHeader(String name, String version, String release, OptionalInt epoch, String arch,
    String sourceRpm, String license, String vendor, String modularityLabel) {}
