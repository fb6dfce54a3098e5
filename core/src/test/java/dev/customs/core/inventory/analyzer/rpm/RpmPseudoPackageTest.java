package dev.customs.core.inventory.analyzer.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An rpm SQLite database written here with an imported signing key beside a real package. */
class RpmPseudoPackageTest {
  @TempDir
  Path dir;

  @Test
  void signingKeysAreNotPackages() throws IOException, SQLException {
    byte[] key = new RpmHeaderFixture().string(RpmHeaderParser.TAG_NAME, "gpg-pubkey")
        .string(RpmHeaderParser.TAG_VERSION, "fd431d51").string(RpmHeaderParser.TAG_RELEASE, "4ae0493b").bytes();
    byte[] bash = new RpmHeaderFixture().string(RpmHeaderParser.TAG_NAME, "bash")
        .string(RpmHeaderParser.TAG_VERSION, "5.1.8").string(RpmHeaderParser.TAG_RELEASE, "9.el9")
        .string(RpmHeaderParser.TAG_ARCH, "x86_64")
        .string(RpmHeaderParser.TAG_SOURCERPM, "bash-5.1.8-9.el9.src.rpm")
        .string(RpmHeaderParser.TAG_VENDOR, "Rocky Enterprise Software Foundation")
        .string(RpmHeaderParser.TAG_MODULARITYLABEL, "").bytes();
    Path db = dir.resolve("rpmdb.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO Packages(blob) VALUES (?)")) {
        for (byte[] blob : new byte[][] {key, bash}) {
          insert.setBytes(1, blob);
          insert.executeUpdate();
        }
      }
    }

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(new RpmDatabaseAnalyzer(), "var/lib/rpm/rpmdb.sqlite",
        Files.readAllBytes(db));

    assertThat(sink.problems).isEmpty();
    Package pkg = sink.packages.getFirst();
    assertThat(sink.packages).hasSize(1);
    assertThat(pkg.name()).isEqualTo("bash");
    assertThat(pkg.version()).as("no EPOCH tag, no epoch").isEqualTo("5.1.8-9.el9");
    assertThat(pkg.sourceName()).isEqualTo("bash");
    assertThat(pkg.sourceVersion()).isEqualTo("5.1.8-9.el9");
    assertThat(pkg.properties()).containsExactly(
        Map.entry("vendor", "Rocky Enterprise Software Foundation"));
  }
}
