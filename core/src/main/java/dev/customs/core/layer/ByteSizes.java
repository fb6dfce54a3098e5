package dev.customs.core.layer;

/** Byte counts as people read them in error messages: {@code 32 GiB}, {@code 1.5 MiB}, {@code 512 bytes}. */
final class ByteSizes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private ByteSizes() {}

  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    return number + " " + UNITS[unit];
  }
}
