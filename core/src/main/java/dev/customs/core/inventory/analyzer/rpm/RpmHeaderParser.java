package dev.customs.core.inventory.analyzer.rpm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads an rpm header blob as rpm databases store it (no lead, no 8-byte header magic): two
 * big-endian counts {@code il} (index entries) and {@code dl} (data bytes), {@code il} 16-byte index
 * entries {@code (tag, type, offset, count)}, then the data store.
 *
 * <p>The blob comes from an untrusted image, so every count and offset is checked against the blob
 * before it is used; nothing is allocated from a size the blob claims, only from what it contains.
 */
public final class RpmHeaderParser {
  static final int TAG_NAME = 1000;
  static final int TAG_VERSION = 1001;
  static final int TAG_RELEASE = 1002;
  static final int TAG_EPOCH = 1003;
  static final int TAG_VENDOR = 1011;
  static final int TAG_LICENSE = 1014;
  static final int TAG_ARCH = 1022;
  static final int TAG_SOURCERPM = 1044;
  static final int TAG_MODULARITYLABEL = 5096;

  /** Region tags (HEADERIMAGE, HEADERSIGNATURES, HEADERIMMUTABLE): they mark the signed part. */
  private static final int FIRST_REGION_TAG = 61;
  private static final int LAST_REGION_TAG = 63;

  private static final int TYPE_INT32 = 4;
  private static final int TYPE_STRING = 6;
  private static final int TYPE_BIN = 7;
  private static final int TYPE_STRING_ARRAY = 8;
  private static final int TYPE_I18NSTRING = 9;

  private static final int ENTRY_SIZE = 16;
  /** rpm's own limit on index entries (hdrchkTags); a larger count is corrupt, not big. */
  private static final int MAX_ENTRIES = 0xffff;

  private RpmHeaderParser() {}

  private record Entry(int tag, int type, int offset, int count) {}

  public static RpmHeader parse(byte[] blob) throws RpmFormatException {
    if (blob.length < 8) {
      throw new RpmFormatException("rpm header of " + blob.length + " bytes is shorter than its 8-byte preamble");
    }
    ByteBuffer buf = ByteBuffer.wrap(blob);
    int il = buf.getInt(0);
    int dl = buf.getInt(4);
    if (il < 1 || il > MAX_ENTRIES) {
      throw new RpmFormatException("rpm header claims " + Integer.toUnsignedString(il) + " index entries");
    }
    long dataStart = 8L + (long) il * ENTRY_SIZE;
    if (dl < 0 || dataStart + dl > blob.length) {
      throw new RpmFormatException("rpm header claims " + il + " entries and " + Integer.toUnsignedString(dl)
          + " data bytes, but the blob has only " + blob.length + " bytes");
    }
    Map<Integer, Entry> entries = readIndex(buf, il, dl);
    ByteBuffer data = ByteBuffer.wrap(blob, (int) dataStart, dl).slice();
    String name = string(data, entries, TAG_NAME);
    if (name.isEmpty()) {
      throw new RpmFormatException("rpm header has no NAME tag");
    }
    return new RpmHeader(name, string(data, entries, TAG_VERSION), string(data, entries, TAG_RELEASE),
        int32(data, entries, TAG_EPOCH), string(data, entries, TAG_ARCH), string(data, entries, TAG_SOURCERPM),
        string(data, entries, TAG_LICENSE), string(data, entries, TAG_VENDOR),
        string(data, entries, TAG_MODULARITYLABEL));
  }

  private static Map<Integer, Entry> readIndex(ByteBuffer buf, int il, int dl) throws RpmFormatException {
    Map<Integer, Entry> entries = new HashMap<>();
    for (int i = 0; i < il; i++) {
      int at = 8 + i * ENTRY_SIZE;
      Entry e = new Entry(buf.getInt(at), buf.getInt(at + 4), buf.getInt(at + 8), buf.getInt(at + 12));
      if (e.offset() < 0 || (e.offset() >= dl && e.count() > 0)) {
        throw new RpmFormatException("rpm header entry for tag " + e.tag() + " points at offset "
            + e.offset() + " outside the " + dl + "-byte data store");
      }
      if (i == 0 && e.tag() >= FIRST_REGION_TAG && e.tag() <= LAST_REGION_TAG) {
        checkRegion(buf, e, il, dl);
      }
      entries.putIfAbsent(e.tag(), e);
    }
    return entries;
  }

  /**
   * A region entry points at a 16-byte trailer in the data store whose negated offset is the size of
   * the region's index; rpm refuses headers where either is out of range, and so do we.
   */
  private static void checkRegion(ByteBuffer buf, Entry region, int il, int dl) throws RpmFormatException {
    if (region.type() != TYPE_BIN || region.count() != ENTRY_SIZE || (long) region.offset() + ENTRY_SIZE > dl) {
      throw new RpmFormatException("rpm header region tag " + region.tag() + " is malformed");
    }
    int trailerAt = 8 + il * ENTRY_SIZE + region.offset();
    int regionIndexBytes = -buf.getInt(trailerAt + 8);
    if (regionIndexBytes <= 0 || regionIndexBytes % ENTRY_SIZE != 0 || regionIndexBytes / ENTRY_SIZE > il) {
      throw new RpmFormatException("rpm header region tag " + region.tag() + " has a trailer out of range");
    }
  }

  private static String string(ByteBuffer data, Map<Integer, Entry> entries, int tag) throws RpmFormatException {
    Entry e = entries.get(tag);
    if (e == null || e.count() < 1) {
      return "";
    }
    if (e.type() != TYPE_STRING && e.type() != TYPE_STRING_ARRAY && e.type() != TYPE_I18NSTRING) {
      throw new RpmFormatException("rpm header tag " + tag + " has type " + e.type() + ", expected a string");
    }
    // For arrays and translated strings the first element is the one rpm shows (the C locale).
    int end = e.offset();
    while (end < data.limit() && data.get(end) != 0) {
      end++;
    }
    if (end == data.limit()) {
      throw new RpmFormatException("rpm header string for tag " + tag + " runs past the data store");
    }
    byte[] bytes = new byte[end - e.offset()];
    data.get(e.offset(), bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static OptionalInt int32(ByteBuffer data, Map<Integer, Entry> entries, int tag) throws RpmFormatException {
    Entry e = entries.get(tag);
    if (e == null || e.count() < 1) {
      return OptionalInt.empty();
    }
    if (e.type() != TYPE_INT32 || (long) e.offset() + 4 > data.limit()) {
      throw new RpmFormatException("rpm header tag " + tag + " is not a 32-bit integer inside the data store");
    }
    return OptionalInt.of(data.getInt(e.offset()));
  }
}
