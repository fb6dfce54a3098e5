package dev.customs.cli.command;

import dev.customs.core.image.Image;
import dev.customs.core.image.source.ImageLocation;
import dev.customs.core.image.source.ImageSources;
import dev.customs.core.image.source.SourceOptions;
import java.io.IOException;

/** Opens what an {@link ImageRequest} names through the core {@link ImageSources} facade. */
public final class ImageSourcesOpener implements ImageOpener {
  private final ImageSources sources;

  public ImageSourcesOpener() {
    // Registry references go through openRegistryImage until the registry client is wired in.
    this.sources = new ImageSources((reference, options) -> openRegistryImage(reference.toString(), options));
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
    return openRegistryImage(request.image().orElseThrow(), options);
  }

  private static Image openRegistryImage(String reference, SourceOptions options) throws IOException {
    throw new IOException("cannot read " + reference + ": registry references are not supported by this build yet; "
        + "save the image (docker save / skopeo copy) and use --input FILE or --oci-layout DIR");
  }
}
