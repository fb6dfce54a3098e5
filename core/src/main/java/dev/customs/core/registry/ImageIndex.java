package dev.customs.core.registry;

import dev.customs.core.image.Platform;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** An OCI image index or Docker manifest list: one manifest per platform. */
public record ImageIndex(String mediaType, List<Descriptor> manifests) implements Manifest {
  /** The first entry whose platform satisfies the wanted one, as Docker and containerd choose. */
  public Optional<Descriptor> select(Platform wanted) {
    return manifests.stream()
        .filter(d -> d.platform().map(p -> p.satisfies(wanted)).orElse(false))
        .findFirst();
  }

  /** The platforms on offer, e.g. {@code linux/amd64, linux/arm64/v8}, for error messages. */
  public String platforms() {
    return manifests.stream().map(d -> d.platform().map(Platform::toString).orElse("(none)"))
        .collect(Collectors.joining(", "));
  }
}
