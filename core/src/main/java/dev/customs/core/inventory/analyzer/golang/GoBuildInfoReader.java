package dev.customs.core.inventory.analyzer.golang;

import dev.customs.core.inventory.analyzer.elf.ElfFile;
import dev.customs.core.inventory.analyzer.elf.ElfFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the build info blob a Go linker puts in {@code .go.buildinfo}: a 32-byte header starting
 * with {@code \xff Go buildinf:}, then either (Go 1.18+, flag bit 2) two varint-length-prefixed
 * strings inline, or (older) two pointers to Go string headers that must be resolved through the
 * ELF segments. The module text is framed by two 16-byte sentinels which are stripped.
 */
public final class GoBuildInfoReader {
  private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER_SIZE = 32;
  private static final int FLAG_BIG_ENDIAN = 1;
  private static final int FLAG_INLINE = 2;
  private static final int SENTINEL = 16;
  /** Build info of real programs is a few KiB; a larger claim means a corrupt length. */
  private static final int MAX_STRING = 4 * 1024 * 1024;

  private GoBuildInfoReader() {}

  /**
   * The build info of an ELF file, or empty when it is not a Go program.
   *
   * @throws GoBuildInfoException when the file or its build info is malformed
   */
  public static Optional<GoBuildInfo> read(byte[] data) throws GoBuildInfoException {
    ElfFile elf;
    try {
      elf = ElfFile.parse(data);
    } catch (ElfFormatException e) {
      throw new GoBuildInfoException("malformed ELF: " + e.getMessage());
    }
    Optional<Location> location = findHeader(elf);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    int header = location.get().offset();
    int flags = data[header + 15];
    byte[][] strings = (flags & FLAG_INLINE) != 0
        ? readInline(data, header + HEADER_SIZE, location.get().end())
        : readPointers(elf, header, data[header + 14], (flags & FLAG_BIG_ENDIAN) != 0);
    if (strings[0].length == 0) {
      throw new GoBuildInfoException("build info without a Go version");
    }
    String version = new String(strings[0], StandardCharsets.UTF_8);
    return Optional.of(GoModInfoParser.parse(version, stripSentinels(strings[1])));
  }

  /** Where the build info is: its header offset and the end of the bytes it may use. */
  private record Location(int offset, int end) {}

  /**
   * The header: at the start of {@code .go.buildinfo} if the section exists (then the blob must end
   * with the section), else at any 16-aligned offset, like Go's own reader.
   */
  private static Optional<Location> findHeader(ElfFile elf) {
    byte[] data = elf.data();
    Optional<ElfFile.Section> section = elf.section(".go.buildinfo");
    if (section.isPresent()) {
      int off = (int) section.get().offset();
      int end = (int) (off + section.get().size());
      boolean found = section.get().size() >= HEADER_SIZE && startsWithMagic(data, off);
      return found ? Optional.of(new Location(off, end)) : Optional.empty();
    }
    for (int off = 0; off + HEADER_SIZE <= data.length; off += 16) {
      if (startsWithMagic(data, off)) {
        return Optional.of(new Location(off, data.length));
      }
    }
    return Optional.empty();
  }

  private static boolean startsWithMagic(byte[] data, int off) {
    return off >= 0 && data.length - off >= MAGIC.length
        && Arrays.equals(data, off, off + MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  private static byte[][] readInline(byte[] data, int start, int end) throws GoBuildInfoException {
    int[] pos = {start};
    byte[] version = varintString(data, pos, end);
    byte[] modInfo = varintString(data, pos, end);
    return new byte[][] {version, modInfo};
  }

  private static byte[] varintString(byte[] data, int[] pos, int end) throws GoBuildInfoException {
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      if (pos[0] >= end || shift > 63) {
        throw new GoBuildInfoException("truncated varint in build info at offset " + pos[0]);
      }
      int b = data[pos[0]++] & 0xff;
      length |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
    }
    if (length < 0 || length > MAX_STRING || length > end - pos[0]) {
      throw new GoBuildInfoException("build info string of " + length + " bytes at offset " + pos[0]
          + " does not fit in the build info");
    }
    byte[] s = Arrays.copyOfRange(data, pos[0], pos[0] + (int) length);
    pos[0] += (int) length;
    return s;
  }

  private static byte[][] readPointers(ElfFile elf, int header, int ptrSize, boolean bigEndian)
      throws GoBuildInfoException {
    if (ptrSize != 4 && ptrSize != 8) {
      throw new GoBuildInfoException("build info pointer size " + ptrSize + " is neither 4 nor 8");
    }
    ByteBuffer buf = ByteBuffer.wrap(elf.data()).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    long versionAddr = pointer(buf, header + 16, ptrSize);
    long modAddr = pointer(buf, header + 16 + ptrSize, ptrSize);
    return new byte[][] {goString(elf, buf, versionAddr, ptrSize), goString(elf, buf, modAddr, ptrSize)};
  }

  /** Reads a Go string header {data pointer, length} at a virtual address, then its bytes. */
  private static byte[] goString(ElfFile elf, ByteBuffer buf, long addr, int ptrSize) throws GoBuildInfoException {
    int headerAt = mapped(elf, addr, 2L * ptrSize);
    long dataAddr = pointer(buf, headerAt, ptrSize);
    long length = pointer(buf, headerAt + ptrSize, ptrSize);
    if (length < 0 || length > MAX_STRING) {
      throw new GoBuildInfoException("build info string length " + length + " is out of range");
    }
    if (length == 0) {
      return new byte[0];
    }
    int at = mapped(elf, dataAddr, length);
    return Arrays.copyOfRange(elf.data(), at, at + (int) length);
  }

  private static int mapped(ElfFile elf, long addr, long length) throws GoBuildInfoException {
    OptionalLong off = elf.fileOffset(addr);
    if (off.isEmpty() || off.getAsLong() > elf.data().length - length) {
      throw new GoBuildInfoException("build info pointer 0x" + Long.toHexString(addr) + " is outside the file");
    }
    return (int) off.getAsLong();
  }

  private static long pointer(ByteBuffer buf, int at, int ptrSize) throws GoBuildInfoException {
    if (at < 0 || at > buf.capacity() - ptrSize) {
      throw new GoBuildInfoException("truncated build info pointer at offset " + at);
    }
    return ptrSize == 8 ? buf.getLong(at) : Integer.toUnsignedLong(buf.getInt(at));
  }

  /** Go frames the module text with 16-byte sentinels; without them there is no module text. */
  private static String stripSentinels(byte[] modInfo) {
    int n = modInfo.length;
    if (n >= 2 * SENTINEL + 1 && modInfo[n - SENTINEL - 1] == '\n') {
      return new String(modInfo, SENTINEL, n - 2 * SENTINEL, StandardCharsets.UTF_8);
    }
    return "";
  }
}
