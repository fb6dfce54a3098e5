package dev.customs.core.vuln.model;

import java.util.Objects;

/**
 * One event of a {@link VersionRange}, as in OSV.
 *
 * @param kind what happens at this version
 * @param version the version as the source wrote it (for {@link RangeType#GEM_REQUIREMENTS} a
 *     requirement string)
 */
public record RangeEvent(EventKind kind, String version) {
  public RangeEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
  }
}
