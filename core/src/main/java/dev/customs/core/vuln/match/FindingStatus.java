package dev.customs.core.vuln.match;

import java.util.Locale;

/** Where a finding stands, as the source that decided it says. */
public enum FindingStatus {
  /** A fixed version exists; upgrading to it removes the finding. */
  FIXED,
  /** Affected, and no fix exists yet. */
  UNFIXED,
  /** Affected, and the distro has decided not to fix it. */
  WONT_FIX,
  /** Affected, and the release or package is out of support: no fix will come. */
  EOL,
  /** The source has not yet worked out whether the package is affected; reported so it is not lost. */
  UNDETERMINED;

  /** The lower-case form used in reports: {@code fixed}, {@code wont-fix}, {@code eol}… */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
