package dev.customs.core.inventory.analyzer;

import dev.customs.core.inventory.Ecosystem;
import dev.customs.core.inventory.FileContentMatch;
import dev.customs.core.inventory.OsRelease;
import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.SecretFinding;
import java.util.List;

/**
 * Where an analyzer reports what it found in one file. Everything reported is attributed to the
 * file being analyzed, so that the applier can drop it when a later layer deletes or replaces it.
 */
public interface AnalysisSink {
  void addPackage(Package pkg);

  void setOsRelease(OsRelease os);

  void addSecret(SecretFinding secret);

  /**
   * Licenses for a package declared in a file other than its database (dpkg's
   * {@code usr/share/doc/<pkg>/copyright}); applied to the final package of that name.
   */
  void addPackageLicenses(Ecosystem ecosystem, String packageName, List<String> licenses);

  /** A content pattern of a file rule matched this file. */
  void addContentMatch(FileContentMatch match);

  /** A file that could not be understood: the scan goes on. */
  void problem(String reason);
}
