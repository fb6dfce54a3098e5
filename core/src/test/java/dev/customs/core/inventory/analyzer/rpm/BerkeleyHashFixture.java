package dev.customs.core.inventory.analyzer.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds small Berkeley DB hash files page by page, for the cases a real rpm database never shows:
 * values sharing an overflow chain, chains that loop, big-endian files. 512-byte pages.
 */
final class BerkeleyHashFixture {
  static final int PAGE = 512;
  private final ByteBuffer file;

  BerkeleyHashFixture(int pages) {
    this(pages, ByteOrder.LITTLE_ENDIAN);
  }

  BerkeleyHashFixture(int pages, ByteOrder order) {
    file = ByteBuffer.allocate(pages * PAGE).order(order);
    file.putInt(12, 0x061561).putInt(16, 9).putInt(20, PAGE).put(25, (byte) 8).putInt(32, pages - 1);
  }

  /** A hash page whose items are key/value pairs; every value is an off-page reference. */
  BerkeleyHashFixture hashPage(int page, int... overflowTargets) {
    int base = page * PAGE;
    file.putInt(base + 8, page).put(base + 25, (byte) 13).putShort(base + 20, (short) (2 * overflowTargets.length));
    int top = PAGE;
    for (int i = 0; i < overflowTargets.length; i++) {
      top -= 5;
      file.put(base + top, (byte) 1).putInt(base + top + 1, i + 1);
      file.putShort(base + 26 + 4 * i, (short) top);
      top -= 12;
      file.put(base + top, (byte) 3).putInt(base + top + 4, overflowTargets[i]).putInt(base + top + 8, 100);
      file.putShort(base + 26 + 4 * i + 2, (short) top);
    }
    return this;
  }

  /** An overflow page holding 100 bytes and linking to {@code next} (0: end of chain). */
  BerkeleyHashFixture overflowPage(int page, int next) {
    int base = page * PAGE;
    file.putInt(base + 8, page).putInt(base + 16, next).putShort(base + 22, (short) 100).put(base + 25, (byte) 7);
    return this;
  }

  byte[] bytes() {
    return file.array();
  }
}
