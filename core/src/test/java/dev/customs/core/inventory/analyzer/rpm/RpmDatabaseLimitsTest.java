package dev.customs.core.inventory.analyzer.rpm;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Berkeley DB and NDB layouts no real fixture shows: both byte orders, and hostile ones that are refused. */
class RpmDatabaseLimitsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
  void berkeleyValuesOnSeparateChainsAreRead(String byteOrder) throws RpmFormatException {
    ByteOrder order = byteOrder.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] db = new BerkeleyHashFixture(4, order).hashPage(1, 2, 3).overflowPage(2, 0).overflowPage(3, 0).bytes();

    assertThat(new BerkeleyHashReader().headerBlobs(db)).hasSize(2).allSatisfy(b -> assertThat(b).hasSize(100));
  }

  @Test
  void berkeleyValuesSharingAnOverflowChainAreRefused() {
    byte[] db = new BerkeleyHashFixture(3).hashPage(1, 2, 2).overflowPage(2, 0).bytes();

    assertThatThrownBy(() -> new BerkeleyHashReader().headerBlobs(db))
        .isInstanceOf(RpmFormatException.class)
        .hasMessageContaining("overflow chain breaks at page 2");
  }

  @Test
  void berkeleyOverflowChainThatLoopsIsRefused() {
    // A 100-byte value over pages that hold 40 bytes each and link 2 → 3 → 2.
    byte[] db = new BerkeleyHashFixture(4).hashPage(1, 2).overflowPage(2, 3).overflowPage(3, 2).bytes();
    ByteBuffer buf = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    buf.putShort(2 * BerkeleyHashFixture.PAGE + 22, (short) 40).putShort(3 * BerkeleyHashFixture.PAGE + 22, (short) 40);

    assertThatThrownBy(() -> new BerkeleyHashReader().headerBlobs(db))
        .isInstanceOf(RpmFormatException.class)
        .hasMessageContaining("overflow chain breaks at page 2 after 80 of 100 bytes");
  }

  @Test
  void ndbSlotsSharingOneBlobAreRefused() throws IOException {
    byte[] db = Files.readAllBytes(testdata("pkgdb/rpm/sle15-bci-ndb/Packages.db"));
    ByteBuffer buf = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    int largest = largestSlot(buf);
    // Every used slot now claims the largest package's blob.
    for (int at = 32; at < 4096; at += 16) {
      if (buf.getInt(at + 4) != 0) {
        buf.putInt(at + 4, buf.getInt(largest + 4)).putInt(at + 8, buf.getInt(largest + 8))
            .putInt(at + 12, buf.getInt(largest + 12));
      }
    }

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(new RpmDatabaseAnalyzer(), "var/lib/rpm/Packages.db", db);

    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).containsExactly("rpm NDB slots point at overlapping blobs");
  }

  @Test
  void manyBadHeadersAreSummarised() throws IOException {
    byte[] db = Files.readAllBytes(testdata("pkgdb/rpm/sle15-bci-ndb/Packages.db"));
    ByteBuffer buf = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 32; at < 4096; at += 16) {
      if (buf.getInt(at + 4) != 0) {
        // Each header's index count (big-endian, right after the 16-byte blob head) becomes absurd.
        ByteBuffer.wrap(db).putInt(buf.getInt(at + 8) * 16 + 16, 0x7fffffff);
      }
    }

    RecordedAnalysis sink = RecordedAnalysis.analyzeWanted(new RpmDatabaseAnalyzer(), "var/lib/rpm/Packages.db", db);

    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).hasSize(11).last().isEqualTo("25 more of the 35 package headers are unreadable");
  }

  private static int largestSlot(ByteBuffer buf) {
    int largest = 32;
    for (int at = 32; at < 4096; at += 16) {
      if (Integer.compareUnsigned(buf.getInt(at + 12), buf.getInt(largest + 12)) > 0) {
        largest = at;
      }
    }
    return largest;
  }
}
