package dev.customs.core.image.source;

import dev.customs.testkit.TestData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The shared test images, and derived copies (gunzipped, unpacked) made once per test class. */
final class Fixtures {
  /** One image of the shared test data: its files and how each format names it. */
  record Fixture(String name, String fileStem, String ociRef, String repoTag) {
    Path ociArchive() {
      return TestData.testdata("images/" + fileStem + ".oci.tar");
    }

    Path dockerArchiveGz() {
      return TestData.testdata("images/" + fileStem + ".docker.tar.gz");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Fixture> ALL = List.of(
      new Fixture("alpine-3.20.3", "alpine-3.20.3", "alpine-3.20.3", "localhost/fixtures/alpine-3.20.3:latest"),
      new Fixture("distroless-debian12", "distroless-debian12", "distroless-debian12",
          "localhost/fixtures/distroless-debian12:latest"),
      new Fixture("debian12-minbase", "debian12", "debian12-minbase", "localhost/fixtures/debian12-minbase:latest"),
      new Fixture("debian12", "debian12", "debian12", "localhost/fixtures/debian12:latest"),
      new Fixture("debian12-app", "debian12", "debian12-app", "localhost/fixtures/debian12-app:latest"));

  private Fixtures() {}

  static Fixture named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** {@code gunzip -c x.docker.tar.gz > dir/x.docker.tar}, once. */
  static Path gunzipped(Fixture f, Path dir) {
    Path out = dir.resolve(f.fileStem() + ".docker.tar");
    if (!Files.exists(out)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f.dockerArchiveGz()), 1 << 16)) {
        Files.copy(in, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The OCI archive unpacked into {@code dir/<stem>.ocidir}, once. */
  static Path ociLayout(Fixture f, Path dir) {
    Path out = dir.resolve(f.fileStem() + ".ocidir");
    if (!Files.exists(out)) {
      unpack(f.ociArchive(), out);
    }
    return out;
  }

  static void unpack(Path tar, Path dir) {
    try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("test archive has an escaping entry " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
