package dev.customs.core.inventory.analyzer.rpm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Hostile bytes for the rpm readers: each either returns or rejects the input with
 * {@link RpmFormatException}; any other exception, or running out of memory or time, is a bug. Runs
 * once on the empty input in normal test runs; {@code JAZZER_FUZZ=1} fuzzes one method at a time.
 */
class RpmFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void headerParser(byte[] blob) {
    try {
      RpmHeaderParser.parse(blob);
    } catch (RpmFormatException expected) {
      // Rejecting a malformed header is the parser's job.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void berkeleyHashReader(byte[] file) {
    readAll(new BerkeleyHashReader(), file);
  }

  @FuzzTest(maxDuration = "30s")
  void ndbReader(byte[] file) {
    readAll(new RpmNdbReader(), file);
  }

  private static void readAll(RpmDatabaseReader reader, byte[] file) {
    try {
      for (byte[] blob : reader.headerBlobs(file)) {
        RpmHeaderParser.parse(blob);
      }
    } catch (RpmFormatException expected) {
      // Rejecting a malformed database is the reader's job.
    } catch (IOException e) {
      throw new AssertionError("in-memory readers do no I/O", e);
    }
  }
}
