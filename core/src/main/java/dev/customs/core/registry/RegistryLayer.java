package dev.customs.core.registry;

import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import java.io.IOException;
import java.io.InputStream;

/** A layer whose blob is streamed from the registry each time it is opened, and verified. */
public record RegistryLayer(RegistryClient client, String repository, LayerDescriptor descriptor) implements Layer {
  @Override
  public InputStream openBlob() throws IOException {
    return client.openBlob(repository, descriptor.digest(), descriptor.size());
  }
}
