package dev.customs.core.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * PHP's {@code version_compare}, which Composer applies to normalized versions: the string is cut
 * into parts at {@code . - _ +}, other non-alphanumerics and digit/non-digit changes; numbers
 * compare numerically, words by their special form ({@code dev < alpha = a < beta = b < RC = rc <
 * # < pl = p}, matched by prefix, unknown words lowest), and a number counts as {@code #}. When one
 * side runs out, a remaining number makes it newer, a remaining word is compared with {@code #}.
 */
final class PhpVersionComparator {
  private static final List<String> NUMBER = List.of("#");
  private static final String[][] SPECIAL_FORMS = {
      {"dev", "0"}, {"alpha", "1"}, {"a", "1"}, {"beta", "2"}, {"b", "2"}, {"RC", "3"}, {"rc", "3"},
      {"#", "4"}, {"pl", "5"}, {"p", "5"}};

  private PhpVersionComparator() {}

  static int compare(String a, String b) {
    return compareParts(parts(a), parts(b));
  }

  private static int compareParts(List<String> x, List<String> y) {
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = comparePart(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    // PHP compares what is left over with "#N#", i.e. the number form "#".
    if (x.size() > n) {
      return isDigit(x.get(n)) ? 1 : compareParts(x.subList(n, x.size()), NUMBER);
    }
    if (y.size() > n) {
      return isDigit(y.get(n)) ? -1 : compareParts(NUMBER, y.subList(n, y.size()));
    }
    return 0;
  }

  private static int comparePart(String p, String q) {
    if (isDigit(p) && isDigit(q)) {
      return Long.compare(toLong(p), toLong(q));
    }
    return Integer.compare(specialForm(isDigit(p) ? "#" : p), specialForm(isDigit(q) ? "#" : q));
  }

  /** PHP's canonical form, split at the dots it inserts. */
  private static List<String> parts(String version) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    char previous = 0;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      boolean boundary = i > 0
          && isAsciiAlnum(c) && isAsciiAlnum(previous) && isAsciiDigit(previous) != isAsciiDigit(c);
      if (!isAsciiAlnum(c) || boundary) {
        flush(part, parts);
      }
      if (isAsciiAlnum(c)) {
        part.append(c);
      }
      previous = c;
    }
    flush(part, parts);
    return parts;
  }

  private static void flush(StringBuilder part, List<String> parts) {
    if (!part.isEmpty()) {
      parts.add(part.toString());
      part.setLength(0);
    }
  }

  private static int specialForm(String word) {
    for (String[] form : SPECIAL_FORMS) {
      if (word.startsWith(form[0])) {
        return Integer.parseInt(form[1]);
      }
    }
    return -1;
  }

  /** strtol: saturates instead of overflowing. */
  private static long toLong(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static boolean isDigit(String part) {
    return isAsciiDigit(part.charAt(0));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiAlnum(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
