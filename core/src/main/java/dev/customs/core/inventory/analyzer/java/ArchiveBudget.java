package dev.customs.core.inventory.analyzer.java;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The bounds of reading one archive file with everything nested in it. A jar can nest jars without
 * end and a small deflated entry can inflate to gigabytes, so every read goes through here.
 *
 * <p>One budget serves one {@code analyze} call; it is not shared between threads.
 */
final class ArchiveBudget {
  /** ear → war → fat jar → jar is 3 levels; a deeper chain is more likely hostile than real. */
  static final int MAX_DEPTH = 4;
  static final int MAX_NESTED_ARCHIVE_BYTES = 64 * 1024 * 1024;
  static final int MAX_METADATA_BYTES = 1024 * 1024;
  private static final long MAX_TOTAL_INFLATED_BYTES = 512L * 1024 * 1024;
  static final String EXHAUSTED = "more than " + MAX_TOTAL_INFLATED_BYTES + " bytes inflated from one archive";

  private long inflated;

  /**
   * Reads an entry of at most {@code limit} bytes.
   *
   * @throws IOException naming the limit when the entry or the whole budget is exceeded, or the
   *     entry's data is corrupt
   */
  byte[] read(ZipFile zip, ZipArchiveEntry entry, int limit) throws IOException {
    long remaining = MAX_TOTAL_INFLATED_BYTES - inflated;
    if (remaining <= 0) {
      throw new IOException(EXHAUSTED);
    }
    int cap = (int) Math.min(limit, remaining);
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = in.readNBytes(cap + 1);
    } catch (RuntimeException e) {
      // commons-compress reports some corrupt compressed data unchecked.
      throw new IOException(e.toString(), e);
    }
    inflated += bytes.length;
    if (bytes.length > cap) {
      throw new IOException(cap == limit ? "entry larger than " + limit + " bytes" : EXHAUSTED);
    }
    return bytes;
  }

  boolean exhausted() {
    return inflated >= MAX_TOTAL_INFLATED_BYTES;
  }
}
