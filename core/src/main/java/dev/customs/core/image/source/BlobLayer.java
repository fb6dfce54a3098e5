package dev.customs.core.image.source;

import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.image.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A layer whose blob is stored locally; every read is verified against the descriptor. */
final class BlobLayer implements Layer {
  /** Opens the blob's stored bytes. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  private final LayerDescriptor descriptor;
  private final Opener opener;
  private final String what;

  /** {@code what} names the layer in errors, e.g. {@code "layer 2 of debian12.oci.tar"}. */
  BlobLayer(LayerDescriptor descriptor, Opener opener, String what) {
    this.descriptor = descriptor;
    this.opener = opener;
    this.what = what;
  }

  @Override
  public LayerDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public InputStream openBlob() throws IOException {
    return new VerifyingInputStream(opener.open(), descriptor.digest(), descriptor.size(), what);
  }

  @Override
  public String toString() {
    return what + " (" + descriptor.digest() + ")";
  }
}
