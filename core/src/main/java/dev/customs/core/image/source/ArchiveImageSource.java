package dev.customs.core.image.source;

import dev.customs.core.image.Image;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An image archive of either kind, told apart by content: a {@code manifest.json} makes it a
 * docker-archive, else an {@code oci-layout} an oci-archive. Docker 25+ {@code docker save}
 * writes both; the docker view is taken then, because its RepoTags are what users select by.
 */
public final class ArchiveImageSource implements ImageSource {
  private final Path archive;

  public ArchiveImageSource(Path archive) {
    this.archive = archive;
  }

  @Override
  public Image open(SourceOptions options) throws IOException {
    TarArchive tar = TarArchive.open(archive, options.limits().maxLayerSize());
    if (tar.has(DockerArchiveSource.MANIFEST)) {
      return DockerArchiveSource.read(tar, options);
    }
    if (tar.has("oci-layout")) {
      return OciArchiveSource.read(tar, options);
    }
    tar.close();
    throw new ImageSourceException(archive + " is neither a docker-archive (no manifest.json) nor an "
        + "oci-archive (no oci-layout)");
  }
}
