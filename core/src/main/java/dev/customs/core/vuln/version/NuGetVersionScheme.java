package dev.customs.core.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet package versions, ordered as {@code NuGet.Versioning.NuGetVersion} with the default
 * comparer: up to four numbers ({@code Major.Minor.Patch.Revision}, missing ones 0, so
 * {@code 1.0 == 1.0.0.0}), then SemVer 2.0 release labels, where a version without labels is
 * newer, numeric labels compare numerically and before alphanumeric ones, and alphanumeric labels
 * compare ordinally ignoring case ({@code 1.0.0-Alpha == 1.0.0-alpha}). Build metadata after
 * {@code +} is ignored.
 *
 * <p>Like {@code NuGetVersion.Parse}, surrounding whitespace is trimmed and leading zeros are
 * allowed in the numbers ({@code 01.0 == 1.0}) and in metadata, but not in numeric labels
 * ({@code 1.0.0-01}); numbers above 2^31 - 1, empty labels and characters outside
 * {@code [0-9A-Za-z-]} are rejected.
 */
public final class NuGetVersionScheme extends ParsedVersionScheme<NuGetVersionScheme.Parsed> {

  private static final Pattern VERSION = Pattern.compile(
      "(?<numbers>[0-9]+(?:\\.[0-9]+){0,3})(?:-(?<labels>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
          + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  /** Four numbers and the release labels (upper-cased, since they compare ignoring case). */
  record Parsed(List<BigInteger> numbers, List<String> labels) {}

  @Override
  public String id() {
    return "nuget";
  }

  @Override
  protected Parsed parse(String version) {
    Matcher m = VERSION.matcher(version.strip());
    if (!m.matches()) {
      throw invalid(version, "not a NuGet version (1 to 4 numbers, optional -labels and +metadata)");
    }
    List<BigInteger> numbers = new ArrayList<>();
    for (String part : m.group("numbers").split("\\.")) {
      BigInteger n = new BigInteger(part);
      if (n.compareTo(INT_MAX) > 0) {
        throw invalid(version, "number " + part + " is larger than NuGet's 32-bit limit");
      }
      numbers.add(n);
    }
    while (numbers.size() < 4) {
      numbers.add(BigInteger.ZERO);
    }
    List<String> labels = m.group("labels") == null ? List.of()
        : List.of(m.group("labels").toUpperCase(Locale.ROOT).split("\\."));
    for (String label : labels) {
      if (label.length() > 1 && label.chars().allMatch(c -> c >= '0' && c <= '9') && label.startsWith("0")) {
        throw invalid(version, "numeric label " + label + " has a leading zero");
      }
    }
    return new Parsed(List.copyOf(numbers), labels);
  }

  @Override
  protected int compareParsed(Parsed a, Parsed b) {
    for (int i = 0; i < 4; i++) {
      int c = a.numbers().get(i).compareTo(b.numbers().get(i));
      if (c != 0) {
        return c;
      }
    }
    if (a.labels().isEmpty() || b.labels().isEmpty()) {
      return a.labels().isEmpty() ? (b.labels().isEmpty() ? 0 : 1) : -1;
    }
    for (int i = 0; i < Math.min(a.labels().size(), b.labels().size()); i++) {
      int c = compareLabels(a.labels().get(i), b.labels().get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.labels().size(), b.labels().size());
  }

  private static int compareLabels(String a, String b) {
    BigInteger numA = asInt(a);
    BigInteger numB = asInt(b);
    if (numA != null && numB != null) {
      return numA.compareTo(numB);
    }
    if (numA != null || numB != null) {
      return numA != null ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  /** The label's value if NuGet reads it as a number (digits fitting a 32-bit int), else null. */
  private static BigInteger asInt(String label) {
    if (!label.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    BigInteger n = new BigInteger(label);
    return n.compareTo(INT_MAX) > 0 ? null : n;
  }
}
