package dev.customs.core.vuln.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ecosystem keys the bundle is indexed by. Language ecosystems are one word ({@code npm},
 * {@code maven}, {@code pypi}, {@code go}, {@code cargo}, {@code nuget}, {@code gem},
 * {@code composer}); distro releases are {@code distro:release} as {@code /etc/os-release} would
 * give them ({@code debian:12}, {@code ubuntu:22.04}, {@code alpine:3.20}, {@code almalinux:9},
 * {@code rocky:9}, {@code rhel:9}, {@code sles:15.5}). Ubuntu Pro (ESM) fixes reach only subscribers,
 * so they get their own key, {@code ubuntu-pro:16.04}.
 */
public final class EcosystemKeys {
  private static final Map<String, String> LANGUAGES = Map.ofEntries(
      Map.entry("npm", "npm"),
      Map.entry("maven", "maven"),
      Map.entry("pypi", "pypi"),
      Map.entry("go", "go"),
      Map.entry("crates.io", "cargo"),
      Map.entry("nuget", "nuget"),
      Map.entry("rubygems", "gem"),
      Map.entry("packagist", "composer"));

  /** Debian codenames of the tracker; {@code sid} is the rolling {@code unstable}. */
  private static final Map<String, String> DEBIAN_CODENAMES = Map.ofEntries(
      Map.entry("squeeze", "6"),
      Map.entry("wheezy", "7"),
      Map.entry("jessie", "8"),
      Map.entry("stretch", "9"),
      Map.entry("buster", "10"),
      Map.entry("bullseye", "11"),
      Map.entry("bookworm", "12"),
      Map.entry("trixie", "13"),
      Map.entry("forky", "14"),
      Map.entry("sid", "unstable"));

  private EcosystemKeys() {}

  /**
   * The key of an OSV ecosystem string ({@code Debian:12}, {@code Ubuntu:Pro:18.04:LTS},
   * {@code Alpine:v3.20}, {@code Rocky Linux:9}, {@code Red Hat:enterprise_linux:9::baseos},
   * {@code SUSE:Linux Enterprise Server 15 SP5}, {@code PyPI}…). Ecosystems it has no rule for are
   * kept, lower-cased with spaces as dashes, so their records are not lost.
   */
  public static String ofOsv(String ecosystem) {
    String trimmed = ecosystem.strip();
    int colon = trimmed.indexOf(':');
    String head = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : trimmed.substring(colon + 1);
    if (colon < 0 && LANGUAGES.containsKey(head)) {
      return LANGUAGES.get(head);
    }
    return switch (head) {
      case "debian" -> debianRelease(rest);
      case "ubuntu" -> ubuntu(rest);
      case "alpine" -> alpine(rest);
      case "almalinux" -> "almalinux:" + rest;
      case "rocky linux" -> "rocky:" + rest;
      case "red hat" -> redHat(rest).orElse(generic(trimmed));
      case "suse" -> suse(rest).orElse(generic(trimmed));
      default -> generic(trimmed);
    };
  }

  /** {@code debian:<version>} of a tracker codename ({@code bookworm}) or an OSV release ({@code 12}, {@code 6.0}). */
  public static String debianRelease(String release) {
    String r = release.strip().toLowerCase(Locale.ROOT);
    r = DEBIAN_CODENAMES.getOrDefault(r, r);
    // OSV writes the old releases as "6.0"; os-release VERSION_ID has said "6", "7"… since.
    return "debian:" + (r.matches("\\d+\\.0") ? r.substring(0, r.length() - 2) : r);
  }

  /** {@code alpine:3.20} of a secdb {@code distroversion} or OSV release ({@code v3.20}). */
  public static String alpine(String release) {
    String r = release.strip();
    return "alpine:" + (r.startsWith("v") ? r.substring(1) : r);
  }

  private static String ubuntu(String rest) {
    // "22.04:LTS", "Pro:16.04:LTS", "24.10"
    String[] parts = rest.split(":");
    boolean pro = parts[0].equalsIgnoreCase("pro");
    String version = pro && parts.length > 1 ? parts[1] : parts[0];
    return (pro ? "ubuntu-pro:" : "ubuntu:") + version;
  }

  private static Optional<String> redHat(String rest) {
    // "enterprise_linux:9::baseos", "rhel_eus:8.6::appstream"
    String[] parts = rest.split(":");
    if (parts.length >= 2 && parts[0].startsWith("enterprise_linux")) {
      return Optional.of("rhel:" + parts[1]);
    }
    return Optional.empty();
  }

  private static Optional<String> suse(String rest) {
    var m = java.util.regex.Pattern.compile("Linux Enterprise Server (\\d+)(?: SP(\\d+))?").matcher(rest);
    if (m.find()) {
      return Optional.of("sles:" + m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
    }
    return Optional.empty();
  }

  private static String generic(String ecosystem) {
    return ecosystem.toLowerCase(Locale.ROOT).replace(' ', '-');
  }
}
