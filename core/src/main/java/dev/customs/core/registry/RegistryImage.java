package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import java.util.List;
import java.util.Optional;

/** An image opened from a registry; closing it closes its client's connections. */
public final class RegistryImage implements Image {
  private final ImageRef ref;
  private final RegistryClient client;
  private final ResolvedManifest resolved;
  private final byte[] rawConfig;
  private final ImageConfig config;
  private final List<Layer> layers;

  public RegistryImage(ImageRef ref, RegistryClient client, ResolvedManifest resolved, byte[] rawConfig,
      ImageConfig config, List<Layer> layers) {
    this.ref = ref;
    this.client = client;
    this.resolved = resolved;
    this.rawConfig = rawConfig.clone();
    this.config = config;
    this.layers = List.copyOf(layers);
  }

  @Override
  public String name() {
    return ref.toString();
  }

  @Override
  public Optional<ImageRef> reference() {
    return Optional.of(ref);
  }

  @Override
  public Digest manifestDigest() {
    return resolved.fetched().digest();
  }

  @Override
  public Optional<Digest> indexDigest() {
    return resolved.indexDigest();
  }

  @Override
  public String manifestMediaType() {
    return resolved.fetched().mediaType();
  }

  @Override
  public byte[] rawManifest() {
    return resolved.fetched().bytes().clone();
  }

  @Override
  public Digest configDigest() {
    return resolved.manifest().config().digest();
  }

  @Override
  public byte[] rawConfig() {
    return rawConfig.clone();
  }

  @Override
  public ImageConfig config() {
    return config;
  }

  @Override
  public Platform platform() {
    return config.platform();
  }

  @Override
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public void close() {
    client.close();
  }
}
