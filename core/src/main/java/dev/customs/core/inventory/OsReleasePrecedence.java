package dev.customs.core.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the image's {@link OsRelease} when several release files survive in the final filesystem
 * (each file gives at most one). The applier calls {@link #choose} with what the files of the final
 * filesystem reported, keyed by path; an image with none (scratch) has no OS.
 *
 * <ol>
 *   <li><b>Family</b>: from the highest-ranked file. {@code etc/os-release} first (systemd reads it
 *       before {@code usr/lib/os-release}, so an administrator's copy wins), then the
 *       distribution's own file ({@code etc/alpine-release}, {@code etc/debian_version},
 *       {@code etc/rocky-release}, …), then the generic Red Hat style files
 *       ({@code etc/redhat-release}, {@code etc/system-release}, which derivatives point at their own
 *       file), then {@code etc/lsb-release}; unknown paths last. This keeps Ubuntu Ubuntu although
 *       it ships a {@code debian_version} too.
 *   <li><b>Version</b>: the most specific one among the files of that family. A version is more
 *       specific when it extends the other at a dot: Debian's os-release says {@code 12} while
 *       {@code debian_version} says {@code 12.7}; CentOS 7 says {@code 7} and {@code 7.9.2009}.
 *       Versions that do not extend each other (Debian testing's {@code trixie/sid}) leave the
 *       higher-ranked file's version as it is.
 *   <li><b>Pretty name</b>: from the highest-ranked file of that family that has one.
 * </ol>
 */
public final class OsReleasePrecedence {
  private static final List<String> RANKED_PATHS = List.of(
      "etc/os-release",
      "usr/lib/os-release",
      "etc/alpine-release",
      "etc/debian_version",
      "etc/centos-release",
      "etc/rocky-release",
      "etc/almalinux-release",
      "etc/fedora-release",
      "etc/oracle-release",
      "etc/mariner-release",
      "etc/azurelinux-release",
      "etc/photon-release",
      "etc/SuSE-release",
      "etc/redhat-release",
      "etc/system-release",
      "etc/lsb-release");

  private OsReleasePrecedence() {}

  /** The image's OS from the releases of its surviving files (path → what that file gave). */
  public static Optional<OsRelease> choose(Map<String, OsRelease> releasesByPath) {
    List<Map.Entry<String, OsRelease>> ranked = releasesByPath.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, OsRelease> e) -> rank(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .toList();
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    String family = ranked.getFirst().getValue().family();
    List<OsRelease> sameFamily = ranked.stream().map(Map.Entry::getValue)
        .filter(os -> os.family().equals(family)).toList();
    String version = sameFamily.getFirst().version();
    for (OsRelease os : sameFamily) {
      if (extendsVersion(os.version(), version)) {
        version = os.version();
      }
    }
    String prettyName = sameFamily.stream().map(OsRelease::prettyName).filter(p -> !p.isBlank())
        .findFirst().orElse("");
    return Optional.of(new OsRelease(family, version, prettyName));
  }

  private static int rank(String path) {
    int rank = RANKED_PATHS.indexOf(path);
    return rank < 0 ? RANKED_PATHS.size() : rank;
  }

  /** Whether {@code candidate} is {@code base} made more precise: {@code 12.7} extends {@code 12}. */
  private static boolean extendsVersion(String candidate, String base) {
    return base.isEmpty() ? !candidate.isEmpty() : candidate.startsWith(base + ".");
  }
}
