package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import java.io.IOException;

/**
 * Opens registry images for {@link ImageSources}. It is handed in rather than built here so that
 * local sources work without a registry client, and the client's configuration (credentials,
 * proxies, insecure hosts) stays with whoever builds it.
 */
@FunctionalInterface
public interface RegistryOpener {
  /** Opens the image {@code reference} names, choosing the platform as {@code options} say. */
  Image open(ImageRef reference, SourceOptions options) throws IOException;
}
