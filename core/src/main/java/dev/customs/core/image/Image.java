package dev.customs.core.image;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * An image opened from any source (registry, docker-archive, OCI layout, oci-archive, rootfs
 * directory): one platform's manifest, its config and its layers, bottom first.
 */
public interface Image extends Closeable {
  /** What the user asked for, as they would recognise it (a reference or an archive path). */
  String name();

  /** The normalized reference when the image came from, or is tagged for, a registry. */
  Optional<ImageRef> reference();

  /** The digest of the platform manifest (for a rootfs directory: of a synthetic description). */
  Digest manifestDigest();

  /** The digest of the index or manifest list the platform manifest was chosen from, if any. */
  Optional<Digest> indexDigest();

  String manifestMediaType();

  byte[] rawManifest();

  Digest configDigest();

  byte[] rawConfig();

  ImageConfig config();

  Platform platform();

  List<Layer> layers();

  /** Releases what the source holds open (temporary files, connections); idempotent. */
  @Override
  void close();
}
