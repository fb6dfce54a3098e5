package dev.customs.core.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems versions, ordered as {@code Gem::Version#<=>}: the version is split into runs of digits
 * and runs of letters ({@code 1.0.rc1 -> 1, 0, rc, 1}; a {@code -} means {@code .pre.}), trailing
 * zeros are dropped from the numeric part and from the part after the first letters, and segments
 * compare one by one, missing ones as 0. A letter segment is lower than any number, so any version
 * with a letter is a prerelease of the numbers before it ({@code 1.0.a < 1.0}).
 *
 * <p>Accepts what {@code Gem::Version.correct?} accepts (digits first, then dot-separated
 * alphanumerics, optionally a dash part), except a blank string, which RubyGems reads as "0"
 * but which in vulnerability data is a mistake.
 */
public final class RubyGemsVersionScheme extends ParsedVersionScheme<List<Object>> {

  private static final Pattern VERSION =
      Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  @Override
  public String id() {
    return "rubygems";
  }

  @Override
  protected List<Object> parse(String version) {
    String v = version.strip();
    if (!VERSION.matcher(v).matches()) {
      throw invalid(version, v.isEmpty() ? "version string is empty" : "not a RubyGems version");
    }
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(v.replace("-", ".pre."));
    while (m.find()) {
      String s = m.group();
      segments.add(Character.isDigit(s.charAt(0)) ? new BigInteger(s) : s);
    }
    return canonical(segments);
  }

  /** Drops trailing zeros of the numeric part and of the part from the first letters on. */
  private static List<Object> canonical(List<Object> segments) {
    int firstString = 0;
    while (firstString < segments.size() && segments.get(firstString) instanceof BigInteger) {
      firstString++;
    }
    List<Object> result = new ArrayList<>(withoutTrailingZeros(segments.subList(0, firstString)));
    result.addAll(withoutTrailingZeros(segments.subList(firstString, segments.size())));
    return List.copyOf(result);
  }

  private static List<Object> withoutTrailingZeros(List<Object> segments) {
    int end = segments.size();
    while (end > 0 && BigInteger.ZERO.equals(segments.get(end - 1))) {
      end--;
    }
    return segments.subList(0, end);
  }

  @Override
  protected int compareParsed(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      Object l = i < a.size() ? a.get(i) : BigInteger.ZERO;
      Object r = i < b.size() ? b.get(i) : BigInteger.ZERO;
      if (l instanceof String ls && r instanceof String rs) {
        if (!ls.equals(rs)) {
          return ls.compareTo(rs);
        }
      } else if (l instanceof BigInteger ln && r instanceof BigInteger rn) {
        if (!ln.equals(rn)) {
          return ln.compareTo(rn);
        }
      } else {
        return l instanceof String ? -1 : 1;
      }
    }
    return 0;
  }
}
