package dev.customs.core.inventory.analyzer.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The headers of an ELF file held in memory: enough to find a named section and to map a virtual
 * address to a file offset. Every offset is checked against the file, so a truncated or hostile
 * file gives an {@link ElfFormatException}, never an index error.
 */
public final class ElfFile {
  private static final int SHT_NOBITS = 8;
  private static final int PT_LOAD = 1;
  private static final int MAX_NAME = 256;

  private final byte[] data;
  private final ByteBuffer buf;
  private final boolean is64;
  private final List<Section> sections = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();

  /** A section's name and where its bytes are in the file (size 0 when it has none in the file). */
  public record Section(String name, long offset, long size) {}

  private record Segment(long vaddr, long offset, long fileSize) {}

  private ElfFile(byte[] data) throws ElfFormatException {
    this.data = data;
    if (data.length < 52) {
      throw new ElfFormatException("truncated ELF header (" + data.length + " bytes)");
    }
    is64 = data[4] == 2;
    if (data[4] != 1 && !is64) {
      throw new ElfFormatException("unknown ELF class " + data[4]);
    }
    if (data[5] != 1 && data[5] != 2) {
      throw new ElfFormatException("unknown ELF data encoding " + data[5]);
    }
    if (is64 && data.length < 64) {
      throw new ElfFormatException("truncated ELF header (" + data.length + " bytes)");
    }
    buf = ByteBuffer.wrap(data).order(data[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    readSegments();
    readSections();
  }

  /** Whether the bytes start with the ELF magic. */
  public static boolean isElf(byte[] data) {
    return data.length >= 4 && data[0] == 0x7f && data[1] == 'E' && data[2] == 'L' && data[3] == 'F';
  }

  /** Reads the headers of an ELF file (the caller has checked {@link #isElf}). */
  public static ElfFile parse(byte[] data) throws ElfFormatException {
    return new ElfFile(data);
  }

  public byte[] data() {
    return data;
  }

  public Optional<Section> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The file offset holding the byte at virtual address {@code vaddr}, if a loaded segment has it. */
  public OptionalLong fileOffset(long vaddr) {
    for (Segment seg : segments) {
      long delta = vaddr - seg.vaddr();
      if (vaddr >= seg.vaddr() && delta < seg.fileSize()) {
        return OptionalLong.of(seg.offset() + delta);
      }
    }
    return OptionalLong.empty();
  }

  private void readSegments() throws ElfFormatException {
    long phoff = is64 ? buf.getLong(32) : Integer.toUnsignedLong(buf.getInt(28));
    int phentsize = Short.toUnsignedInt(buf.getShort(is64 ? 54 : 42));
    int phnum = Short.toUnsignedInt(buf.getShort(is64 ? 56 : 44));
    if (phnum == 0) {
      return;
    }
    checkTable("program header", phoff, phentsize, phnum, is64 ? 56 : 32);
    for (int i = 0; i < phnum; i++) {
      int at = (int) (phoff + (long) i * phentsize);
      if (buf.getInt(at) != PT_LOAD) {
        continue;
      }
      long offset = is64 ? buf.getLong(at + 8) : Integer.toUnsignedLong(buf.getInt(at + 4));
      long vaddr = is64 ? buf.getLong(at + 16) : Integer.toUnsignedLong(buf.getInt(at + 8));
      long fileSize = is64 ? buf.getLong(at + 32) : Integer.toUnsignedLong(buf.getInt(at + 16));
      if (inFile(offset, fileSize)) {
        segments.add(new Segment(vaddr, offset, fileSize));
      }
    }
  }

  private void readSections() throws ElfFormatException {
    long shoff = is64 ? buf.getLong(40) : Integer.toUnsignedLong(buf.getInt(32));
    int shentsize = Short.toUnsignedInt(buf.getShort(is64 ? 58 : 46));
    int shnum = Short.toUnsignedInt(buf.getShort(is64 ? 60 : 48));
    int shstrndx = Short.toUnsignedInt(buf.getShort(is64 ? 62 : 50));
    if (shnum == 0 || shoff == 0) {
      return;
    }
    checkTable("section header", shoff, shentsize, shnum, is64 ? 64 : 40);
    if (shstrndx >= shnum) {
      throw new ElfFormatException("section name table index " + shstrndx + " is not below " + shnum);
    }
    Section names = readHeader(shoff, shentsize, shstrndx, "");
    for (int i = 0; i < shnum; i++) {
      int at = (int) (shoff + (long) i * shentsize);
      String name = name(names, Integer.toUnsignedLong(buf.getInt(at)));
      sections.add(readHeader(shoff, shentsize, i, name));
    }
  }

  /** Section {@code index}; its file range is checked, and empty for NOBITS (no bytes in the file). */
  private Section readHeader(long shoff, int shentsize, int index, String name) throws ElfFormatException {
    int at = (int) (shoff + (long) index * shentsize);
    if (buf.getInt(at + 4) == SHT_NOBITS) {
      return new Section(name, 0, 0);
    }
    long offset = is64 ? buf.getLong(at + 24) : Integer.toUnsignedLong(buf.getInt(at + 16));
    long size = is64 ? buf.getLong(at + 32) : Integer.toUnsignedLong(buf.getInt(at + 20));
    if (!inFile(offset, size)) {
      throw new ElfFormatException("section " + index + " lies outside the file (offset " + offset
          + ", size " + size + ", file " + data.length + " bytes)");
    }
    return new Section(name, offset, size);
  }

  /** The NUL-terminated name at {@code nameOff} in the section name table. */
  private String name(Section table, long nameOff) {
    if (nameOff >= table.size()) {
      return "";
    }
    int start = (int) (table.offset() + nameOff);
    int end = start;
    int limit = (int) Math.min(table.offset() + table.size(), start + (long) MAX_NAME);
    while (end < limit && data[end] != 0) {
      end++;
    }
    return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private void checkTable(String what, long offset, int entrySize, int count, int minEntry)
      throws ElfFormatException {
    if (entrySize < minEntry) {
      throw new ElfFormatException(what + " entry size " + entrySize + " is below " + minEntry);
    }
    if (!inFile(offset, (long) entrySize * count)) {
      throw new ElfFormatException(what + " table lies outside the file (offset " + offset + ", "
          + count + " entries, file " + data.length + " bytes); truncated ELF?");
    }
  }

  private boolean inFile(long offset, long size) {
    return offset >= 0 && size >= 0 && offset <= data.length && size <= data.length - offset;
  }
}
