package dev.customs.core.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Alpine package versions, {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}}, ordered
 * as apk-tools does: token by token, numbers numerically (but as strings when either has a leading
 * zero, after the first number), one optional lowercase letter, suffixes in the order
 * {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}, then the commit
 * hash and the {@code -rN} package revision. When one version runs out first, it is the newer one
 * if the other continues with a pre-release suffix, and the older one otherwise.
 *
 * <p>Strings that apk-tools' {@code apk_version_validate} rejects (a letter after a letter or a
 * suffix, an unknown suffix, anything but {@code -r} after {@code -}) are rejected here too.
 */
public final class ApkVersionScheme extends ParsedVersionScheme<List<ApkVersionScheme.Token>> {

  /** Token kinds in apk-tools' order, which also decides who is older when one version ends first. */
  enum Kind { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END }

  /** Suffixes in their sort order; {@code NONE} stands for "no suffix" (a release). */
  enum Suffix { ALPHA, BETA, PRE, RC, NONE, CVS, SVN, GIT, HG, P }

  /** One token: its kind, its text and, for numbers, its value (unsigned, wrapping like uint64). */
  record Token(Kind kind, String text, long number, Suffix suffix) {}

  private static final Token END = new Token(Kind.END, "", 0, null);

  @Override
  public String id() {
    return "apk";
  }

  @Override
  protected List<Token> parse(String version) {
    List<Token> tokens = new ArrayList<>();
    int[] pos = {0};
    Token first = digits(version, pos, Kind.INITIAL_DIGIT);
    if (first == null) {
      throw invalid(version, "must start with a digit");
    }
    tokens.add(first);
    while (pos[0] < version.length()) {
      int at = pos[0];
      Token next = next(version, pos, tokens.getLast().kind());
      if (next == null) {
        throw invalid(version, "unexpected '" + version.charAt(at) + "' at position " + at);
      }
      tokens.add(next);
    }
    tokens.add(END);
    return List.copyOf(tokens);
  }

  /** The token at {@code pos[0]} after one of kind {@code previous}, or null if not allowed there. */
  private static Token next(String s, int[] pos, Kind previous) {
    char c = s.charAt(pos[0]);
    boolean afterDigit = previous.compareTo(Kind.DIGIT) <= 0;
    if (c >= 'a' && c <= 'z' && afterDigit) {
      pos[0]++;
      return new Token(Kind.LETTER, String.valueOf(c), c, null);
    }
    if ((c == '.' && afterDigit) || (c >= '0' && c <= '9' && previous == Kind.SUFFIX)) {
      if (c == '.') {
        pos[0]++;
      }
      return digits(s, pos, previous == Kind.SUFFIX ? Kind.SUFFIX_NO : Kind.DIGIT);
    }
    if (c == '_' && previous.compareTo(Kind.SUFFIX_NO) <= 0) {
      int start = ++pos[0];
      while (pos[0] < s.length() && s.charAt(pos[0]) >= 'a' && s.charAt(pos[0]) <= 'z') {
        pos[0]++;
      }
      Suffix suffix = suffix(s.substring(start, pos[0]));
      return suffix == null ? null : new Token(Kind.SUFFIX, s.substring(start, pos[0]), 0, suffix);
    }
    if (c == '~' && previous.compareTo(Kind.COMMIT_HASH) < 0) {
      int start = ++pos[0];
      while (pos[0] < s.length() && isHex(s.charAt(pos[0]))) {
        pos[0]++;
      }
      return pos[0] == start ? null : new Token(Kind.COMMIT_HASH, s.substring(start, pos[0]), 0, null);
    }
    if (c == '-' && previous.compareTo(Kind.REVISION_NO) < 0 && s.startsWith("-r", pos[0])) {
      pos[0] += 2;
      return digits(s, pos, Kind.REVISION_NO);
    }
    return null;
  }

  private static Token digits(String s, int[] pos, Kind kind) {
    int start = pos[0];
    long value = 0;
    while (pos[0] < s.length() && s.charAt(pos[0]) >= '0' && s.charAt(pos[0]) <= '9') {
      value = value * 10 + (s.charAt(pos[0]++) - '0');
    }
    return pos[0] == start ? null : new Token(kind, s.substring(start, pos[0]), value, null);
  }

  private static Suffix suffix(String name) {
    for (Suffix suffix : Suffix.values()) {
      if (suffix != Suffix.NONE && suffix.name().equalsIgnoreCase(name)) {
        return suffix;
      }
    }
    return null;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  @Override
  protected int compareParsed(List<Token> a, List<Token> b) {
    int k = 0;
    while (a.get(k).kind() == b.get(k).kind() && a.get(k).kind() != Kind.END) {
      int r = compareTokens(a.get(k), b.get(k));
      if (r != 0) {
        return r;
      }
      k++;
    }
    Token ta = a.get(k);
    Token tb = b.get(k);
    if (ta.kind() == tb.kind()) {
      return 0;
    }
    // Same so far and one goes on: it is newer, unless it goes on with a pre-release suffix.
    if (ta.kind() == Kind.SUFFIX && ta.suffix().compareTo(Suffix.NONE) < 0) {
      return -1;
    }
    if (tb.kind() == Kind.SUFFIX && tb.suffix().compareTo(Suffix.NONE) < 0) {
      return 1;
    }
    return ta.kind().compareTo(tb.kind()) > 0 ? -1 : 1;
  }

  private static int compareTokens(Token a, Token b) {
    return switch (a.kind()) {
      case DIGIT -> a.text().startsWith("0") || b.text().startsWith("0")
          ? compareBytes(a.text(), b.text())
          : Long.compareUnsigned(a.number(), b.number());
      case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO, LETTER -> Long.compareUnsigned(a.number(), b.number());
      case SUFFIX -> a.suffix().compareTo(b.suffix());
      case COMMIT_HASH, END -> compareBytes(a.text(), b.text());
    };
  }

  /** apk's blob sort: bytes up to the shorter length, then the shorter first. */
  private static int compareBytes(String a, String b) {
    return Integer.signum(a.compareTo(b));
  }
}
