package dev.customs.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON of a manifest or index into a {@link Manifest}; rejects schema 1 and junk. */
public final class ManifestParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestParser() {}

  /**
   * The media type: the document's own {@code mediaType} field, else the Content-Type the registry
   * sent, else inferred from the shape (OCI allows the field to be absent).
   */
  public static String mediaType(byte[] bytes, Optional<String> contentType) throws IOException {
    JsonNode root = read(bytes);
    String own = root.path("mediaType").asText("");
    if (!own.isEmpty()) {
      return own;
    }
    if (root.path("schemaVersion").asInt(0) == 1) {
      return MediaTypes.DOCKER_SCHEMA1;
    }
    String header = contentType.map(c -> c.split(";")[0].strip()).orElse("");
    if (MediaTypes.ACCEPTED.contains(header) || MediaTypes.isSchema1(header)) {
      return header;
    }
    return root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }

  public static Manifest parse(String mediaType, byte[] bytes) throws IOException {
    if (MediaTypes.isSchema1(mediaType)) {
      throw new IOException("Docker schema 1 manifests are not supported (deprecated since 2017);"
          + " push the image again with a current docker or skopeo");
    }
    JsonNode root = read(bytes);
    if (MediaTypes.isIndex(mediaType)) {
      List<Descriptor> entries = new ArrayList<>();
      for (JsonNode entry : root.path("manifests")) {
        entries.add(descriptor(entry, "manifests[" + entries.size() + "]"));
      }
      return new ImageIndex(mediaType, List.copyOf(entries));
    }
    if (!mediaType.equals(MediaTypes.OCI_MANIFEST) && !mediaType.equals(MediaTypes.DOCKER_MANIFEST)) {
      throw new IOException("unsupported manifest media type \"" + mediaType + "\"");
    }
    if (!root.path("config").isObject()) {
      throw new IOException("manifest has no config descriptor");
    }
    List<Descriptor> layers = new ArrayList<>();
    for (JsonNode layer : root.path("layers")) {
      layers.add(descriptor(layer, "layers[" + layers.size() + "]"));
    }
    return new ImageManifest(mediaType, descriptor(root.path("config"), "config"), List.copyOf(layers));
  }

  private static Descriptor descriptor(JsonNode node, String where) throws IOException {
    Digest digest;
    try {
      digest = Digest.parse(node.path("digest").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IOException("manifest " + where + ": " + e.getMessage(), e);
    }
    long size = node.path("size").asLong(-1);
    if (size < 0) {
      throw new IOException("manifest " + where + " has no valid size");
    }
    return new Descriptor(node.path("mediaType").asText(""), digest, size, platform(node.path("platform")));
  }

  private static Optional<Platform> platform(JsonNode node) {
    String os = node.path("os").asText("");
    String arch = node.path("architecture").asText("");
    if (os.isEmpty() || arch.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Platform(os, arch, Optional.ofNullable(node.path("variant").textValue())
        .filter(v -> !v.isEmpty())));
  }

  private static JsonNode read(byte[] bytes) throws IOException {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new IOException("manifest is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new IOException("manifest is not valid JSON: " + e.getMessage(), e);
    }
  }
}
