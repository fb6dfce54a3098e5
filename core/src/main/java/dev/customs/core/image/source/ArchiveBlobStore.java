package dev.customs.core.image.source;

import dev.customs.core.image.Digest;
import java.io.InputStream;

/** The {@code blobs/<alg>/<hex>} members of an oci-archive, read in place. */
final class ArchiveBlobStore implements BlobStore {
  private final TarArchive archive;

  ArchiveBlobStore(TarArchive archive) {
    this.archive = archive;
  }

  @Override
  public InputStream open(Digest digest) throws ImageSourceException {
    String member = "blobs/" + digest.algorithm() + "/" + digest.hex();
    if (!archive.has(member)) {
      throw new ImageSourceException("blob " + digest + " is missing from " + archive.name());
    }
    return archive.open(member);
  }

  @Override
  public String name() {
    return archive.name();
  }
}
