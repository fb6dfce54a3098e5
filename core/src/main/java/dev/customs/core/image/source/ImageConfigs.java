package dev.customs.core.image.source;

import dev.customs.core.image.ImageConfig;
import java.io.IOException;

/** Parses configs with errors that say which config of which source was bad. */
final class ImageConfigs {
  private ImageConfigs() {}

  static ImageConfig parse(byte[] raw, String what) throws ImageSourceException {
    try {
      return ImageConfig.parse(raw);
    } catch (IOException e) {
      throw new ImageSourceException(what + " is not a valid image config: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
