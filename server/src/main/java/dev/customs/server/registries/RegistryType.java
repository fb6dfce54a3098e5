package dev.customs.server.registries;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry products Customs knows. They share the OCI Distribution API and differ in how they
 * authenticate and enumerate; {@code defaultUrl} fills the URL when a product has one public endpoint.
 */
public enum RegistryType {
  DOCKERHUB("https://registry-1.docker.io"),
  ECR(null),
  ACR(null),
  GCR("https://gcr.io"),
  HARBOR(null),
  QUAY("https://quay.io"),
  GITLAB("https://registry.gitlab.com"),
  JFROG(null),
  NEXUS(null),
  GENERIC(null);

  private final String defaultUrl;

  RegistryType(String defaultUrl) {
    this.defaultUrl = defaultUrl;
  }

  /** The lowercase name the API uses, e.g. {@code dockerhub}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Optional<String> defaultUrl() {
    return Optional.ofNullable(defaultUrl);
  }

  public static RegistryType parse(String id) {
    return Arrays.stream(values()).filter(t -> t.id().equalsIgnoreCase(id.strip())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown registry type \"" + id + "\"; expected one of "
            + Arrays.stream(values()).map(RegistryType::id).collect(Collectors.joining(", "))));
  }
}
