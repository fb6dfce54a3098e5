package dev.customs.core.inventory.analyzer.osrelease;

import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operating system, from whichever release files a layer holds. Each file gives at most one
 * {@link OsRelease} on its own; when an image has several (os-release and debian_version, say), the
 * applier picks with {@link dev.customs.core.inventory.OsReleasePrecedence}.
 *
 * <ul>
 *   <li>{@code etc/os-release}, {@code usr/lib/os-release}: {@code ID}, {@code VERSION_ID},
 *       {@code PRETTY_NAME}.
 *   <li>{@code etc/lsb-release}: {@code DISTRIB_ID}, {@code DISTRIB_RELEASE}, {@code DISTRIB_DESCRIPTION}.
 *   <li>{@code etc/alpine-release}, {@code etc/debian_version}: the version alone.
 *   <li>Red Hat style {@code etc/*-release} files: "Rocky Linux release 9.4 (Blue Onyx)", the
 *       distribution told by its product name; SUSE's old {@code etc/SuSE-release} adds
 *       {@code VERSION =} and {@code PATCHLEVEL =} lines.
 * </ul>
 */
public final class OsReleaseAnalyzer implements PackageAnalyzer {
  private static final Set<String> OS_RELEASE = Set.of("etc/os-release", "usr/lib/os-release");
  private static final String LSB_RELEASE = "etc/lsb-release";
  private static final Map<String, String> VERSION_ONLY = Map.of(
      "etc/alpine-release", "alpine",
      "etc/debian_version", "debian");
  private static final Set<String> RELEASE_LINE = Set.of("etc/redhat-release", "etc/centos-release",
      "etc/rocky-release", "etc/almalinux-release", "etc/fedora-release", "etc/system-release",
      "etc/oracle-release", "etc/mariner-release", "etc/azurelinux-release", "etc/photon-release",
      "etc/SuSE-release");
  /** os-release(5): "A lower-case string (no spaces or other characters outside of 0–9, a–z, '.', '_' and '-')". */
  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final Pattern RELEASE_VERSION = Pattern.compile("(?i)\\brelease\\s+(\\d[\\w.+~-]*)");
  private static final Pattern FIRST_VERSION = Pattern.compile("\\b(\\d+(?:\\.[\\w+~-]+)*)");
  private static final Pattern SUSE_FIELD = Pattern.compile("(?m)^(VERSION|PATCHLEVEL)\\s*=\\s*(\\S+)");

  /** Which fields of a {@code KEY=value} file hold the distribution, its version and its display name. */
  private record Keys(String id, String version, String pretty) {}

  private static final Keys OS_RELEASE_KEYS = new Keys("ID", "VERSION_ID", "PRETTY_NAME");
  private static final Keys LSB_RELEASE_KEYS = new Keys("DISTRIB_ID", "DISTRIB_RELEASE", "DISTRIB_DESCRIPTION");

  @Override
  public String name() {
    return "os-release";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    String path = entry.path();
    return OS_RELEASE.contains(path) || path.equals(LSB_RELEASE) || VERSION_ONLY.containsKey(path)
        || RELEASE_LINE.contains(path);
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    String path = input.path();
    String text = input.text();
    if (text.isBlank()) {
      sink.problem("release file is empty");
    } else if (OS_RELEASE.contains(path)) {
      fromFields(OS_RELEASE_KEYS, text, sink);
    } else if (path.equals(LSB_RELEASE)) {
      fromFields(LSB_RELEASE_KEYS, text, sink);
    } else if (VERSION_ONLY.containsKey(path)) {
      sink.setOsRelease(new OsRelease(VERSION_ONLY.get(path), text.strip().lines().findFirst().orElse(""), ""));
    } else {
      fromReleaseLine(text, sink);
    }
  }

  private static void fromFields(Keys keys, String text, AnalysisSink sink) {
    Map<String, String> fields = OsReleaseFields.parse(text);
    // lsb-release writes DISTRIB_ID=Ubuntu; os-release IDs are lower case already.
    String id = fields.getOrDefault(keys.id(), "").toLowerCase(Locale.ROOT);
    if (!ID.matcher(id).matches()) {
      sink.problem("no valid " + keys.id() + " field (found '" + abbreviate(id) + "')");
      return;
    }
    sink.setOsRelease(new OsRelease(OsFamilies.fromId(id), fields.getOrDefault(keys.version(), ""),
        fields.getOrDefault(keys.pretty(), "")));
  }

  private static void fromReleaseLine(String text, AnalysisSink sink) {
    String first = text.strip().lines().findFirst().orElse("");
    Optional<String> family = OsFamilies.fromProduct(first);
    if (family.isEmpty()) {
      sink.problem("release file names no known distribution: '" + abbreviate(first) + "'");
      return;
    }
    String version = suseVersion(text);
    if (version.isEmpty()) {
      Matcher release = RELEASE_VERSION.matcher(first);
      Matcher number = FIRST_VERSION.matcher(first);
      version = release.find() ? release.group(1) : number.find() ? number.group(1) : "";
    }
    sink.setOsRelease(new OsRelease(family.get(), version, first));
  }

  /** SuSE-release: {@code VERSION = 12} and {@code PATCHLEVEL = 3} make 12.3; PATCHLEVEL 0 adds nothing. */
  private static String suseVersion(String text) {
    Matcher field = SUSE_FIELD.matcher(text);
    String version = "";
    String patch = "";
    while (field.find()) {
      if (field.group(1).equals("VERSION")) {
        version = field.group(2);
      } else {
        patch = field.group(2);
      }
    }
    return version.isEmpty() || patch.isEmpty() || patch.equals("0") ? version : version + "." + patch;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
