package dev.customs.core.image;

import java.io.IOException;

/** A blob that is not what its descriptor says: another digest, or another size. */
public class BlobVerificationException extends IOException {
  public BlobVerificationException(String message) {
    super(message);
  }
}
