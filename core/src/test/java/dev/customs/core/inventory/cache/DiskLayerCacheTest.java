package dev.customs.core.inventory.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.AnalysisProblem;
import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.FileResult;
import dev.customs.core.inventory.LayerAnalysis;
import dev.customs.core.inventory.LicenseHint;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.PrivilegedFile;
import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.inventory.UserAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskLayerCacheTest {
  private static final Digest DIFF_ID = Digest.sha256("layer".getBytes(StandardCharsets.UTF_8));
  private static final String KEY = "a".repeat(64);

  @TempDir Path dir;

  private static LayerAnalysis analysis(String key) {
    Package pkg = new Package(Ecosystem.DEB, "openssl", "3.0.22-1~deb12u2", "openssl", "3.0.22-1~deb12u2", "amd64",
        List.of("Apache-2.0"), List.of("var/lib/dpkg/status"), Map.of("maintainer", "Debian OpenSSL Team"));
    FileResult db = new FileResult("var/lib/dpkg/status", "dpkg", List.of(pkg), null, List.of(), List.of(), List.of());
    FileResult os = new FileResult("etc/os-release", "os-release", List.of(),
        new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)"), List.of(),
        List.of(new LicenseHint(Ecosystem.DEB, "openssl", List.of("Apache-2.0"))), List.of("odd line"));
    FileResult secret = new FileResult("app/.env", "secrets", List.of(), null,
        List.of(new SecretFinding("aws-access-key-id", "AWS", "CRITICAL", "AWS key", "app/.env", 3, "AKIA****")),
        List.of(), List.of());
    return new LayerAnalysis(DIFF_ID, key, List.of(db, os, secret), List.of("app/.env", "etc/os-release"),
        List.of("etc/old"), List.of("opt"), List.of(new PrivilegedFile("usr/bin/su", 04755, 0)),
        List.of(new UserAccount("root", 0, 0, "/root", "/bin/bash")),
        List.of(new AnalysisProblem(DIFF_ID.toString(), "big.jar", "too large")), true);
  }

  @Test
  void storesAndReturnsALayerResultUnchanged() {
    DiskLayerCache cache = new DiskLayerCache(dir.resolve("layers"));

    cache.put(analysis(KEY));

    assertThat(cache.get(DIFF_ID, KEY)).contains(analysis(KEY));
    assertThat(cache.get(DIFF_ID, "b".repeat(64))).isEmpty();
  }

  @Test
  void aCorruptFileIsAMissAndIsOverwritten() throws IOException {
    DiskLayerCache cache = new DiskLayerCache(dir);
    Path file = cache.file(DIFF_ID, KEY);
    Files.writeString(file, "{ not gzip, not json");

    assertThat(cache.get(DIFF_ID, KEY)).isEmpty();

    cache.put(analysis(KEY));
    assertThat(cache.get(DIFF_ID, KEY)).contains(analysis(KEY));
  }

  @Test
  void aFileForADifferentFullKeyIsNotTrusted() throws IOException {
    DiskLayerCache cache = new DiskLayerCache(dir);
    String sameShortForm = "a".repeat(16) + "c".repeat(48);
    cache.put(analysis(KEY));

    assertThat(cache.file(DIFF_ID, sameShortForm)).isEqualTo(cache.file(DIFF_ID, KEY));
    assertThat(cache.get(DIFF_ID, sameShortForm)).isEmpty();
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    DiskLayerCache cache = new DiskLayerCache(dir);
    cache.put(analysis(KEY));
    cache.put(analysis(KEY));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).extracting(p -> p.getFileName().toString())
          .containsExactly("sha256-" + DIFF_ID.hex() + "-aaaaaaaaaaaaaaaa.json.gz");
    }
  }

  @Test
  void aWriteThatCannotHappenSaysWhere() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    DiskLayerCache cache = new DiskLayerCache(notADirectory);

    assertThatThrownBy(() -> cache.put(analysis(KEY))).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write layer cache file " + notADirectory);
  }
}
