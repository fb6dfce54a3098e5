package dev.customs.core.policy;

import dev.customs.core.Glob;
import dev.customs.core.image.ImageRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which images a policy judges. Each listed criterion must hold (registries, repository globs, tag
 * globs, label value patterns); an empty scope applies to every image. An image without a registry
 * reference (an archive scanned without a name) is in scope only when no name criterion is given.
 */
public record Scope(List<Glob> registries, List<Glob> repositories, List<Glob> tags, Map<String, Pattern> labels) {
  public static final Scope ALL = new Scope(List.of(), List.of(), List.of(), Map.of());

  public Scope {
    registries = List.copyOf(registries);
    repositories = List.copyOf(repositories);
    tags = List.copyOf(tags);
    labels = Map.copyOf(labels);
  }

  public boolean matches(Optional<ImageRef> reference, Map<String, String> imageLabels) {
    boolean labelsMatch = labels.entrySet().stream().allMatch(e -> imageLabels.containsKey(e.getKey())
        && e.getValue().matcher(imageLabels.get(e.getKey())).matches());
    if (registries.isEmpty() && repositories.isEmpty() && tags.isEmpty()) {
      return labelsMatch;
    }
    return labelsMatch && reference.map(ref -> any(registries, ref.registry()) && any(repositories, ref.repository())
        && (tags.isEmpty() || ref.tag().map(t -> any(tags, t)).orElse(false))).orElse(false);
  }

  private static boolean any(List<Glob> globs, String value) {
    return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(value));
  }

  public String describe() {
    if (this.equals(ALL)) {
      return "every image";
    }
    StringBuilder text = new StringBuilder("images");
    if (!registries.isEmpty()) {
      text.append(" from registries ").append(registries);
    }
    if (!repositories.isEmpty()) {
      text.append(" in repositories ").append(repositories);
    }
    if (!tags.isEmpty()) {
      text.append(" tagged ").append(tags);
    }
    labels.forEach((k, v) -> text.append(" labelled ").append(k).append(" matching /").append(v.pattern()).append('/'));
    return text.toString();
  }
}
