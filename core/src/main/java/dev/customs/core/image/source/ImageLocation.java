package dev.customs.core.image.source;

import dev.customs.core.image.ImageRef;
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
}
