package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.image.Platform;
import dev.customs.core.registry.Descriptor;
import dev.customs.core.registry.ManifestResolver;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryException;
import dev.customs.core.registry.RegistryImage;
import dev.customs.core.registry.RegistryLayer;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.ResolvedManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Images straight from a registry over the OCI Distribution API: the manifest for the wanted
 * platform, its config, and layers that stream (verified) from the registry when read.
 */
public final class RegistryImageSource implements RegistryOpener {
  /** Image configs are small JSON; anything this large is not one. */
  static final long MAX_CONFIG_BYTES = 32L << 20;

  private final RegistryOptions options;

  public RegistryImageSource(RegistryOptions options) {
    this.options = options;
  }

  /**
   * Opens the image for the platform the options ask for (linux/amd64 by default). A platform asked
   * for explicitly must match even a single-platform image: scanning the amd64 image when arm64 was
   * requested would report on the wrong thing.
   */
  @Override
  public Image open(ImageRef reference, SourceOptions sourceOptions) throws IOException {
    PlatformSelector selector = new PlatformSelector(sourceOptions.platform());
    Image image = open(reference, selector.wanted());
    try {
      selector.check(image.platform(), reference.toString());
      return image;
    } catch (IOException | RuntimeException e) {
      image.close();
      throw e;
    }
  }

  /** Opens the image; the caller closes it. Fails with a {@link RegistryException} naming what failed. */
  public Image open(ImageRef ref, Platform platform) throws IOException {
    RegistryClient client = RegistryClient.create(ref.registry(), options);
    try {
      ResolvedManifest resolved = new ManifestResolver(client).resolve(ref, platform);
      Descriptor configDescriptor = resolved.manifest().config();
      byte[] rawConfig = client.readBlob(ref.repository(), configDescriptor.digest(), configDescriptor.size(),
          MAX_CONFIG_BYTES);
      ImageConfig config = parseConfig(ref, configDescriptor, rawConfig);
      return new RegistryImage(ref, client, resolved, rawConfig, config, layers(ref, client, resolved, config));
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static ImageConfig parseConfig(ImageRef ref, Descriptor descriptor, byte[] raw) throws RegistryException {
    try {
      return ImageConfig.parse(raw);
    } catch (IOException e) {
      throw new RegistryException("read config of", ref + " (" + descriptor.digest() + ")", e.getMessage(), 0, e);
    }
  }

  private static List<Layer> layers(ImageRef ref, RegistryClient client, ResolvedManifest resolved,
      ImageConfig config) throws RegistryException {
    List<Descriptor> blobs = resolved.manifest().layers();
    if (blobs.size() != config.diffIds().size()) {
      throw new RegistryException("open image", ref.toString(), "the manifest lists " + blobs.size()
          + " layers but the config has " + config.diffIds().size() + " diff_ids");
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      Descriptor d = blobs.get(i);
      layers.add(new RegistryLayer(client, ref.repository(),
          new LayerDescriptor(d.mediaType(), d.digest(), d.size(), config.diffIds().get(i))));
    }
    return List.copyOf(layers);
  }
}
