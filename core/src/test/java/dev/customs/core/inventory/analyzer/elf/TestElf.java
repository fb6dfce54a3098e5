package dev.customs.core.inventory.analyzer.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small but well-formed 64-bit little-endian ELF executables: one PT_LOAD segment mapping
 * the whole file at {@link #BASE}, the given sections and a section name table. For tests of
 * formats that real toolchains here cannot produce (pre-1.18 Go build info, cargo-auditable).
 */
public final class TestElf {
  public static final long BASE = 0x400000;
  private static final int EHDR = 64;
  private static final int PHDR = 56;
  private static final int SHDR = 64;

  private record Section(String name, byte[] content, int offset) {}

  private final List<Section> sections = new ArrayList<>();
  private int next = EHDR + PHDR;

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
    ByteBuffer buf = ByteBuffer.allocate(shoff + shnum * SHDR).order(ByteOrder.LITTLE_ENDIAN);
    header(buf, shoff, shnum);
    buf.putInt(EHDR, 1).putInt(EHDR + 4, 5).putLong(EHDR + 8, 0).putLong(EHDR + 16, BASE)
        .putLong(EHDR + 24, BASE).putLong(EHDR + 32, buf.capacity()).putLong(EHDR + 40, buf.capacity())
        .putLong(EHDR + 48, 0x1000);
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      buf.put(s.offset(), s.content());
      sectionHeader(buf, shoff + (i + 1) * SHDR, nameOffsets[i], s.offset(), s.content().length);
    }
    buf.put(namesOffset, names.toByteArray());
    sectionHeader(buf, shoff + (shnum - 1) * SHDR, nameOffsets[sections.size()], namesOffset, names.size());
    return buf.array();
  }

  private static void header(ByteBuffer buf, int shoff, int shnum) {
    buf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    buf.putShort(16, (short) 2).putShort(18, (short) 62).putInt(20, 1).putLong(24, BASE)
        .putLong(32, EHDR).putLong(40, shoff).putShort(52, (short) EHDR).putShort(54, (short) PHDR)
        .putShort(56, (short) 1).putShort(58, (short) SHDR).putShort(60, (short) shnum)
        .putShort(62, (short) (shnum - 1));
  }

  private static void sectionHeader(ByteBuffer buf, int at, int name, int offset, int size) {
    buf.putInt(at, name).putInt(at + 4, 1).putLong(at + 16, BASE + offset).putLong(at + 24, offset)
        .putLong(at + 32, size).putLong(at + 48, 1);
  }

  private static int align(int offset) {
    return (offset + 15) & ~15;
  }
}
