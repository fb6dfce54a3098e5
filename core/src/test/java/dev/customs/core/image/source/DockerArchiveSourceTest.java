package dev.customs.core.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.TarBuilder;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveSourceTest {
  private static final Path DEBIAN_GZ = TestData.testdata("images/debian12.docker.tar.gz");

  @TempDir
  static Path shared;

  @TempDir
  Path temp;

  /** The gunzipped archive, so that selection tests do not decompress 100 MB each. */
  private static Path debian() {
    return Fixtures.gunzipped(Fixtures.named("debian12"), shared);
  }

  private static Image open(Path archive, SourceOptions options) throws IOException {
    return new DockerArchiveSource(archive).open(options);
  }

  @Test
  void asksForARepoTagWhenTheArchiveHoldsSeveralImages() {
    Path debian = debian();
    assertThatThrownBy(() -> open(debian, SourceOptions.DEFAULT))
        .isInstanceOf(ImageSourceException.class)
        .hasMessage(debian + " holds 3 images; choose one by RepoTag: localhost/fixtures/debian12-minbase:latest, "
            + "localhost/fixtures/debian12:latest, localhost/fixtures/debian12-app:latest");
    assertThatThrownBy(() -> open(debian, SourceOptions.DEFAULT.withSelector("debian13")))
        .hasMessageStartingWith(debian + " has no image tagged \"debian13\"; it has: localhost/fixtures/debian12-minbase");
    assertThatThrownBy(() -> open(debian, SourceOptions.DEFAULT.withSelector("@3")))
        .hasMessage(debian + " has 3 images; @3 is out of range (the first is @0)");
  }

  @Test
  void selectsByIndexOrByTagWithoutLatest() throws IOException {
    Path debian = debian();
    try (Image byIndex = open(debian, SourceOptions.DEFAULT.withSelector("@1"));
        Image byName = open(debian, SourceOptions.DEFAULT.withSelector("localhost/fixtures/debian12"))) {
      assertThat(byIndex.layers()).hasSize(2);
      assertThat(byName.manifestDigest()).isEqualTo(byIndex.manifestDigest());
    }
  }

  @Test
  void refusesAnExplicitlyRequestedOtherPlatform() {
    Path debian = debian();
    SourceOptions arm = SourceOptions.DEFAULT.withSelector("@0").withPlatform(Platform.parse("linux/arm64"));
    assertThatThrownBy(() -> open(debian, arm))
        .hasMessage(debian + " is linux/amd64, not the requested linux/arm64");
  }

  @Test
  void findsTheFiftyWhiteoutsOfDebianLayerTwo() throws IOException {
    try (Image image = open(DEBIAN_GZ, SourceOptions.DEFAULT.withSelector("localhost/fixtures/debian12:latest"))) {
      AtomicInteger whiteouts = new AtomicInteger();
      image.layers().get(1).readEntries(ExtractionLimits.DEFAULT, (e, c) -> {
        if (e.type() == EntryType.WHITEOUT) {
          whiteouts.incrementAndGet();
        }
      });
      assertThat(whiteouts.get()).isEqualTo(50);
    }
  }

  @Test
  void reportsACorruptManifest() throws IOException {
    Path archive = write("broken.tar", new TarBuilder().file("manifest.json", "[{\"Config\": ").build());
    assertThatThrownBy(() -> open(archive, SourceOptions.DEFAULT))
        .isInstanceOf(ImageSourceException.class)
        .hasMessageStartingWith(archive + ": manifest.json is not valid JSON: ");
    Path object = write("object.tar", new TarBuilder().file("manifest.json", "{}").build());
    assertThatThrownBy(() -> open(object, SourceOptions.DEFAULT))
        .hasMessage(object + ": manifest.json is not a non-empty array of images");
  }

  @Test
  void reportsMissingMembers() throws IOException {
    byte[] config = config(Digest.sha256(new byte[] {1}));
    String configName = Digest.sha256(config).hex() + ".json";
    Path noLayer = write("nolayer.tar", new TarBuilder()
        .file("manifest.json", "[{\"Config\":\"" + configName + "\",\"Layers\":[\"abc/layer.tar\"]}]")
        .file(configName, config).build());
    assertThatThrownBy(() -> open(noLayer, SourceOptions.DEFAULT))
        .hasMessage(noLayer + ": layer 1 (abc/layer.tar) is missing");
    Path noConfig = write("noconfig.tar", new TarBuilder()
        .file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[]}]").build());
    assertThatThrownBy(() -> open(noConfig, SourceOptions.DEFAULT))
        .hasMessage(noConfig + ": manifest.json names config \"c.json\", which the archive does not hold");
  }

  @Test
  void detectsAConfigThatIsNotWhatItsNameSays() throws IOException {
    String wrongName = "0".repeat(64) + ".json";
    Path archive = write("renamed.tar", new TarBuilder()
        .file("manifest.json", "[{\"Config\":\"" + wrongName + "\",\"Layers\":[]}]")
        .file(wrongName, config(Digest.sha256(new byte[0]))).build());
    assertThatThrownBy(() -> open(archive, SourceOptions.DEFAULT))
        .hasMessageStartingWith(archive + ": config " + wrongName + " does not match its name: its digest is sha256:");
  }

  @Test
  void detectsALayerThatIsNotItsDiffId() throws IOException {
    byte[] layer = new TarBuilder().file("etc/hostname", "box").build();
    byte[] tampered = new TarBuilder().file("etc/hostname", "xxx").build();
    byte[] config = config(Digest.sha256(layer));
    String configName = Digest.sha256(config).hex() + ".json";
    Path archive = write("tampered.tar", new TarBuilder()
        .file("manifest.json", "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"t:1\"],\"Layers\":[\"l.tar\"]}]")
        .file(configName, config).file("l.tar", tampered).build());
    try (Image image = open(archive, SourceOptions.DEFAULT)) {
      Layer only = image.layers().get(0);
      assertThatThrownBy(() -> only.readEntries(ExtractionLimits.DEFAULT, (e, c) -> { }))
          .hasMessage("layer 1 (l.tar) of " + archive + " does not match its digest: expected "
              + Digest.sha256(layer) + ", got " + Digest.sha256(tampered));
    }
  }

  @Test
  void followsLegacyLayerSymlinksInsideTheArchiveOnly() throws IOException {
    byte[] layer = new TarBuilder().file("etc/hostname", "box").build();
    byte[] config = config(Digest.sha256(layer));
    String configName = Digest.sha256(config).hex() + ".json";
    TarBuilder members = new TarBuilder()
        .file(configName, config).file("l.tar", layer)
        .symlink("abc/layer.tar", "../l.tar")
        .symlink("evil/layer.tar", "../../../../etc/passwd");
    Path legacy = write("legacy.tar", members.file("manifest.json",
        "[{\"Config\":\"" + configName + "\",\"Layers\":[\"abc/layer.tar\"]}]").build());
    try (Image image = open(legacy, SourceOptions.DEFAULT)) {
      List<String> paths = new ArrayList<>();
      image.layers().get(0).readEntries(ExtractionLimits.DEFAULT, (e, c) -> paths.add(e.path()));
      assertThat(paths).containsExactly("etc/hostname");
    }
    Path evil = write("evil.tar", new TarBuilder()
        .file(configName, config).symlink("evil/layer.tar", "../../../../etc/passwd")
        .file("manifest.json", "[{\"Config\":\"" + configName + "\",\"Layers\":[\"evil/layer.tar\"]}]").build());
    assertThatThrownBy(() -> open(evil, SourceOptions.DEFAULT))
        .hasMessage(evil + ": layer 1 (evil/layer.tar) is missing");
  }

  @Test
  void stopsACompressedArchiveExpandingPastTheLimit() {
    SourceOptions small = new SourceOptions(Optional.empty(), Optional.empty(), new ExtractionLimits(1 << 20, 1 << 20, 10));
    assertThatThrownBy(() -> new ArchiveImageSource(DEBIAN_GZ).open(small))
        .isInstanceOf(ImageSourceException.class)
        .hasMessage(DEBIAN_GZ + " expands past 1048576 bytes: decompression bomb? (limit maxLayerSize)");
  }

  @Test
  void reportsATruncatedCompressedArchive() throws IOException {
    byte[] whole = Files.readAllBytes(TestData.testdata("images/alpine-3.20.3.docker.tar.gz"));
    Path archive = write("cut.tar.gz", Arrays.copyOf(whole, whole.length / 3));
    assertThatThrownBy(() -> new ArchiveImageSource(archive).open(SourceOptions.DEFAULT))
        .hasMessageStartingWith(archive + " is not a readable gzip archive (corrupt or truncated): ");
  }

  @Test
  void refusesAnArchiveOfNeitherKind() throws IOException {
    Path archive = write("plain.tar", new TarBuilder().file("hello.txt", "hi").build());
    assertThatThrownBy(() -> new ArchiveImageSource(archive).open(SourceOptions.DEFAULT))
        .hasMessage(archive + " is neither a docker-archive (no manifest.json) nor an oci-archive (no oci-layout)");
  }

  private static byte[] config(Digest diffId) {
    return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + diffId + "\"]}}").getBytes(StandardCharsets.UTF_8);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(temp.resolve(name), bytes);
  }
}
