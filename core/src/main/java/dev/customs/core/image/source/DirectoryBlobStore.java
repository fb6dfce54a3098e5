package dev.customs.core.image.source;

import dev.customs.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The {@code blobs/<alg>/<hex>} files of an OCI layout directory. */
final class DirectoryBlobStore implements BlobStore {
  private final Path root;

  DirectoryBlobStore(Path root) {
    this.root = root;
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    // the digest is validated hex, so the path cannot leave blobs/
    Path blob = root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    try {
      return Files.newInputStream(blob);
    } catch (NoSuchFileException e) {
      throw new ImageSourceException("blob " + digest + " is missing from " + root, e);
    }
  }

  @Override
  public String name() {
    return root.toString();
  }
}
