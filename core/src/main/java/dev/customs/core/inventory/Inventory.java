package dev.customs.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Everything found in the final filesystem of one image: the input of matching, policies and SBOMs.
 *
 * @param packages sorted by ecosystem, name, version and path, so that reports are deterministic
 * @param users the accounts of the final {@code etc/passwd} (empty when there is none)
 * @param problems what could not be analyzed (a scan with problems may be incomplete)
 * @param contentMatches where the content patterns of file rules matched files of the final filesystem
 * @param checks what configurable analyzers checked (file rule keys): a policy whose rule is not
 *     listed cannot judge this inventory by it
 */
public record Inventory(
    ImageFacts image,
    Optional<OsRelease> os,
    List<InventoryPackage> packages,
    List<InventorySecret> secrets,
    List<PrivilegedFile> privilegedFiles,
    List<UserAccount> users,
    List<AnalysisProblem> problems,
    List<FileContentMatch> contentMatches,
    List<String> checks) {

  public Inventory {
    packages = List.copyOf(packages);
    secrets = List.copyOf(secrets);
    privilegedFiles = List.copyOf(privilegedFiles);
    users = List.copyOf(users);
    problems = List.copyOf(problems);
    contentMatches = List.copyOf(contentMatches);
    checks = List.copyOf(checks);
  }

  /** An inventory of the default analyzers: no file rules applied. */
  public Inventory(ImageFacts image, Optional<OsRelease> os, List<InventoryPackage> packages,
      List<InventorySecret> secrets, List<PrivilegedFile> privilegedFiles, List<UserAccount> users,
      List<AnalysisProblem> problems) {
    this(image, os, packages, secrets, privilegedFiles, users, problems, List.of(), List.of());
  }

  /** The same inventory, recording the checks its analyzers applied. */
  public Inventory withChecks(List<String> applied) {
    return new Inventory(image, os, packages, secrets, privilegedFiles, users, problems, contentMatches, applied);
  }
}
