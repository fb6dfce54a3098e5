package dev.customs.core.inventory.analyzer.rpm;

import static dev.customs.testkit.TestData.testdata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmHeaderParserTest {
  private static byte[] libfoo;

  @BeforeAll
  static void readRealHeader() throws Exception {
    // fixture-libfoo, written by Debian's rpm 4.18: a real header with an immutable region.
    libfoo = new RpmSqliteReader().headerBlobs(Files.readAllBytes(testdata("pkgdb/rpm/local-sqlite/rpmdb.sqlite")))
        .getFirst();
  }

  @Test
  void readsTheTagsOfARealHeader() throws RpmFormatException {
    RpmHeader header = RpmHeaderParser.parse(libfoo);

    assertThat(header.name()).isEqualTo("fixture-libfoo");
    assertThat(header.version()).isEqualTo("3.2.1~rc1");
    assertThat(header.release()).isEqualTo("0.1.el9_2");
    assertThat(header.epoch()).as("an explicit Epoch: 0 is kept").isEqualTo(OptionalInt.of(0));
    assertThat(header.arch()).isEqualTo("noarch");
    assertThat(header.sourceRpm()).isEqualTo("fixture-libfoo-3.2.1~rc1-0.1.el9_2.src.rpm");
    assertThat(header.license()).isNotEmpty();
  }

  /** Every prefix of a real header either parses or is rejected with a reason; nothing else escapes. */
  @Test
  void everyTruncationIsRejectedCleanly() {
    for (int length = 0; length < libfoo.length; length++) {
      byte[] cut = Arrays.copyOf(libfoo, length);
      assertThatThrownBy(() -> RpmHeaderParser.parse(cut)).isInstanceOf(RpmFormatException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "index count too large | 0 | 2147483647 | index entries",
      "index count zero | 0 | 0 | index entries",
      "data length beyond the blob | 4 | 16777216 | data bytes",
      "negative data length | 4 | -1 | data bytes",
      "region trailer offset out of range | 16 | 2147483000 | outside",
      "entry offset out of range | 32 | 1048576 | outside",
      "negative entry offset | 32 | -64 | outside",
      "region tag with wrong type | 12 | 4 | region tag"})
  void rejectsOutOfRangeFields(String name, int at, int value, String reason) {
    byte[] broken = libfoo.clone();
    ByteBuffer.wrap(broken).putInt(at, value);

    assertThatThrownBy(() -> RpmHeaderParser.parse(broken))
        .isInstanceOf(RpmFormatException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void rejectsAStringWithoutTerminator() {
    // One STRING entry (NAME) whose data has no NUL before the end of the data store.
    ByteBuffer blob = ByteBuffer.allocate(8 + 16 + 3);
    blob.putInt(1).putInt(3).putInt(RpmHeaderParser.TAG_NAME).putInt(6).putInt(0).putInt(1).put("abc".getBytes());

    assertThatThrownBy(() -> RpmHeaderParser.parse(blob.array()))
        .isInstanceOf(RpmFormatException.class)
        .hasMessageContaining("runs past the data store");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "util-linux-2.32.1-42.el8_8.src.rpm | util-linux | 2.32.1 | 42.el8_8",
      "libgpg-error-1.29-1.8.src.rpm | libgpg-error | 1.29 | 1.8",
      "kernel-5.14.0-1.nosrc.rpm | kernel | 5.14.0 | 1"})
  void splitsSourceRpmNames(String fileName, String name, String version, String release) {
    assertThat(SourceRpm.parse(fileName)).contains(new SourceRpm(name, version, release));
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({"''", "foo.src.rpm", "foo-1.src.rpm", "foo-1-2.rpm"})
  void ignoresMalformedSourceRpmNames(String fileName) {
    assertThat(SourceRpm.parse(fileName)).isEmpty();
  }
}
