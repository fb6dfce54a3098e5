package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import java.io.IOException;

/** The one entry point that turns any {@link ImageLocation} into an opened {@link Image}. */
public final class ImageSources {
  private final RegistryOpener registry;

  public ImageSources(RegistryOpener registry) {
    this.registry = registry;
  }

  public Image open(ImageLocation location, SourceOptions options) throws IOException {
    return switch (location) {
      case ImageLocation.ArchiveFile a -> new ArchiveImageSource(a.path()).open(options);
      case ImageLocation.OciLayoutDirectory d -> new OciLayoutSource(d.path()).open(options);
      case ImageLocation.RootfsDirectory r -> new RootfsDirectorySource(r.path()).open(options);
      case ImageLocation.RegistryLocation r -> registry.open(r.reference(), options);
    };
  }
}
