package dev.customs.core.layer;

import static dev.customs.core.layer.TarBuilder.descriptor;
import static dev.customs.core.layer.TarBuilder.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import dev.customs.core.image.Digest;
import dev.customs.core.image.LayerDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerReaderTest {
  private static final String OCI_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String OCI_TAR = "application/vnd.oci.image.layer.v1.tar";
  private static final String OCI_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

  /** What the visitor saw: entries and the content of files. */
  private record Seen(LayerEntry entry, String content) {}

  private static List<Seen> read(ExtractionLimits limits, LayerDescriptor d, byte[] blob) throws IOException {
    List<Seen> seen = new ArrayList<>();
    new LayerReader(limits).read(d, new ByteArrayInputStream(blob),
        (entry, content) -> seen.add(new Seen(entry, new String(content.readAllBytes(), StandardCharsets.UTF_8))));
    return seen;
  }

  private static List<Seen> readGzip(byte[] tar) throws IOException {
    byte[] blob = gzip(tar);
    return read(ExtractionLimits.DEFAULT, descriptor(OCI_GZIP, blob, tar), blob);
  }

  @Test
  void normalizesPathsAndRepresentsLinksWithoutFollowingThem() throws IOException {
    byte[] tar = new TarBuilder()
        .dir("./")
        .dir("./etc")
        .file("/etc/passwd", "root:x:0:0")
        .file("./usr/./lib/../bin//env", "#!")
        .symlink("etc/escape", "../../../../etc/shadow")
        .hardlink("bin/passwd-copy", "./etc/passwd")
        .build();
    List<Seen> seen = readGzip(tar);
    assertThat(seen).extracting(s -> s.entry().path())
        .containsExactly("etc", "etc/passwd", "usr/bin/env", "etc/escape", "bin/passwd-copy");
    assertThat(seen).extracting(s -> s.entry().type()).containsExactly(
        EntryType.DIRECTORY, EntryType.FILE, EntryType.FILE, EntryType.SYMLINK, EntryType.HARDLINK);
    assertThat(seen.get(1).content()).isEqualTo("root:x:0:0");
    assertThat(seen.get(1).entry().size()).isEqualTo(10);
    assertThat(seen.get(1).entry().mode()).isEqualTo(0644);
    assertThat(seen.get(3).entry().linkTarget()).contains("../../../../etc/shadow");
    assertThat(seen.get(3).content()).isEmpty();
    assertThat(seen.get(4).entry().linkTarget()).contains("etc/passwd");
  }

  @Test
  void turnsWhiteoutMarkersIntoWhiteoutEntries() throws IOException {
    byte[] tar = new TarBuilder()
        .file("etc/.wh.mke2fs.conf", "")
        .file(".wh.tmp", "")
        .file("var/cache/.wh..wh..opq", "")
        .file(".wh..wh..plnk/1234.5", "")
        .build();
    List<Seen> seen = readGzip(tar);
    assertThat(seen).extracting(s -> s.entry().type() + " " + s.entry().path()).containsExactly(
        "WHITEOUT etc/mke2fs.conf", "WHITEOUT tmp", "OPAQUE_WHITEOUT var/cache", "FILE .wh..wh..plnk/1234.5");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "../../etc/passwd, entry \"../../etc/passwd\" points outside the image root",
      "a/../../b, entry \"a/../../b\" points outside the image root",
      "/../x, entry \"/../x\" points outside the image root"})
  void rejectsEntriesEscapingTheRoot(String name, String message) {
    byte[] tar = new TarBuilder().file("ok", "1").file(name, "evil").build();
    byte[] blob = gzip(tar);
    LayerDescriptor d = descriptor(OCI_GZIP, blob, tar);
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, d, blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessageContaining("layer " + d.digest())
        .hasMessageContaining(message);
  }

  @Test
  void rejectsHardLinksEscapingTheRoot() {
    byte[] tar = new TarBuilder().hardlink("etc/shadow", "../../../etc/shadow").build();
    byte[] blob = gzip(tar);
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, descriptor(OCI_GZIP, blob, tar), blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessageContaining("hard link target of etc/shadow \"../../../etc/shadow\" points outside the image root");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "gzip media type holding a plain tar, application/vnd.oci.image.layer.v1.tar+gzip, NONE",
      "tar media type holding gzip, application/vnd.oci.image.layer.v1.tar, GZIP",
      "docker gzip media type holding gzip, application/vnd.docker.image.rootfs.diff.tar.gzip, GZIP",
      "foreign media type holding zstd, application/vnd.docker.image.rootfs.foreign.diff.tar.gzip, ZSTD",
      "zstd media type holding zstd, application/vnd.oci.image.layer.v1.tar+zstd, ZSTD",
      "non-distributable holding a tar, application/vnd.oci.image.layer.nondistributable.v1.tar, NONE"})
  void trustsTheMagicBytesOverTheMediaType(String name, String mediaType, Compression stored) throws IOException {
    byte[] tar = new TarBuilder().file("hello.txt", "hi").build();
    byte[] blob = switch (stored) {
      case GZIP -> gzip(tar);
      case ZSTD -> Zstd.compress(tar, 3);
      case NONE -> tar;
    };
    List<Seen> seen = read(ExtractionLimits.DEFAULT, descriptor(mediaType, blob, tar), blob);
    assertThat(seen).extracting(s -> s.entry().path() + "=" + s.content()).containsExactly("hello.txt=hi");
  }

  @Test
  void mediaTypesSayWhatTheyClaim() {
    assertThat(Compression.fromMediaType(OCI_GZIP)).contains(Compression.GZIP);
    assertThat(Compression.fromMediaType(OCI_ZSTD)).contains(Compression.ZSTD);
    assertThat(Compression.fromMediaType(OCI_TAR)).contains(Compression.NONE);
    assertThat(Compression.fromMediaType("application/vnd.docker.image.rootfs.diff.tar.gzip")).contains(Compression.GZIP);
    assertThat(Compression.fromMediaType("application/json")).isEmpty();
  }

  @Test
  void reportsATruncatedGzipLayerByName() {
    byte[] tar = new TarBuilder().file("a", "x".repeat(100_000)).file("b", "y".repeat(100_000)).build();
    byte[] full = gzip(tar);
    byte[] blob = Arrays.copyOf(full, full.length / 2);
    LayerDescriptor d = descriptor(OCI_GZIP, blob, tar);
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, d, blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessageContaining("layer " + d.digest())
        .hasMessageContaining("truncated");
  }

  @Test
  void reportsATruncatedZstdLayerByName() {
    byte[] tar = new TarBuilder().file("a", "x".repeat(100_000)).file("b", "y".repeat(100_000)).build();
    byte[] full = Zstd.compress(tar, 3);
    byte[] blob = Arrays.copyOf(full, full.length - 10);
    LayerDescriptor d = descriptor(OCI_ZSTD, blob, tar);
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, d, blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessageContaining("layer " + d.digest())
        .hasMessageContaining("zstd");
  }

  @Test
  void reportsGarbageThatIsNoTar() {
    byte[] blob = "this is not a layer at all, just some text that is long enough".repeat(20)
        .getBytes(StandardCharsets.UTF_8);
    LayerDescriptor d = descriptor(OCI_TAR, blob, blob);
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, d, blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessageStartingWith("layer " + d.digest() + " is not a readable uncompressed tar (corrupt or truncated): ");
    LayerDescriptor claimsGzip = descriptor(OCI_GZIP, blob, blob);
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, claimsGzip, blob))
        .hasMessageStartingWith("layer " + d.digest() + " is not a readable uncompressed tar (its media type "
            + OCI_GZIP + " says gzip) (corrupt or truncated): ");
  }

  @Test
  void stopsADecompressionBombAtTheLayerLimit() {
    byte[] tar = new TarBuilder().zeros("bomb", 64L << 20).build();
    byte[] blob = gzip(tar);
    assertThat(blob.length).isLessThan(1 << 20);
    LayerDescriptor d = descriptor(OCI_GZIP, blob, tar);
    ExtractionLimits small = new ExtractionLimits(1L << 30, 8L << 20, 1000);
    assertThatThrownBy(() -> new LayerReader(small).read(d, new ByteArrayInputStream(blob), (e, c) -> { }))
        .isInstanceOf(LayerFormatException.class)
        .hasMessage("layer " + d.digest() + " expands past 8 MiB: decompression bomb? (limit maxLayerSize)");
  }

  @Test
  void refusesAnEntryDeclaringTenGigabytesBeforeReadingIt() throws IOException {
    TarArchiveEntry huge = new TarArchiveEntry("zeros", true);
    huge.setSize(10L << 30);
    byte[] header = new byte[512];
    // star/GNU binary size field: a plain octal header cannot say 10 GiB
    huge.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding("UTF-8"), true);
    byte[] tar = Arrays.copyOf(header, 512 + 4096);
    byte[] blob = gzip(tar);
    LayerDescriptor d = new LayerDescriptor(OCI_GZIP, Digest.sha256(blob), blob.length, Digest.sha256(tar));
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, d, blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessage("layer " + d.digest() + ": entry zeros is 10 GiB, over the limit of 4 GiB per entry"
            + " (limit maxEntrySize): decompression bomb?");
  }

  @Test
  void limitsTheNumberOfEntries() {
    TarBuilder builder = new TarBuilder();
    for (int i = 0; i < 20; i++) {
      builder.file("f" + i, "");
    }
    byte[] tar = builder.build();
    LayerDescriptor d = descriptor(OCI_TAR, tar, tar);
    assertThatThrownBy(() -> read(new ExtractionLimits(100, 1 << 20, 10), d, tar))
        .isInstanceOf(LayerFormatException.class)
        .hasMessage("layer " + d.digest() + " has more than 10 entries (limit maxEntries)");
  }

  @Test
  void failsWhenTheLayerDoesNotMatchItsDiffId() {
    byte[] tar = new TarBuilder().file("a", "1").build();
    byte[] other = new TarBuilder().file("a", "2").build();
    byte[] blob = gzip(tar);
    LayerDescriptor d = new LayerDescriptor(OCI_GZIP, Digest.sha256(blob), blob.length, Digest.sha256(other));
    assertThatThrownBy(() -> read(ExtractionLimits.DEFAULT, d, blob))
        .isInstanceOf(LayerFormatException.class)
        .hasMessage("layer " + d.digest() + " uncompresses to " + Digest.sha256(tar) + ", not to the diffID "
            + Digest.sha256(other) + " the image config declares");
    assertThat(catchNothing(() -> new LayerReader(ExtractionLimits.DEFAULT, false)
        .read(d, new ByteArrayInputStream(blob), (e, c) -> { }))).isTrue();
  }

  @Test
  void boundsContentToItsEntryAndKillsItAfterTheVisit() throws IOException {
    byte[] tar = new TarBuilder().file("a", "first").file("b", "second").file("c", "third").build();
    List<InputStream> kept = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    new LayerReader(ExtractionLimits.DEFAULT).read(descriptor(OCI_TAR, tar, tar), new ByteArrayInputStream(tar),
        (entry, content) -> {
          if (entry.path().equals("a")) {
            contents.add(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            content.close();
            kept.add(content);
          } else if (entry.path().equals("c")) {
            contents.add(new String(content.readAllBytes(), StandardCharsets.UTF_8));
          }
        });
    assertThat(contents).containsExactly("first", "third");
    assertThat(kept.get(0).read()).isEqualTo(-1);
  }

  @Test
  void letsVisitorExceptionsThrough() {
    byte[] tar = new TarBuilder().file("a", "1").build();
    IOException mine = new IOException("analyzer broke");
    assertThatThrownBy(() -> new LayerReader(ExtractionLimits.DEFAULT)
        .read(descriptor(OCI_TAR, tar, tar), new ByteArrayInputStream(tar), (e, c) -> {
          throw mine;
        })).isSameAs(mine);
  }

  @Test
  void readsLongPaxNames() throws IOException {
    String longName = "usr/share/" + "very-long-directory-name/".repeat(10) + "file.txt";
    List<Seen> seen = readGzip(new TarBuilder().file(longName, "deep").build());
    assertThat(seen).extracting(s -> s.entry().path()).containsExactly(longName);
    assertThat(seen.get(0).entry().linkTarget()).isEqualTo(Optional.empty());
  }

  private interface Action {
    void run() throws IOException;
  }

  private static boolean catchNothing(Action action) {
    try {
      action.run();
      return true;
    } catch (IOException e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }
}
