package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import java.io.IOException;

/**
 * Where images come from: a registry, a docker-archive, an OCI layout or archive, a root
 * filesystem directory. One implementation per kind of source.
 */
public interface ImageSource {
  /**
   * Opens the one image the options select (by selector and platform). The returned image owns
   * whatever was opened for it (temporary files, connections) and releases it when closed.
   *
   * @throws ImageSourceException when the source is malformed or the selection is ambiguous or
   *     matches nothing; the message names the source and what was wrong
   */
  Image open(SourceOptions options) throws IOException;
}
