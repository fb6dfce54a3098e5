package dev.customs.core.inventory.analyzer.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * rpm's classic {@code Packages} file: a Berkeley DB Hash database whose keys are header numbers and
 * whose values are header blobs. Read from the on-disk format (see Berkeley DB's {@code dbinc/db_page.h}):
 * page 0 is the hash metadata page; every page starts with a 26-byte header; hash pages hold an index
 * of item offsets, items alternate key and value, and a value too big for the page is an
 * {@code H_OFFPAGE} item pointing at a chain of overflow pages.
 *
 * <p>Scanning every page rather than walking the buckets finds the same pairs with less trust in the
 * file's bucket arithmetic. Numbers are in the byte order of the machine that wrote the file,
 * recognised by how the magic number reads.
 */
public final class BerkeleyHashReader implements RpmDatabaseReader {
  private static final int HASH_MAGIC = 0x061561;
  private static final int PAGE_HEADER = 26;
  private static final int TYPE_HASH_UNSORTED = 2;
  private static final int TYPE_OVERFLOW = 7;
  private static final int TYPE_HASH_META = 8;
  private static final int TYPE_HASH = 13;
  private static final int ITEM_KEYDATA = 1;
  private static final int ITEM_OFFPAGE = 3;
  private static final int META_FLAG_CHECKSUM = 0x01;

  @Override
  public List<byte[]> headerBlobs(byte[] database) throws RpmFormatException {
    ByteBuffer file = metadataPage(database);
    int pageSize = file.getInt(20);
    long lastPage = Integer.toUnsignedLong(file.getInt(32));
    if ((lastPage + 1) * pageSize > database.length) {
      throw new RpmFormatException("Berkeley DB file is truncated: its metadata names page " + lastPage
          + " of " + pageSize + " bytes, but the file has " + database.length + " bytes");
    }
    List<byte[]> blobs = new ArrayList<>();
    // An overflow page belongs to one value. Refusing a second use stops loops, and stops a hostile
    // file from making many values share one long chain (output many times the file's size).
    BitSet usedOverflowPages = new BitSet();
    for (int page = 1; page <= lastPage; page++) {
      ByteBuffer p = page(file, page, pageSize);
      int type = p.get(25) & 0xff;
      if (type == TYPE_HASH || type == TYPE_HASH_UNSORTED) {
        readHashPage(new Page(file, p, page, pageSize, usedOverflowPages), blobs);
      }
    }
    return blobs;
  }

  private static ByteBuffer metadataPage(byte[] database) throws RpmFormatException {
    if (database.length < 512) {
      throw new RpmFormatException("not a Berkeley DB file: only " + database.length + " bytes");
    }
    ByteBuffer file = ByteBuffer.wrap(database).order(ByteOrder.LITTLE_ENDIAN);
    if (file.getInt(12) != HASH_MAGIC) {
      file.order(ByteOrder.BIG_ENDIAN);
      if (file.getInt(12) != HASH_MAGIC) {
        throw new RpmFormatException("not a Berkeley DB hash database (wrong magic number)");
      }
    }
    int pageSize = file.getInt(20);
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw new RpmFormatException("Berkeley DB metadata has an invalid page size " + pageSize);
    }
    if ((file.get(25) & 0xff) != TYPE_HASH_META) {
      throw new RpmFormatException("Berkeley DB page 0 is not a hash metadata page");
    }
    // Encrypted or checksummed pages carry a longer page header; rpm's database settings use neither.
    if (file.get(24) != 0 || (file.get(26) & META_FLAG_CHECKSUM) != 0) {
      throw new RpmFormatException(
          "Berkeley DB file is encrypted or checksummed, which this reader does not support");
    }
    return file;
  }

  /** A hash page being read, with what reading it needs of the file. */
  private record Page(ByteBuffer file, ByteBuffer p, int number, int pageSize, BitSet usedOverflowPages) {}

  private static ByteBuffer page(ByteBuffer file, long page, int pageSize) {
    return file.slice((int) (page * pageSize), pageSize).order(file.order());
  }

  private static void readHashPage(Page page, List<byte[]> blobs) throws RpmFormatException {
    ByteBuffer p = page.p();
    int entries = p.getShort(20) & 0xffff;
    if (PAGE_HEADER + 2L * entries > page.pageSize()) {
      throw new RpmFormatException("Berkeley DB page " + page.number() + " claims " + entries
          + " items, more than fit");
    }
    int[] offsets = new int[entries];
    for (int i = 0; i < entries; i++) {
      offsets[i] = p.getShort(PAGE_HEADER + 2 * i) & 0xffff;
      int end = i == 0 ? page.pageSize() : offsets[i - 1];
      if (offsets[i] < PAGE_HEADER + 2 * entries || offsets[i] >= end) {
        throw new RpmFormatException("Berkeley DB page " + page.number() + " item " + i + " lies outside the page");
      }
    }
    // Items alternate key, value: the values (odd indexes) are the header blobs, except the value of
    // key 0, where rpm keeps the next free header number.
    for (int i = 1; i < entries; i += 2) {
      int keyEnd = i == 1 ? page.pageSize() : offsets[i - 2];
      if (!isRecordZero(p, offsets[i - 1], keyEnd)) {
        blobs.add(itemValue(page, offsets[i], offsets[i - 1]));
      }
    }
  }

  private static boolean isRecordZero(ByteBuffer p, int at, int end) {
    return end - at == 5 && (p.get(at) & 0xff) == ITEM_KEYDATA && p.getInt(at + 1) == 0;
  }

  private static byte[] itemValue(Page page, int at, int end) throws RpmFormatException {
    ByteBuffer p = page.p();
    int type = p.get(at) & 0xff;
    if (type == ITEM_KEYDATA) {
      byte[] value = new byte[end - at - 1];
      p.get(at + 1, value);
      return value;
    }
    if (type == ITEM_OFFPAGE && end - at >= 12) {
      return overflowChain(page, p.getInt(at + 4), Integer.toUnsignedLong(p.getInt(at + 8)));
    }
    throw new RpmFormatException("Berkeley DB page " + page.number() + " has a value of unsupported item type "
        + type);
  }

  private static byte[] overflowChain(Page page, int firstPage, long totalLength) throws RpmFormatException {
    ByteBuffer file = page.file();
    int pageSize = page.pageSize();
    long pages = file.limit() / pageSize;
    if (totalLength > file.limit()) {
      throw new RpmFormatException("Berkeley DB overflow value claims " + totalLength + " bytes, more than the file");
    }
    ByteArrayOutputStream value = new ByteArrayOutputStream((int) totalLength);
    long next = Integer.toUnsignedLong(firstPage);
    while (value.size() < totalLength) {
      if (next == 0 || next >= pages || page.usedOverflowPages().get((int) next)) {
        throw new RpmFormatException("Berkeley DB overflow chain breaks at page " + next
            + " after " + value.size() + " of " + totalLength + " bytes");
      }
      page.usedOverflowPages().set((int) next);
      ByteBuffer p = page(file, next, pageSize);
      int length = p.getShort(22) & 0xffff;
      if ((p.get(25) & 0xff) != TYPE_OVERFLOW || PAGE_HEADER + length > pageSize) {
        throw new RpmFormatException("Berkeley DB page " + next + " is not a valid overflow page");
      }
      int take = (int) Math.min(length, totalLength - value.size());
      value.write(p.array(), p.arrayOffset() + PAGE_HEADER, take);
      next = Integer.toUnsignedLong(p.getInt(16));
    }
    return value.toByteArray();
  }
}
