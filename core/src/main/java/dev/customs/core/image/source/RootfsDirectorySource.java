package dev.customs.core.image.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.LayerDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An unpacked root filesystem (a chroot, a mounted image, a VM disk) scanned as an image of one
 * {@link RootfsLayer}. There is no real config or manifest: both are synthesized (os linux,
 * the host's architecture) so that the rest of the scan sees an ordinary image, and the layer's
 * digests are the sha256 of the directory's absolute path, which names the directory without
 * pretending to describe its content.
 */
public final class RootfsDirectorySource implements ImageSource {
  static final String LAYER_MEDIA_TYPE = "application/vnd.customs.rootfs.directory";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public RootfsDirectorySource(Path directory) {
    this.directory = directory;
  }

  @Override
  public Image open(SourceOptions options) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new ImageSourceException(directory + " is not a directory");
    }
    Path root = directory.toAbsolutePath().normalize();
    Digest synthetic = Digest.sha256(("customs-rootfs:" + root).getBytes(StandardCharsets.UTF_8));
    byte[] rawConfig = config(synthetic);
    ImageConfig config = ImageConfigs.parse(rawConfig, "synthetic config of " + root);
    new PlatformSelector(options.platform()).check(config.platform(), root.toString());
    Digest configDigest = Digest.sha256(rawConfig);
    byte[] manifest = manifest(configDigest, rawConfig.length, synthetic);
    LayerDescriptor layer = new LayerDescriptor(LAYER_MEDIA_TYPE, synthetic, -1, synthetic);
    ImageParts parts = new ImageParts(root.toString(), Digest.sha256(manifest), Optional.empty(),
        OciLayoutReader.OCI_MANIFEST, manifest, configDigest, rawConfig, config,
        List.of(new RootfsLayer(root, layer)));
    return new LocalImage(parts, () -> { });
  }

  private static byte[] config(Digest layer) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("architecture", hostArchitecture());
    root.put("os", "linux");
    root.putObject("config");
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(layer.toString());
    return JSON.writeValueAsBytes(root);
  }

  private static byte[] manifest(Digest config, long configSize, Digest layer) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", OciLayoutReader.OCI_MANIFEST);
    ObjectNode c = root.putObject("config");
    c.put("mediaType", "application/vnd.oci.image.config.v1+json");
    c.put("digest", config.toString());
    c.put("size", configSize);
    ObjectNode l = root.putArray("layers").addObject();
    l.put("mediaType", LAYER_MEDIA_TYPE);
    l.put("digest", layer.toString());
    l.put("size", -1);
    return JSON.writeValueAsBytes(root);
  }

  /** The JVM's os.arch in OCI terms (x86_64 → amd64, aarch64 → arm64). */
  static String hostArchitecture() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> arch;
    };
  }
}
