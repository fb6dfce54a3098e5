package dev.customs.core.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.image.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds one image in an OCI image layout, stored in a directory or an archive: by its
 * {@code org.opencontainers.image.ref.name} or {@code @index} when the layout holds several,
 * then through nested indexes by platform, to a manifest, its config and its layers.
 */
final class OciLayoutReader {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final int MAX_MANIFEST = 4 << 20;
  private static final int MAX_CONFIG = 16 << 20;
  private static final int MAX_DEPTH = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlobStore store;
  private final SourceOptions options;
  private final PlatformSelector platforms;

  OciLayoutReader(BlobStore store, SourceOptions options) {
    this.store = store;
    this.options = options;
    this.platforms = new PlatformSelector(options.platform());
  }

  /** Reads the image that {@code index.json} and the options select. */
  ImageParts read(byte[] layoutFile, byte[] indexJson) throws IOException {
    JsonNode layout = json(layoutFile, "oci-layout");
    if (!layout.path("imageLayoutVersion").isTextual()) {
      throw new ImageSourceException(store.name() + ": oci-layout has no imageLayoutVersion");
    }
    List<OciDescriptor> entries = descriptors(json(indexJson, "index.json").path("manifests"), "index.json");
    List<OciDescriptor> candidates = candidates(entries);
    if (candidates.size() == 1) {
      return resolve(candidates.get(0), Optional.empty(), false, 0);
    }
    OciDescriptor chosen = platforms.select(candidates, OciDescriptor::platform, "index.json of " + store.name());
    return resolve(chosen, Optional.empty(), true, 0);
  }

  /**
   * The top-level entries the selector names: one by {@code @index}, all entries with a matching
   * ref name (some tools list each platform of one tag as its own entry), or without a selector
   * all entries provided they do not carry several names.
   */
  private List<OciDescriptor> candidates(List<OciDescriptor> entries) throws ImageSourceException {
    if (entries.isEmpty()) {
      throw new ImageSourceException(store.name() + ": index.json lists no images");
    }
    List<String> names = entries.stream().flatMap(e -> e.refName().stream()).distinct().toList();
    if (options.selector().isEmpty()) {
      if (names.size() > 1) {
        throw new ImageSourceException(store.name() + " holds " + entries.size()
            + " images; choose one by name: " + Selectors.list(names));
      }
      return entries;
    }
    String selector = options.selector().get();
    Optional<Integer> index = Selectors.index(selector);
    if (index.isPresent()) {
      return List.of(Selectors.byIndex(entries, index.get(), store.name()));
    }
    List<OciDescriptor> named = entries.stream().filter(e -> e.refName().filter(selector::equals).isPresent()).toList();
    if (named.isEmpty()) {
      throw new ImageSourceException(store.name() + " has no image named \"" + selector
          + "\"; it has: " + Selectors.list(names));
    }
    return named;
  }

  private ImageParts resolve(OciDescriptor d, Optional<Digest> index, boolean chosenByPlatform, int depth)
      throws IOException {
    byte[] raw = readBlob(d.digest(), d.size(), MAX_MANIFEST, "manifest " + d.digest());
    JsonNode node = json(raw, "manifest " + d.digest());
    String mediaType = d.mediaType().isEmpty() ? node.path("mediaType").asText("") : d.mediaType();
    boolean isIndex = mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST)
        || (mediaType.isEmpty() && node.has("manifests"));
    if (isIndex) {
      if (depth >= MAX_DEPTH) {
        throw new ImageSourceException(store.name() + ": indexes nested deeper than " + MAX_DEPTH);
      }
      String where = "index " + d.digest() + " of " + store.name();
      OciDescriptor chosen = platforms.select(descriptors(node.path("manifests"), where), OciDescriptor::platform, where);
      return resolve(chosen, Optional.of(d.digest()), true, depth + 1);
    }
    if (!mediaType.equals(OCI_MANIFEST) && !mediaType.equals(DOCKER_MANIFEST) && !mediaType.isEmpty()) {
      throw new ImageSourceException(store.name() + ": " + d.digest() + " is a " + mediaType
          + ", not an image manifest or index");
    }
    return image(d, raw, node, mediaType.isEmpty() ? OCI_MANIFEST : mediaType, index, chosenByPlatform);
  }

  private ImageParts image(OciDescriptor d, byte[] raw, JsonNode manifest, String mediaType,
      Optional<Digest> index, boolean chosenByPlatform) throws IOException {
    String where = "manifest " + d.digest() + " of " + store.name();
    OciDescriptor configRef = OciDescriptor.parse(manifest.path("config"), where);
    byte[] rawConfig = readBlob(configRef.digest(), configRef.size(), MAX_CONFIG, "config " + configRef.digest());
    ImageConfig config = ImageConfigs.parse(rawConfig, "config " + configRef.digest() + " of " + store.name());
    if (!chosenByPlatform) {
      platforms.check(config.platform(), store.name());
    }
    List<OciDescriptor> layerRefs = descriptors(manifest.path("layers"), where);
    if (layerRefs.size() != config.diffIds().size()) {
      throw new ImageSourceException(where + " lists " + layerRefs.size() + " layers but its config has "
          + config.diffIds().size() + " diff_ids");
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < layerRefs.size(); i++) {
      OciDescriptor l = layerRefs.get(i);
      LayerDescriptor descriptor = new LayerDescriptor(l.mediaType(), l.digest(), l.size(), config.diffIds().get(i));
      layers.add(new BlobLayer(descriptor, () -> store.open(l.digest()),
          "layer " + (i + 1) + " of " + store.name()));
    }
    return new ImageParts(store.name() + options.selector().map(s -> ":" + s).orElse(""), d.digest(), index,
        mediaType, raw, configRef.digest(), rawConfig, config, List.copyOf(layers));
  }

  private byte[] readBlob(Digest digest, long size, int max, String what) throws IOException {
    if (size > max) {
      throw new ImageSourceException(store.name() + ": " + what + " is " + size + " bytes, more than the "
          + max + " it may have");
    }
    try (InputStream in = new VerifyingInputStream(store.open(digest), digest, size, what + " of " + store.name())) {
      return in.readAllBytes();
    }
  }

  private List<OciDescriptor> descriptors(JsonNode array, String where) throws ImageSourceException {
    if (!array.isArray()) {
      throw new ImageSourceException(store.name() + ": " + where + " has no descriptor list");
    }
    List<OciDescriptor> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(OciDescriptor.parse(n, store.name() + ": " + where));
    }
    return out;
  }

  private JsonNode json(byte[] bytes, String what) throws ImageSourceException {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new ImageSourceException(store.name() + ": " + what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ImageSourceException(store.name() + ": " + what + " is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
