package dev.customs.core.inventory.analyzer.java;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.regex.Pattern;

/**
 * The best honest guess of the Maven groupId of an archive without {@code pom.properties}, with
 * where it came from. Spring's jars, for one, carry only {@code Implementation-Title} and
 * {@code Implementation-Version}; their classes below {@code org/springframework/} still name
 * the group.
 *
 * @param groupId the guessed group
 * @param source what it was read from: {@code Implementation-Vendor-Id}, {@code Bundle-SymbolicName}
 *     or {@code class-packages}
 */
record GroupIdGuess(String groupId, String source) {
  private static final Pattern PACKAGE_NAME =
      Pattern.compile("[a-z][a-z0-9_\\-]*(\\.[a-z0-9_\\-]+)+", Pattern.CASE_INSENSITIVE);

  static Optional<GroupIdGuess> guess(Optional<Attributes> manifest, String artifactId, List<String> classPackage) {
    List<String> tokens = Arrays.asList(artifactId.toLowerCase(Locale.ROOT).split("[-._]"));
    Optional<String> vendorId = manifest.map(m -> m.getValue("Implementation-Vendor-Id")).map(String::strip)
        .filter(v -> PACKAGE_NAME.matcher(v).matches());
    if (vendorId.isPresent()) {
      return Optional.of(new GroupIdGuess(vendorId.get(), "Implementation-Vendor-Id"));
    }
    Optional<String> fromBundle = manifest.map(m -> m.getValue("Bundle-SymbolicName"))
        .flatMap(name -> fromSymbolicName(name, artifactId, tokens));
    if (fromBundle.isPresent()) {
      return Optional.of(new GroupIdGuess(fromBundle.get(), "Bundle-SymbolicName"));
    }
    return fromPackages(classPackage, tokens).map(group -> new GroupIdGuess(group, "class-packages"));
  }

  /** {@code org.apache.commons.commons-text} for {@code commons-text}: the group is what precedes the artifact. */
  private static Optional<String> fromSymbolicName(String symbolicName, String artifactId, List<String> tokens) {
    String name = symbolicName.split(";", 2)[0].strip();
    int dot = name.lastIndexOf('.');
    if (!PACKAGE_NAME.matcher(name).matches() || dot < 0) {
      return Optional.empty();
    }
    String last = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    boolean namesArtifact = last.equalsIgnoreCase(artifactId) || tokens.contains(last);
    String group = name.substring(0, dot);
    return namesArtifact && group.contains(".") ? Optional.of(group) : Optional.empty();
  }

  /**
   * {@code org.springframework.beans} for {@code spring-beans}: drop trailing segments that are
   * words of the artifact, and accept the rest only when it still shares a word with the artifact
   * ({@code springframework} contains {@code spring}). Spring's {@code spring-jcl} holds only
   * {@code org.apache.commons.logging} classes: no shared word, so no guess.
   */
  private static Optional<String> fromPackages(List<String> classPackage, List<String> tokens) {
    List<String> segments = new ArrayList<>(classPackage);
    while (!segments.isEmpty() && tokens.contains(segments.getLast().toLowerCase(Locale.ROOT))) {
      segments.removeLast();
    }
    boolean related = segments.stream().map(s -> s.toLowerCase(Locale.ROOT))
        .anyMatch(segment -> tokens.stream().anyMatch(t -> t.length() >= 3 && segment.contains(t)));
    String group = String.join(".", segments);
    return segments.size() >= 2 && related && PACKAGE_NAME.matcher(group).matches()
        ? Optional.of(group) : Optional.empty();
  }
}
