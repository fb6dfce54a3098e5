package dev.customs.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What one analyzer found in one file of one layer. Results stay attached to their file so that the
 * applier can drop them when a later layer deletes or replaces the file.
 *
 * @param path the analyzed file, relative to the image root
 * @param analyzer the analyzer's {@code name()}
 * @param os the OS release the file declares, or null (kept nullable so the record stays a plain
 *     JSON value in the layer cache; use {@link #osRelease()})
 * @param problems what could not be understood in this file
 */
public record FileResult(String path, String analyzer, List<Package> packages, OsRelease os,
    List<SecretFinding> secrets, List<LicenseHint> licenseHints, List<FileContentMatch> contentMatches,
    List<String> problems) {

  public FileResult {
    packages = List.copyOf(packages);
    secrets = List.copyOf(secrets);
    licenseHints = List.copyOf(licenseHints);
    contentMatches = List.copyOf(contentMatches);
    problems = List.copyOf(problems);
  }

  /** A result of the default analyzers, which match no file rules. */
  public FileResult(String path, String analyzer, List<Package> packages, OsRelease os,
      List<SecretFinding> secrets, List<LicenseHint> licenseHints, List<String> problems) {
    this(path, analyzer, packages, os, secrets, licenseHints, List.of(), problems);
  }

  public Optional<OsRelease> osRelease() {
    return Optional.ofNullable(os);
  }

  /** Whether the analyzer reported nothing at all (such results are not kept). */
  public boolean reportsNothing() {
    return packages.isEmpty() && os == null && secrets.isEmpty() && licenseHints.isEmpty()
        && contentMatches.isEmpty() && problems.isEmpty();
  }
}
