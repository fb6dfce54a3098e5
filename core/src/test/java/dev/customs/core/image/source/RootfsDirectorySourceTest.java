package dev.customs.core.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsDirectorySourceTest {
  @TempDir
  Path temp;

  private Path root;

  @BeforeEach
  void buildRoot() throws IOException {
    root = Files.createDirectories(temp.resolve("rootfs"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "never read");
    Files.createDirectories(root.resolve("etc/ssl"));
    Files.writeString(root.resolve("etc/os-release"), "ID=test\n");
    Files.writeString(root.resolve("etc/.wh.kept"), "");
    Files.createSymbolicLink(root.resolve("etc/passwd-link"), Path.of("/no/such/passwd"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("../outside"));
  }

  private Image open(SourceOptions options) throws IOException {
    return new ImageSources((ref, o) -> {
      throw new AssertionError("no registry here");
    }).open(new ImageLocation.RootfsDirectory(root), options);
  }

  @Test
  void walksTheDirectoryWithoutFollowingSymlinks() throws IOException {
    List<String> seen = new ArrayList<>();
    try (Image image = open(SourceOptions.DEFAULT)) {
      Layer layer = image.layers().get(0);
      layer.readEntries(ExtractionLimits.DEFAULT, (e, content) -> seen.add(e.type() + " " + e.path()
          + e.linkTarget().map(t -> " -> " + t).orElse("")
          + (e.isFile() ? " = " + new String(content.readAllBytes(), StandardCharsets.UTF_8).strip() : "")));
      assertThat(layer.cacheable()).isFalse();
      assertThat(image.platform().os()).isEqualTo("linux");
      assertThat(image.platform().architecture()).isEqualTo(RootfsDirectorySource.hostArchitecture());
      assertThat(image.config().diffIds()).containsExactly(layer.descriptor().diffId());
      assertThatThrownBy(layer::openBlob).hasMessageContaining("is a directory, not a layer blob");
    }
    assertThat(seen).containsExactly(
        "SYMLINK escape -> ../outside",
        "DIRECTORY etc",
        "FILE etc/.wh.kept = ",
        "FILE etc/os-release = ID=test",
        "SYMLINK etc/passwd-link -> /no/such/passwd",
        "DIRECTORY etc/ssl");
  }

  @Test
  void enforcesTheLimits() throws IOException {
    try (Image image = open(SourceOptions.DEFAULT)) {
      assertThatThrownBy(() -> image.layers().get(0).readEntries(new ExtractionLimits(100, 1000, 3), (e, c) -> { }))
          .isInstanceOf(LayerFormatException.class)
          .hasMessage(root.toAbsolutePath() + " has more than 3 entries (limit maxEntries)");
      assertThatThrownBy(() -> image.layers().get(0).readEntries(new ExtractionLimits(4, 1000, 100), (e, c) -> { }))
          .hasMessage(root.toAbsolutePath() + ": etc/os-release is 8 bytes, over the limit of 4 per entry (limit maxEntrySize)");
    }
  }

  @Test
  void tellsLocalPathsApart() {
    assertThat(ImageLocation.ofPath(root)).isEqualTo(new ImageLocation.RootfsDirectory(root));
    assertThat(ImageLocation.ofPath(root.resolve("etc/os-release")))
        .isEqualTo(new ImageLocation.ArchiveFile(root.resolve("etc/os-release")));
  }

  @Test
  void refusesWhatIsNotADirectory() {
    Path file = root.resolve("etc/os-release");
    assertThatThrownBy(() -> new RootfsDirectorySource(file).open(SourceOptions.DEFAULT))
        .isInstanceOf(ImageSourceException.class)
        .hasMessage(file + " is not a directory");
  }
}
