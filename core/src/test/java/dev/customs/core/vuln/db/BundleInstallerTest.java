package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.vuln.feed.Feeds;
import dev.customs.testkit.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing and opening refuse bundles whose checksum or schema version does not match. */
class BundleInstallerTest {
  @TempDir Path dir;
  private Path published;
  private Path installed;

  @BeforeEach
  void buildOne() throws Exception {
    published = dir.resolve("published").resolve("customs.db");
    installed = dir.resolve("cache").resolve("customs.db");
    new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(
        List.of(new FeedSpec("kev", TestData.testdata("vulndata/kev").toString())), published);
  }

  @Test
  void aGoodBundleIsInstalledWithItsChecksum() throws Exception {
    BundleMetadata meta = BundleInstaller.install(published, installed);
    assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(published));
    assertThat(BundleChecksum.verify(installed)).isEqualTo(meta.sha256());
    try (VulnDb db = VulnDb.open(installed)) {
      assertThat(db.kev("CVE-2021-44228")).isPresent();
    }
  }

  @Test
  void aBundleNotMatchingItsChecksumIsRefusedAndTheInstalledOneKept() throws Exception {
    BundleInstaller.install(published, installed);
    byte[] before = Files.readAllBytes(installed);
    Files.writeString(BundleChecksum.sidecarOf(published), "0".repeat(64) + "  customs.db\n");

    assertThatThrownBy(() -> BundleInstaller.install(published, installed))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("checksum mismatch for " + published)
        .hasMessageContaining("says " + "0".repeat(64));
    assertThat(Files.readAllBytes(installed)).isEqualTo(before);
  }

  @Test
  void aBundleWithoutItsChecksumFileIsRefused() throws Exception {
    Files.delete(BundleChecksum.sidecarOf(published));
    assertThatThrownBy(() -> BundleInstaller.install(published, installed))
        .hasMessageContaining("no checksum file " + BundleChecksum.sidecarOf(published));
    assertThat(installed).doesNotExist();
  }

  @Test
  void aDamagedInstalledBundleIsRefusedWhenOpened() throws Exception {
    BundleInstaller.install(published, installed);
    byte[] bytes = Files.readAllBytes(installed);
    bytes[bytes.length - 100] ^= 0x01;
    Files.write(installed, bytes);
    assertThatThrownBy(() -> VulnDb.open(installed)).hasMessageContaining("checksum mismatch for " + installed);
  }

  @Test
  void anotherSchemaVersionIsRefusedOnImportAndOpen() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + published);
        Statement s = db.createStatement()) {
      s.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    // A correct checksum for the changed file: only the schema version is wrong.
    Files.writeString(BundleChecksum.sidecarOf(published), BundleChecksum.sha256(published) + "  customs.db\n");

    assertThatThrownBy(() -> BundleInstaller.install(published, installed))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("has bundle schema version 99 but this Customs reads version " + BundleSchema.VERSION);
    assertThat(installed).doesNotExist();
    assertThatThrownBy(() -> VulnDb.open(published)).hasMessageContaining("schema version 99");
  }

  @Test
  void aMissingBundleSaysHowToGetOne() {
    assertThatThrownBy(() -> VulnDb.open(installed))
        .isInstanceOf(BundleMissingException.class)
        .hasMessageContaining("no vulnerability database at " + installed)
        .hasMessageContaining("customs db build").hasMessageContaining("customs db import");
  }

  @Test
  void aFileThatIsNoBundleIsRefused() throws Exception {
    Path notADb = dir.resolve("notes.db");
    Files.writeString(notADb, "hello");
    Files.writeString(BundleChecksum.sidecarOf(notADb), BundleChecksum.sha256(notADb) + "  notes.db\n");
    assertThatThrownBy(() -> BundleInstaller.install(notADb, installed))
        .isInstanceOf(BundleException.class).hasMessageContaining(notADb.toString());
    assertThat(installed).doesNotExist();
  }

  @Test
  void theDefaultLocationFollowsXdg() {
    assertThat(BundleLocation.defaultPath(java.util.Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me"))
        .isEqualTo(Path.of("/var/cache/me/customs/db/customs.db"));
    assertThat(BundleLocation.defaultPath(java.util.Map.of(), "/home/me"))
        .isEqualTo(Path.of("/home/me/.cache/customs/db/customs.db"));
  }
}
