package dev.customs.core.image.source;

import java.io.IOException;

/** A source that cannot give the requested image: malformed, ambiguous, missing a blob. */
public class ImageSourceException extends IOException {
  public ImageSourceException(String message) {
    super(message);
  }

  public ImageSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
