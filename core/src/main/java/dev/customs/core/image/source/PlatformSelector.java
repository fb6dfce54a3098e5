package dev.customs.core.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.image.Platform;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses one platform's manifest from an OCI index or Docker manifest list, the same way for
 * every source (registry, OCI layout, oci-archive). linux/amd64 is the default.
 */
public final class PlatformSelector {
  private final Optional<Platform> requested;

  public PlatformSelector(Optional<Platform> requested) {
    this.requested = requested;
  }

  /** The platform asked for, or linux/amd64. */
  public Platform wanted() {
    return requested.orElse(Platform.LINUX_AMD64);
  }

  /**
   * The first candidate whose platform {@link Platform#satisfies satisfies} the wanted one, in
   * index order (the order the index author chose, as Docker and containerd honour it).
   * Candidates without a platform, such as attestation manifests, never match.
   *
   * @param where names the index in an error, e.g. {@code "index of debian12.oci.tar"}
   * @throws ImageSourceException naming the available platforms when none matches
   */
  public <T> T select(List<T> candidates, Function<T, Optional<Platform>> platformOf, String where)
      throws ImageSourceException {
    Platform wanted = wanted();
    for (T candidate : candidates) {
      if (platformOf.apply(candidate).filter(p -> p.satisfies(wanted)).isPresent()) {
        return candidate;
      }
    }
    String available = candidates.stream()
        .map(c -> platformOf.apply(c).map(Platform::toString).orElse("(no platform)"))
        .collect(Collectors.joining(", "));
    throw new ImageSourceException(
        "no " + wanted + " image in " + where + "; it has: " + (available.isEmpty() ? "nothing" : available));
  }

  /**
   * For an image that offers one platform only: fails when a platform was explicitly requested
   * and the image is another one. Without a request any platform is accepted, as a single-platform
   * image is what the user pointed at.
   */
  public void check(Platform actual, String where) throws ImageSourceException {
    if (requested.isPresent() && !actual.satisfies(requested.get())) {
      throw new ImageSourceException(where + " is " + actual + ", not the requested " + requested.get());
    }
  }

  /** The {@code platform} object of an OCI descriptor, if it has a usable one. */
  public static Optional<Platform> ofDescriptor(JsonNode descriptor) {
    JsonNode p = descriptor.path("platform");
    String os = p.path("os").asText("");
    String arch = p.path("architecture").asText("");
    if (os.isBlank() || arch.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Platform(os, arch, Optional.ofNullable(p.path("variant").textValue())));
  }
}
