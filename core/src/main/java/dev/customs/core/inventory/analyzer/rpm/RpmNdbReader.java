package dev.customs.core.inventory.analyzer.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * rpm's native NDB database ({@code Packages.db}, SUSE's default since rpm 4.16), as written by
 * rpm's {@code lib/backend/ndb/rpmpkg.c}; all numbers little-endian.
 *
 * <ul>
 *   <li>A 32-byte file header: magic {@code RpmP}, format version 0, generation, number of 4 KiB slot
 *       pages, next package index.
 *   <li>Slots of 16 bytes fill the rest of the slot pages: magic {@code Slot}, package index (0 for a
 *       free slot), block offset and block count, in 16-byte blocks.
 *   <li>Each package's blocks hold a blob: a 16-byte head (magic {@code BlbS}, package index,
 *       generation, length), the header blob, and a 12-byte tail ending in the magic {@code BlbE} at
 *       the end of the last block.
 * </ul>
 * The tail's Adler-32 checksum is not verified: the header parser checks every bound on its own.
 */
public final class RpmNdbReader implements RpmDatabaseReader {
  private static final int FILE_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
  private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
  private static final int BLOB_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
  private static final int TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
  private static final int HEADER_SIZE = 32;
  private static final int PAGE_SIZE = 4096;
  private static final int SLOT_SIZE = 16;
  private static final int BLOCK_SIZE = 16;
  private static final int BLOB_HEAD = 16;
  private static final int BLOB_TAIL = 12;

  @Override
  public List<byte[]> headerBlobs(byte[] database) throws RpmFormatException {
    ByteBuffer file = ByteBuffer.wrap(database).order(ByteOrder.LITTLE_ENDIAN);
    if (database.length < HEADER_SIZE || file.getInt(0) != FILE_MAGIC) {
      throw new RpmFormatException("not an rpm NDB database (no RpmP magic)");
    }
    if (file.getInt(4) != 0) {
      throw new RpmFormatException("rpm NDB database has unknown format version " + file.getInt(4));
    }
    long slotPages = Integer.toUnsignedLong(file.getInt(12));
    if (slotPages == 0 || slotPages * PAGE_SIZE > database.length) {
      throw new RpmFormatException("rpm NDB database claims " + slotPages + " slot pages; the file has "
          + database.length + " bytes");
    }
    List<byte[]> blobs = new ArrayList<>();
    long copied = 0;
    for (int at = HEADER_SIZE; at < slotPages * PAGE_SIZE; at += SLOT_SIZE) {
      if (file.getInt(at) != SLOT_MAGIC) {
        throw new RpmFormatException("rpm NDB slot at offset " + at + " is corrupt (no Slot magic)");
      }
      int packageIndex = file.getInt(at + 4);
      if (packageIndex != 0) {
        byte[] blob = blob(file, packageIndex, Integer.toUnsignedLong(file.getInt(at + 8)),
            Integer.toUnsignedLong(file.getInt(at + 12)));
        // Blobs of a sound file never overlap, so together they are smaller than the file; slots
        // sharing blocks would multiply the output instead.
        copied += blob.length;
        if (copied > database.length) {
          throw new RpmFormatException("rpm NDB slots point at overlapping blobs");
        }
        blobs.add(blob);
      }
    }
    return blobs;
  }

  private static byte[] blob(ByteBuffer file, int packageIndex, long blockOffset, long blockCount)
      throws RpmFormatException {
    long start = blockOffset * BLOCK_SIZE;
    long end = start + blockCount * BLOCK_SIZE;
    if (end > file.limit() || end - start < BLOB_HEAD + BLOB_TAIL) {
      throw new RpmFormatException("rpm NDB package " + packageIndex + " lies outside the file");
    }
    int head = (int) start;
    int length = file.getInt(head + 12);
    if (file.getInt(head) != BLOB_MAGIC || file.getInt(head + 4) != packageIndex) {
      throw new RpmFormatException("rpm NDB package " + packageIndex + " has a corrupt blob head");
    }
    if (length < 0 || BLOB_HEAD + (long) length + BLOB_TAIL > end - start) {
      throw new RpmFormatException("rpm NDB package " + packageIndex + " claims " + Integer.toUnsignedString(length)
          + " bytes, more than its blocks hold");
    }
    int tail = (int) end - BLOB_TAIL;
    if (file.getInt(tail + 8) != TAIL_MAGIC || file.getInt(tail + 4) != length) {
      throw new RpmFormatException("rpm NDB package " + packageIndex + " has a corrupt blob tail");
    }
    byte[] blob = new byte[length];
    file.get(head + BLOB_HEAD, blob);
    return blob;
  }
}
