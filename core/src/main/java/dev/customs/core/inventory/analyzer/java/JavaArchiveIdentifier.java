package dev.customs.core.inventory.analyzer.java;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.Package;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns what one archive says about itself into packages. Every {@code pom.properties} is a
 * package (a shaded jar holds those of its embedded libraries); one of them is the archive itself
 * and gets its SHA-1. Only when none is does the manifest or the file name identify the archive,
 * so an archive is never counted twice.
 */
final class JavaArchiveIdentifier {
  static final String IDENTIFIED_BY = "identified-by";

  private JavaArchiveIdentifier() {}

  static List<Package> identify(String path, String sha1, JavaArchiveMetadata metadata) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    Optional<PomProperties> self = self(metadata, fileName);
    List<Package> packages = new ArrayList<>();
    for (PomProperties pom : metadata.poms()) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put(IDENTIFIED_BY, "pom.properties");
      if (self.isPresent() && self.get().equals(pom)) {
        properties.put("sha1", sha1);
      }
      packages.add(Package.of(Ecosystem.MAVEN, pom.name(), pom.version(), path).withProperties(properties));
    }
    if (self.isEmpty()) {
      ManifestIdentity.of(metadata.manifest(), fileName, metadata.classPackage())
          .filter(identity -> metadata.poms().stream().noneMatch(pom -> describes(pom, identity)))
          .ifPresent(identity -> packages.add(fromManifest(path, sha1, identity)));
    }
    return packages;
  }

  /**
   * The pom.properties of the archive itself: the one with the longest artifactId the file name
   * starts with, else the one the manifest's module name names ({@code Automatic-Module-Name:
   * org.jacoco.agent.rt} in {@code jacocoagent.jar}), else the only one. In a shaded jar none of
   * them may be: then all are embedded libraries.
   */
  private static Optional<PomProperties> self(JavaArchiveMetadata metadata, String fileName) {
    List<PomProperties> poms = metadata.poms();
    String stem = JarFileName.stem(fileName);
    Optional<PomProperties> byFileName = poms.stream()
        .filter(pom -> stem.equals(pom.artifactId()) || stem.startsWith(pom.artifactId() + "-"))
        .max(Comparator.comparingInt(pom -> pom.artifactId().length()));
    List<String> moduleNames = metadata.manifest().stream()
        .flatMap(m -> Stream.of(m.getValue("Automatic-Module-Name"), m.getValue("Bundle-SymbolicName")))
        .filter(Objects::nonNull)
        .map(name -> normalized(name.split(";", 2)[0]))
        .toList();
    Optional<PomProperties> byModuleName = poms.stream()
        .filter(pom -> moduleNames.contains(normalized(pom.artifactId()))
            || moduleNames.contains(normalized(pom.groupId() + pom.artifactId())))
        .findFirst();
    Optional<PomProperties> onlyOne = poms.size() == 1 ? Optional.of(poms.getFirst()) : Optional.empty();
    return byFileName.or(() -> byModuleName).or(() -> onlyOne);
  }

  /** {@code spring.core}, {@code spring-core} → {@code springcore}. */
  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static boolean describes(PomProperties pom, ManifestIdentity identity) {
    return pom.artifactId().equals(identity.artifactId()) && pom.version().equals(identity.version());
  }

  private static Package fromManifest(String path, String sha1, ManifestIdentity identity) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(IDENTIFIED_BY, identity.identifiedBy());
    properties.put("sha1", sha1);
    identity.group().ifPresent(group -> properties.put("group-from", group.source()));
    return Package.of(Ecosystem.MAVEN, identity.name(), identity.version(), path).withProperties(properties);
  }
}
