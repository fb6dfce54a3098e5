package dev.customs.core.image.source;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code @N} form of a selector, shared by the archive and layout sources. */
final class Selectors {
  private static final Pattern INDEX = Pattern.compile("@(\\d{1,9})");

  private Selectors() {}

  /** The 0-based index a selector like {@code @2} names, if it is one. */
  static Optional<Integer> index(String selector) {
    var m = INDEX.matcher(selector);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  static <T> T byIndex(List<T> items, int index, String source) throws ImageSourceException {
    if (index >= items.size()) {
      throw new ImageSourceException(source + " has " + items.size() + " images; @" + index
          + " is out of range (the first is @0)");
    }
    return items.get(index);
  }

  /** A list of names for an error message. */
  static String list(List<String> names) {
    return names.isEmpty() ? "(no names)" : String.join(", ", names);
  }
}
