package dev.customs.core.image.source;

import dev.customs.core.image.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an image is, as a user names it on the command line or in an API call. */
public sealed interface ImageLocation {
  /** A docker-archive or oci-archive tar, plain or gzip/zstd-compressed; the content decides which. */
  record ArchiveFile(Path path) implements ImageLocation {}

  /** A directory holding an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/}). */
  record OciLayoutDirectory(Path path) implements ImageLocation {}

  /** A directory holding an unpacked root filesystem. */
  record RootfsDirectory(Path path) implements ImageLocation {}

  /** An image in a registry. */
  record RegistryLocation(ImageRef reference) implements ImageLocation {}

  /**
   * The local location a path names: a file is an archive, a directory with an {@code oci-layout}
   * file an OCI layout, any other directory a root filesystem.
   */
  static ImageLocation ofPath(Path path) {
    if (!Files.isDirectory(path)) {
      return new ArchiveFile(path);
    }
    return Files.isRegularFile(path.resolve("oci-layout")) ? new OciLayoutDirectory(path) : new RootfsDirectory(path);
  }
}
