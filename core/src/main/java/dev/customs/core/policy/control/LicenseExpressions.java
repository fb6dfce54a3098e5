package dev.customs.core.policy.control;

import dev.customs.core.Glob;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the license strings packages declare, which are SPDX expressions where they parse
 * ({@code GPL-2.0-or-later OR MIT}, {@code (MIT AND BSD-3-Clause)}). Parentheses are ignored: the
 * expressions packages carry are flat in practice, and AND binds tighter than OR as SPDX says.
 */
final class LicenseExpressions {
  private static final Pattern OR = Pattern.compile("\\s+OR\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern AND = Pattern.compile("\\s+AND\\s+", Pattern.CASE_INSENSITIVE);

  private LicenseExpressions() {}

  /** Every license id the expression names. */
  static List<String> ids(String expression) {
    return Arrays.stream(expression.replace("(", " ").replace(")", " ").split("\\s+"))
        .filter(t -> !t.isBlank())
        .filter(t -> !List.of("AND", "OR", "WITH").contains(t.toUpperCase(Locale.ROOT)))
        .toList();
  }

  /** Whether some OR-alternative of the expression consists only of allowed licenses. */
  static boolean satisfiable(String expression, List<Glob> allowed) {
    String flat = expression.replace("(", " ").replace(")", " ").strip();
    return Arrays.stream(OR.split(flat)).anyMatch(alternative -> Arrays.stream(AND.split(alternative))
        .map(term -> term.strip().split("\\s+WITH\\s+|\\s+with\\s+")[0])
        .allMatch(id -> matchesAny(id, allowed)));
  }

  static boolean matchesAny(String id, List<Glob> globs) {
    return globs.stream().anyMatch(g -> g.matches(id) || g.text().equalsIgnoreCase(id));
  }
}
