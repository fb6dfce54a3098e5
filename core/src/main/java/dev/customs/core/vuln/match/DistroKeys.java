package dev.customs.core.vuln.match;

import dev.customs.core.inventory.OsRelease;
import java.util.Locale;
import java.util.Optional;

/**
 * The bundle's ecosystem key of an image's OS release (see
 * {@link dev.customs.core.vuln.model.EcosystemKeys}): {@code debian:12}, {@code ubuntu:22.04},
 * {@code alpine:3.20}, {@code rhel:9}, {@code rocky:9}, {@code almalinux:9}, {@code sles:15.5}.
 */
public final class DistroKeys {
  private DistroKeys() {}

  /** The key, or empty for a distro whose releases the feeds do not name this way. */
  public static Optional<String> of(OsRelease os) {
    String family = os.family().toLowerCase(Locale.ROOT);
    String version = os.version().strip();
    return switch (family) {
      // Debian point releases (12.7) share one security tracker release; testing/sid have no VERSION_ID.
      case "debian" -> Optional.of("debian:" + (version.isEmpty() ? "unstable" : major(version)));
      case "ubuntu" -> nonEmpty(version).map(v -> "ubuntu:" + v);
      case "alpine" -> nonEmpty(version).map(v -> "alpine:" + majorMinor(v));
      case "rhel", "centos", "rocky", "almalinux" -> nonEmpty(version).map(v -> family + ":" + major(v));
      case "sles" -> nonEmpty(version).map(v -> "sles:" + v);
      default -> Optional.empty();
    };
  }

  /** How people call the release: {@code debian 12}. */
  public static String displayName(OsRelease os) {
    return os.family() + " " + (os.version().isEmpty() ? "(no version)" : os.version());
  }

  private static Optional<String> nonEmpty(String v) {
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static String major(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }

  private static String majorMinor(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }
}
