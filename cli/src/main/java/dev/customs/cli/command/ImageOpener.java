package dev.customs.cli.command;

import dev.customs.core.image.Image;
import java.io.IOException;

/** Opens the image a command was asked about; the one place commands meet the image sources. */
@FunctionalInterface
public interface ImageOpener {
  /**
   * Opens the image. An IOException means it could not be read (exit code 3), an
   * IllegalArgumentException that the request is malformed (exit code 2); both say why.
   */
  Image open(ImageRequest request) throws IOException;
}
