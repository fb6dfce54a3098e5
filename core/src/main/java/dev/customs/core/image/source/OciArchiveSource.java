package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An oci-archive: a tar of an OCI image layout, as {@code skopeo copy ... oci-archive:} writes it.
 * Blobs are read in place from their offsets in the tar; nothing is extracted.
 */
public final class OciArchiveSource implements ImageSource {
  private final Path archive;

  public OciArchiveSource(Path archive) {
    this.archive = archive;
  }

  @Override
  public Image open(SourceOptions options) throws IOException {
    return read(TarArchive.open(archive, options.limits().maxLayerSize()), options);
  }

  /** Reads the image from an opened archive, which the image then owns (closed here on failure). */
  static Image read(TarArchive tar, SourceOptions options) throws IOException {
    try {
      if (!tar.has("oci-layout") || !tar.has("index.json")) {
        throw new ImageSourceException(tar.name() + " is not an oci-archive: it has no oci-layout and index.json");
      }
      byte[] layout = tar.read("oci-layout", 1 << 16);
      byte[] index = tar.read("index.json", OciLayoutSource.MAX_INDEX);
      return new LocalImage(new OciLayoutReader(new ArchiveBlobStore(tar), options).read(layout, index), tar);
    } catch (IOException | RuntimeException e) {
      tar.close();
      throw e;
    }
  }
}
