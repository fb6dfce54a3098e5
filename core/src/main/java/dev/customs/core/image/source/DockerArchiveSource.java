package dev.customs.core.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.layer.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code docker save} archive (plain or gzip-compressed): {@code manifest.json} lists images by
 * RepoTags, each with a config file and layer tars (the legacy {@code <id>/layer.tar} paths are
 * symlinks inside the archive and are followed there).
 *
 * <p>A docker-archive has no registry manifest, so one is computed exactly as skopeo and
 * containers/image compute it (Docker schema 2, layers named by their diffID, media type
 * {@code ...rootfs.diff.tar.gzip} even though the stored tars are plain): the resulting
 * {@link Image#manifestDigest()} is the one {@code skopeo inspect docker-archive:} prints, and
 * the same image pushed by skopeo gets it. The layer blob is the uncompressed tar, verified
 * against the diffID; a layer stored compressed is decompressed when opened.
 *
 * <p>The pre-1.10 layout without {@code manifest.json} (only {@code repositories}) is not read.
 */
public final class DockerArchiveSource implements ImageSource {
  static final String MANIFEST = "manifest.json";
  static final String CONFIG_MEDIA_TYPE = "application/vnd.docker.container.image.v1+json";
  static final String LAYER_MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path archive;

  public DockerArchiveSource(Path archive) {
    this.archive = archive;
  }

  @Override
  public Image open(SourceOptions options) throws IOException {
    return read(TarArchive.open(archive, options.limits().maxLayerSize()), options);
  }

  /** Reads the image from an opened archive, which the image then owns (closed here on failure). */
  static Image read(TarArchive tar, SourceOptions options) throws IOException {
    try {
      JsonNode entry = select(manifest(tar), tar.name(), options.selector());
      String configName = entry.path("Config").asText("");
      if (configName.isEmpty() || !tar.has(configName)) {
        throw new ImageSourceException(tar.name() + ": manifest.json names config \"" + configName
            + "\", which the archive does not hold");
      }
      byte[] rawConfig = tar.read(configName, 16 << 20);
      Digest configDigest = Digest.sha256(rawConfig);
      requireNameMatches(configName, configDigest, tar.name());
      ImageConfig config = ImageConfigs.parse(rawConfig, "config " + configName + " of " + tar.name());
      new PlatformSelector(options.platform()).check(config.platform(), tar.name());
      List<Layer> layers = layers(tar, entry.path("Layers"), config);
      byte[] manifest = schema2Manifest(configDigest, rawConfig.length, layers);
      ImageParts parts = new ImageParts(tar.name() + options.selector().map(s -> ":" + s).orElse(""),
          Digest.sha256(manifest), Optional.empty(), OciLayoutReader.DOCKER_MANIFEST, manifest,
          configDigest, rawConfig, config, layers);
      return new LocalImage(parts, tar);
    } catch (IOException | RuntimeException e) {
      tar.close();
      throw e;
    }
  }

  private static JsonNode manifest(TarArchive tar) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(tar.read(MANIFEST, 16 << 20));
    } catch (IOException e) {
      throw new ImageSourceException(tar.name() + ": manifest.json is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new ImageSourceException(tar.name() + ": manifest.json is not a non-empty array of images");
    }
    return root;
  }

  private static JsonNode select(JsonNode images, String archive, Optional<String> selector)
      throws ImageSourceException {
    List<String> tags = new ArrayList<>();
    images.forEach(i -> i.path("RepoTags").forEach(t -> tags.add(t.asText())));
    if (selector.isEmpty()) {
      if (images.size() > 1) {
        throw new ImageSourceException(archive + " holds " + images.size()
            + " images; choose one by RepoTag: " + Selectors.list(tags));
      }
      return images.get(0);
    }
    String wanted = selector.get();
    Optional<Integer> index = Selectors.index(wanted);
    if (index.isPresent()) {
      return Selectors.byIndex(List.copyOf(elements(images)), index.get(), archive);
    }
    for (JsonNode image : images) {
      for (JsonNode tag : image.path("RepoTags")) {
        // a selector without a tag means :latest, as docker reads it
        if (tag.asText().equals(wanted) || tag.asText().equals(wanted + ":latest")) {
          return image;
        }
      }
    }
    throw new ImageSourceException(archive + " has no image tagged \"" + wanted + "\"; it has: " + Selectors.list(tags));
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<Layer> layers(TarArchive tar, JsonNode names, ImageConfig config) throws IOException {
    if (!names.isArray() || names.size() != config.diffIds().size()) {
      throw new ImageSourceException(tar.name() + ": manifest.json lists " + names.size()
          + " layers but the config has " + config.diffIds().size() + " diff_ids");
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String member = names.get(i).asText("");
      if (!tar.has(member)) {
        throw new ImageSourceException(tar.name() + ": layer " + (i + 1) + " (" + member + ") is missing");
      }
      Compression compression = compressionOf(tar, member);
      // the blob handed out is the uncompressed tar, so only its size is known without reading it
      long size = compression == Compression.NONE ? tar.size(member) : -1;
      Digest diffId = config.diffIds().get(i);
      layers.add(new BlobLayer(new LayerDescriptor(LAYER_MEDIA_TYPE, diffId, size, diffId),
          () -> compression.decompress(tar.open(member)), "layer " + (i + 1) + " (" + member + ") of " + tar.name()));
    }
    return List.copyOf(layers);
  }

  private static Compression compressionOf(TarArchive tar, String member) throws IOException {
    try (InputStream in = tar.open(member)) {
      byte[] magic = in.readNBytes(Compression.MAGIC_LENGTH);
      return Compression.detect(magic, magic.length);
    }
  }

  /** Config files are named {@code <hex>.json} or {@code blobs/sha256/<hex>}: a name that is a digest must match. */
  private static void requireNameMatches(String name, Digest digest, String archive) throws ImageSourceException {
    String base = name.substring(name.lastIndexOf('/') + 1);
    String hex = base.endsWith(".json") ? base.substring(0, base.length() - 5) : base;
    if (hex.matches("[a-f0-9]{64}") && !hex.equals(digest.hex())) {
      throw new ImageSourceException(archive + ": config " + name + " does not match its name: its digest is " + digest);
    }
  }

  /** The Docker schema 2 manifest skopeo writes for a docker-archive image, byte for byte. */
  static byte[] schema2Manifest(Digest config, long configSize, List<Layer> layers) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", OciLayoutReader.DOCKER_MANIFEST);
    ObjectNode c = root.putObject("config");
    c.put("mediaType", CONFIG_MEDIA_TYPE);
    c.put("size", configSize);
    c.put("digest", config.toString());
    ArrayNode array = root.putArray("layers");
    for (Layer layer : layers) {
      ObjectNode l = array.addObject();
      l.put("mediaType", layer.descriptor().mediaType());
      l.put("size", layer.descriptor().size());
      l.put("digest", layer.descriptor().digest().toString());
    }
    return JSON.writeValueAsBytes(root);
  }
}
