package dev.customs.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Everything found in the final filesystem of one image: the input of matching, policies and SBOMs.
 *
 * @param packages sorted by ecosystem, name, version and path, so that reports are deterministic
 * @param users the accounts of the final {@code etc/passwd} (empty when there is none)
 * @param problems what could not be analyzed (a scan with problems may be incomplete)
 */
public record Inventory(
    ImageFacts image,
    Optional<OsRelease> os,
    List<InventoryPackage> packages,
    List<InventorySecret> secrets,
    List<PrivilegedFile> privilegedFiles,
    List<UserAccount> users,
    List<AnalysisProblem> problems) {

  public Inventory {
    packages = List.copyOf(packages);
    secrets = List.copyOf(secrets);
    privilegedFiles = List.copyOf(privilegedFiles);
    users = List.copyOf(users);
    problems = List.copyOf(problems);
  }
}
