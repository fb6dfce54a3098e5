package dev.customs.core.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Platform;
import java.util.Optional;

/** An OCI content descriptor: what a blob is, its digest and size, and for index entries its platform. */
record OciDescriptor(String mediaType, Digest digest, long size, Optional<Platform> platform, Optional<String> refName) {
  static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** Parses a descriptor, failing with a message naming {@code where} when a field is missing or bad. */
  static OciDescriptor parse(JsonNode node, String where) throws ImageSourceException {
    if (!node.isObject()) {
      throw new ImageSourceException(where + ": a descriptor is not a JSON object");
    }
    String digest = node.path("digest").asText("");
    Digest parsed;
    try {
      parsed = Digest.parse(digest);
    } catch (IllegalArgumentException e) {
      throw new ImageSourceException(where + ": descriptor has a bad digest: " + e.getMessage(), e);
    }
    if (!node.path("size").canConvertToLong() || node.path("size").asLong() < 0) {
      throw new ImageSourceException(where + ": descriptor " + digest + " has no valid size");
    }
    return new OciDescriptor(node.path("mediaType").asText(""), parsed, node.path("size").asLong(),
        PlatformSelector.ofDescriptor(node),
        Optional.ofNullable(node.path("annotations").path(REF_NAME).textValue()));
  }
}
