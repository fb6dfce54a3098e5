package dev.customs.core.report;

import java.util.Optional;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.util.LicenseResolver;

/** Recognises SPDX license identifiers (and their common spellings) with the SPDX list cyclonedx-core-java ships. */
final class SpdxLicenses {
  private SpdxLicenses() {}

  /** The SPDX identifier for a declared license, or empty when it is not on the SPDX list. */
  static Optional<String> id(String declared) {
    LicenseChoice choice = LicenseResolver.resolve(declared.trim(), false);
    if (choice == null || choice.getLicenses() == null || choice.getLicenses().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(choice.getLicenses().get(0).getId());
  }
}
