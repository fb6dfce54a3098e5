package dev.customs.core.report;

import java.util.Optional;

/** Recognises SPDX license identifiers (and their common spellings) with the SPDX list cyclonedx-core-java ships. */
final class SpdxLicenses {
  private SpdxLicenses() {}

  /** Built on first use: the SPDX list is read only by commands that write licenses. */
  private static final class Index {
    static final SpdxLicenseIndex INSTANCE = SpdxLicenseIndex.load();
  }

  /** The SPDX identifier for a declared license, or empty when it is not on the SPDX list. */
  static Optional<String> id(String declared) {
    return Index.INSTANCE.id(declared.trim());
  }
}
