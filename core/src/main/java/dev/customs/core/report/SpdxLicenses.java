package dev.customs.core.report;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises SPDX license identifiers (and their common spellings) with the SPDX list cyclonedx-core-java ships. */
final class SpdxLicenses {
  private static final Set<String> OPERATORS = Set.of("AND", "OR");
  private static final Pattern EXCEPTION_ID = Pattern.compile("[A-Za-z0-9.+-]+");

  private SpdxLicenses() {}

  /** Built on first use: the SPDX list is read only by commands that write licenses. */
  private static final class Index {
    static final SpdxLicenseIndex INSTANCE = SpdxLicenseIndex.load();
  }

  /** The SPDX identifier for a declared license, or empty when it is not on the SPDX list. */
  static Optional<String> id(String declared) {
    return Index.INSTANCE.id(declared.trim());
  }

  /**
   * The declared text when it is a compound SPDX expression of listed identifiers, such as
   * {@code (MIT OR Apache-2.0)} or {@code GPL-2.0-only WITH Classpath-exception-2.0}, as npm and
   * PyPI metadata often declare; empty otherwise (a single id, or words that are no expression).
   */
  static Optional<String> compoundExpression(String declared) {
    String[] tokens = declared.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
    boolean compound = false;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.equals("(") || t.equals(")")) {
        continue;
      }
      if (OPERATORS.contains(t)) {
        compound = true;
      } else if (t.equals("WITH") && i + 1 < tokens.length && EXCEPTION_ID.matcher(tokens[i + 1]).matches()) {
        compound = true;
        i++;
      } else if (!id(t).map(t::equals).orElse(false)) {
        return Optional.empty();
      }
    }
    return compound ? Optional.of(declared.trim()) : Optional.empty();
  }
}
