package dev.customs.cli.options;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.ImageLocation;
import dev.customs.core.image.source.ImageSources;
import dev.customs.core.image.source.RegistryImageSource;
import dev.customs.core.image.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where the image is, shared by every command that reads one: a registry reference, or a local
 * archive, OCI layout or root filesystem. With a local source, IMAGE picks one image of a
 * multi-image archive (a RepoTag or an OCI ref name).
 */
public final class ImageOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE",
      description = "Image reference (registry/repository[:tag][@digest]); with --input or --oci-layout, "
          + "which image of the archive (RepoTag or ref name)")
  String image;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  LocalSource local;

  static final class LocalSource {
    @Option(names = "--input", paramLabel = "FILE",
        description = "A docker-archive (docker save) or oci-archive tar, optionally gzip-compressed")
    Path input;

    @Option(names = "--oci-layout", paramLabel = "DIR", description = "An OCI image layout directory")
    Path ociLayout;

    @Option(names = "--rootfs", paramLabel = "DIR", description = "An unpacked root filesystem directory")
    Path rootfs;
  }

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
      description = "Platform to pick from a multi-platform image (default linux/amd64)")
  String platform;

  @Mixin RegistryFlags registry;

  /** Checks the combination and says what is wrong in the words of the flags. */
  public void validate() {
    if (local == null && (image == null || image.isBlank())) {
      throw new IllegalArgumentException("an IMAGE reference, --input FILE, --oci-layout DIR or --rootfs DIR is required");
    }
    if (local != null && local.rootfs != null && image != null) {
      throw new IllegalArgumentException("IMAGE cannot be combined with --rootfs (a directory holds one image)");
    }
  }

  public ImageLocation location() {
    if (local == null) {
      return new ImageLocation.RegistryLocation(ImageRef.parse(image));
    }
    if (local.input != null) {
      return new ImageLocation.ArchiveFile(local.input);
    }
    if (local.ociLayout != null) {
      return new ImageLocation.OciLayoutDirectory(local.ociLayout);
    }
    return new ImageLocation.RootfsDirectory(local.rootfs);
  }

  public SourceOptions sourceOptions() {
    SourceOptions options = SourceOptions.DEFAULT;
    if (platform != null) {
      options = options.withPlatform(Platform.parse(platform));
    }
    if (local != null && image != null) {
      options = options.withSelector(image);
    }
    return options;
  }

  /** How the user named the image, for messages. */
  public String displayName() {
    if (local == null) {
      return image;
    }
    Path path = Optional.ofNullable(local.input).or(() -> Optional.ofNullable(local.ociLayout))
        .orElse(local.rootfs);
    return image == null ? path.toString() : path + " (" + image + ")";
  }

  /** Opens the image; the caller closes it. */
  public Image open() throws IOException {
    validate();
    ImageLocation location = location();
    String host = location instanceof ImageLocation.RegistryLocation r ? r.reference().registry() : "";
    return new ImageSources(new RegistryImageSource(registry.toRegistryOptions(host))).open(location, sourceOptions());
  }

  /** How many layers may be read at the same time. */
  public int parallel() {
    return registry.parallel();
  }
}
