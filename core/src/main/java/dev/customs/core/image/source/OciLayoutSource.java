package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An OCI image layout directory, as {@code skopeo copy ... oci:dir} or {@code umoci} write it. */
public final class OciLayoutSource implements ImageSource {
  static final int MAX_INDEX = 4 << 20;

  private final Path directory;

  public OciLayoutSource(Path directory) {
    this.directory = directory;
  }

  @Override
  public Image open(SourceOptions options) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new ImageSourceException(directory + " is not a directory");
    }
    try {
      byte[] layout = small(directory.resolve("oci-layout"));
      byte[] index = small(directory.resolve("index.json"));
      ImageParts parts = new OciLayoutReader(new DirectoryBlobStore(directory), options).read(layout, index);
      return new LocalImage(parts, () -> { });
    } catch (NoSuchFileException e) {
      throw new ImageSourceException(directory + " is not an OCI image layout: " + e.getFile() + " is missing", e);
    }
  }

  /** Reads a layout file that must be small, refusing one that is not. */
  private static byte[] small(Path file) throws IOException {
    if (Files.size(file) > MAX_INDEX) {
      throw new ImageSourceException(file + " is " + Files.size(file) + " bytes, more than the " + MAX_INDEX
          + " such a file may have");
    }
    return Files.readAllBytes(file);
  }
}
