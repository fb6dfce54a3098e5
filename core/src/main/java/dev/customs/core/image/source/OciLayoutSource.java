package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An OCI image layout directory, as {@code skopeo copy ... oci:dir} or {@code umoci} write it. */
public final class OciLayoutSource implements ImageSource {
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
      byte[] layout = Files.readAllBytes(directory.resolve("oci-layout"));
      byte[] index = Files.readAllBytes(directory.resolve("index.json"));
      ImageParts parts = new OciLayoutReader(new DirectoryBlobStore(directory), options).read(layout, index);
      return new LocalImage(parts, () -> { });
    } catch (NoSuchFileException e) {
      throw new ImageSourceException(directory + " is not an OCI image layout: " + e.getFile() + " is missing", e);
    }
  }
}
