package dev.customs.cli.output;

import java.util.Locale;

/** Byte counts as people read them: 1.4 MB, 812 kB (decimal units, as registries and Docker show). */
public final class ByteFormat {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

  private ByteFormat() {}

  public static String human(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
