package dev.customs.core.inventory.analyzer.java;

import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.regex.Pattern;

/**
 * Who an archive without its own {@code pom.properties} is, from its manifest and file name.
 *
 * @param artifactId the artifact
 * @param version the version
 * @param identifiedBy {@code manifest} when the manifest supplied the version, {@code filename}
 *     when the file name did
 * @param group the guessed groupId, when there is one
 */
record ManifestIdentity(String artifactId, String version, String identifiedBy, Optional<GroupIdGuess> group) {
  private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-+~]*");

  /** Empty when neither the manifest nor the file name yields both an artifact and a version. */
  static Optional<ManifestIdentity> of(Optional<Attributes> manifest, String fileName, List<String> classPackage) {
    Optional<JarFileName> parsed = JarFileName.parse(fileName);
    Optional<String> title = attribute(manifest, "Implementation-Title").filter(ARTIFACT_ID.asMatchPredicate());
    // A versioned file name is what Maven wrote; a title can be prose ("Apache Commons Text").
    String artifactId = parsed.map(JarFileName::artifactId)
        .or(() -> title)
        .orElseGet(() -> JarFileName.stem(fileName));
    Optional<String> manifestVersion = version(manifest, "Implementation-Version");
    Optional<String> version = manifestVersion
        .or(() -> parsed.map(JarFileName::version))
        .or(() -> version(manifest, "Bundle-Version"))
        .or(() -> version(manifest, "Specification-Version"));
    if (version.isEmpty() || !ARTIFACT_ID.matcher(artifactId).matches()) {
      return Optional.empty();
    }
    boolean fromFileName = manifestVersion.isEmpty() && parsed.isPresent();
    return Optional.of(new ManifestIdentity(artifactId, version.get(), fromFileName ? "filename" : "manifest",
        GroupIdGuess.guess(manifest, artifactId, classPackage)));
  }

  String name() {
    return group.map(g -> g.groupId() + ":" + artifactId).orElse(artifactId);
  }

  private static Optional<String> attribute(Optional<Attributes> manifest, String name) {
    return manifest.map(m -> m.getValue(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** Unexpanded placeholders such as {@code ${project.version}} are not versions. */
  private static Optional<String> version(Optional<Attributes> manifest, String name) {
    return attribute(manifest, name).filter(VERSION.asMatchPredicate());
  }
}
