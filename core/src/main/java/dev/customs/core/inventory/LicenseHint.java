package dev.customs.core.inventory;

import java.util.List;

/**
 * Licenses for a package found in a file other than its package database (dpkg's
 * {@code usr/share/doc/<pkg>/copyright}); the applier gives them to the final package of that name.
 */
public record LicenseHint(Ecosystem ecosystem, String packageName, List<String> licenses) {
  public LicenseHint {
    licenses = List.copyOf(licenses);
  }
}
