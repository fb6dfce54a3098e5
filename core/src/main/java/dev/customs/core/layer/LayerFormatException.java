package dev.customs.core.layer;

import java.io.IOException;

/** A layer blob that cannot be read as a tar: corrupt, truncated, hostile or over a limit. */
public class LayerFormatException extends IOException {
  public LayerFormatException(String message) {
    super(message);
  }

  public LayerFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
