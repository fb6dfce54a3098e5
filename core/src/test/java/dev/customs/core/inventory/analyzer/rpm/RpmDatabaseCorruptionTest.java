package dev.customs.core.inventory.analyzer.rpm;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Real databases with one thing broken: each gives a problem naming what, never an exception. */
class RpmDatabaseCorruptionTest {
  private static final int PAGE = 4096;
  private final RpmDatabaseAnalyzer analyzer = new RpmDatabaseAnalyzer();

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(testdata("pkgdb/rpm/" + name));
  }

  @Test
  void truncatedBerkeleyDb() throws IOException {
    byte[] cut = Arrays.copyOf(fixture("el8-libuuid-bdb/Packages"), 5 * PAGE);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/rpm/Packages", cut);

    assertThat(sink.problems).singleElement().asString().contains("truncated");
  }

  @Test
  void berkeleyHashPageWithImpossibleItemCount() throws IOException {
    byte[] db = fixture("el8-libuuid-bdb/Packages");
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putShort(PAGE + 20, (short) 0x7fff);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/rpm/Packages", db);

    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).singleElement().asString().contains("page 1 claims 32767 items");
  }

  @Test
  void berkeleyOverflowChainThatBreaks() throws IOException {
    byte[] db = fixture("el8-libuuid-bdb/Packages");
    ByteBuffer buf = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    // Cut every overflow page's link to its successor: the header blob ends too early.
    int pages = buf.getInt(32) + 1;
    for (int page = 1; page < pages; page++) {
      if (db[page * PAGE + 25] == 7) {
        buf.putInt(page * PAGE + 16, 0);
      }
    }

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/rpm/Packages", db);

    assertThat(sink.problems).singleElement().asString().contains("overflow chain breaks");
  }

  @Test
  void truncatedSqlite() throws IOException {
    byte[] cut = Arrays.copyOf(fixture("cbl-mariner-2.0/rpmdb.sqlite"), 3 * PAGE);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "var/lib/rpm/rpmdb.sqlite", cut);

    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).singleElement().asString().startsWith("not a readable rpm SQLite database");
  }

  @Test
  void ndbSlotPointingOutsideTheFile() throws IOException {
    byte[] db = fixture("sle15-bci-ndb/Packages.db");
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(32 + 8, 0x7fffffff);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "usr/lib/sysimage/rpm/Packages.db", db);

    assertThat(sink.problems).singleElement().asString().contains("package 1 lies outside the file");
  }

  @Test
  void ndbBlobWithBrokenHeaderIsSkippedAlone() throws IOException {
    byte[] db = fixture("sle15-bci-ndb/Packages.db");
    // The first blob starts at block 0x100; its header blob's index count follows the 16-byte head.
    ByteBuffer.wrap(db).putInt(0x1000 + 16, 0x7fffffff);

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(analyzer, "usr/lib/sysimage/rpm/Packages.db", db);

    assertThat(sink.packages).hasSize(34);
    assertThat(sink.problems).singleElement().asString().startsWith("package 1 of 35: ");
  }
}
