package dev.customs.cli.command;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.ImageLocation;
import dev.customs.core.image.source.ImageSources;
import dev.customs.core.image.source.RegistryImageSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.core.registry.RegistryOptions;
import java.io.IOException;

/** Opens what an {@link ImageRequest} names through the core {@link ImageSources} facade. */
public final class ImageSourcesOpener implements ImageOpener {
  private final ImageSources sources;

  /** Registry images are read with these options (Docker config credentials, timeouts, retries). */
  public ImageSourcesOpener(RegistryOptions registry) {
    RegistryImageSource source = new RegistryImageSource(registry);
    this.sources = new ImageSources((ref, options) -> source.open(ref, options.platform().orElse(Platform.LINUX_AMD64)));
  }

  @Override
  public Image open(ImageRequest request) throws IOException {
    SourceOptions options = SourceOptions.DEFAULT;
    if (request.platform().isPresent()) {
      options = options.withPlatform(request.platform().get());
    }
    if (request.rootfs().isPresent()) {
      return sources.open(new ImageLocation.RootfsDirectory(request.rootfs().get()), options);
    }
    if (request.image().isPresent() && (request.input().isPresent() || request.ociLayout().isPresent())) {
      options = options.withSelector(request.image().get());
    }
    if (request.input().isPresent()) {
      return sources.open(new ImageLocation.ArchiveFile(request.input().get()), options);
    }
    if (request.ociLayout().isPresent()) {
      return sources.open(new ImageLocation.OciLayoutDirectory(request.ociLayout().get()), options);
    }
    // ImageRef.parse throws IllegalArgumentException for a malformed reference: a usage error.
    return sources.open(new ImageLocation.RegistryLocation(ImageRef.parse(request.image().orElseThrow())), options);
  }
}
