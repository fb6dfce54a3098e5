package dev.customs.core.image.source;

import dev.customs.core.image.Platform;
import dev.customs.core.layer.ExtractionLimits;
import java.util.Optional;

/**
 * How to pick and read an image from a source.
 *
 * @param platform the platform to choose from an index; empty means linux/amd64, and for a
 *     single-platform image no check at all
 * @param selector which image of a multi-image archive or layout: a RepoTag (docker-archive), a
 *     {@code org.opencontainers.image.ref.name} (OCI), or a 0-based index written {@code @N}
 * @param limits bounds for reading layers; {@code maxLayerSize} also caps how far a compressed
 *     archive may expand into its temporary file
 */
public record SourceOptions(Optional<Platform> platform, Optional<String> selector, ExtractionLimits limits) {
  public static final SourceOptions DEFAULT = new SourceOptions(Optional.empty(), Optional.empty(), ExtractionLimits.DEFAULT);

  public SourceOptions withSelector(String value) {
    return new SourceOptions(platform, Optional.of(value), limits);
  }

  public SourceOptions withPlatform(Platform value) {
    return new SourceOptions(Optional.of(value), selector, limits);
  }
}
