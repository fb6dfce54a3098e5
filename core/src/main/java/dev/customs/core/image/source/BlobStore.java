package dev.customs.core.image.source;

import dev.customs.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;

/** Content-addressed blobs of an OCI layout, wherever the layout is stored. */
interface BlobStore {
  /**
   * The blob's bytes as stored, not yet verified.
   *
   * @throws ImageSourceException naming the blob and the store when it is missing
   */
  InputStream open(Digest digest) throws IOException;

  /** The store as a user would recognise it: the directory or archive path. */
  String name();
}
