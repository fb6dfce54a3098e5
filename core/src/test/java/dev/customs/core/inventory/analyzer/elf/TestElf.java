package dev.customs.core.inventory.analyzer.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small but well-formed ELF executables (32 or 64 bit, either byte order): one PT_LOAD
 * segment mapping the whole file at {@link #BASE}, the given sections and a section name table.
 * For tests of formats that real toolchains here cannot produce (pre-1.18 Go build info,
 * cargo-auditable, other architectures).
 */
public final class TestElf {
  public static final long BASE = 0x400000;

  private record Section(String name, byte[] content, int offset) {}

  private final boolean is64;
  private final ByteOrder order;
  private final int ehdr;
  private final int phdr;
  private final int shdr;
  private final List<Section> sections = new ArrayList<>();
  private int next;

  /** A 64-bit little-endian file, like x86-64 and arm64 programs. */
  public TestElf() {
    this(true, ByteOrder.LITTLE_ENDIAN);
  }

  public TestElf(boolean is64, ByteOrder order) {
    this.is64 = is64;
    this.order = order;
    ehdr = is64 ? 64 : 52;
    phdr = is64 ? 56 : 32;
    shdr = is64 ? 64 : 40;
    next = ehdr + phdr;
  }

  /** Adds a section and returns the virtual address its first byte will have. */
  public long section(String name, byte[] content) {
    next = align(next);
    sections.add(new Section(name, content, next));
    long address = BASE + next;
    next += content.length;
    return address;
  }

  public byte[] build() {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    names.write(0);
    int[] nameOffsets = new int[sections.size() + 1];
    for (int i = 0; i < sections.size(); i++) {
      nameOffsets[i] = names.size();
      names.writeBytes((sections.get(i).name() + "\0").getBytes(StandardCharsets.ISO_8859_1));
    }
    nameOffsets[sections.size()] = names.size();
    names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.ISO_8859_1));
    int namesOffset = align(next);
    int shoff = align(namesOffset + names.size());
    int shnum = sections.size() + 2;
    ByteBuffer buf = ByteBuffer.allocate(shoff + shnum * shdr).order(order);
    header(buf, shoff, shnum);
    programHeader(buf, buf.capacity());
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      buf.put(s.offset(), s.content());
      sectionHeader(buf, shoff + (i + 1) * shdr, nameOffsets[i], s.offset(), s.content().length);
    }
    buf.put(namesOffset, names.toByteArray());
    sectionHeader(buf, shoff + (shnum - 1) * shdr, nameOffsets[sections.size()], namesOffset, names.size());
    return buf.array();
  }

  private void header(ByteBuffer buf, int shoff, int shnum) {
    buf.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1),
        (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
    buf.putShort(16, (short) 2).putInt(20, 1);
    int at = 24;
    at = word(buf, at, BASE);
    at = word(buf, at, ehdr);
    at = word(buf, at, shoff);
    buf.putShort(at + 4, (short) ehdr).putShort(at + 6, (short) phdr).putShort(at + 8, (short) 1)
        .putShort(at + 10, (short) shdr).putShort(at + 12, (short) shnum).putShort(at + 14, (short) (shnum - 1));
  }

  private void programHeader(ByteBuffer buf, int fileSize) {
    buf.putInt(ehdr, 1);
    if (is64) {
      buf.putInt(ehdr + 4, 5).putLong(ehdr + 8, 0).putLong(ehdr + 16, BASE).putLong(ehdr + 24, BASE)
          .putLong(ehdr + 32, fileSize).putLong(ehdr + 40, fileSize).putLong(ehdr + 48, 0x1000);
    } else {
      buf.putInt(ehdr + 4, 0).putInt(ehdr + 8, (int) BASE).putInt(ehdr + 12, (int) BASE)
          .putInt(ehdr + 16, fileSize).putInt(ehdr + 20, fileSize).putInt(ehdr + 24, 5).putInt(ehdr + 28, 0x1000);
    }
  }

  private void sectionHeader(ByteBuffer buf, int at, int name, int offset, int size) {
    buf.putInt(at, name).putInt(at + 4, 1);
    int field = word(buf, at + 8, 0);
    field = word(buf, field, BASE + offset);
    field = word(buf, field, offset);
    field = word(buf, field, size);
    buf.putInt(field, 0).putInt(field + 4, 0);
    word(buf, field + 8, 1);
  }

  /** Writes an address-sized field and returns the offset after it. */
  private int word(ByteBuffer buf, int at, long value) {
    if (is64) {
      buf.putLong(at, value);
      return at + 8;
    }
    buf.putInt(at, (int) value);
    return at + 4;
  }

  private static int align(int offset) {
    return (offset + 15) & ~15;
  }
}
