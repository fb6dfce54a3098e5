package dev.customs.cli.command;

import dev.customs.cli.options.ImageOptions;
import dev.customs.core.image.Image;
import java.io.IOException;

/** Opens the image a command's {@link ImageOptions} name; tests hand in images of their own. */
@FunctionalInterface
public interface ImageOpener {
  /**
   * Opens the image. An IOException means it could not be read (exit code 3), an
   * IllegalArgumentException that the flags are wrong (exit code 2); both say why.
   */
  Image open(ImageOptions options) throws IOException;
}
