package dev.customs.core.inventory.analyzer.npm;

import dev.customs.core.inventory.Package;
import dev.customs.core.inventory.analyzer.AnalysisSink;
import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.PackageAnalyzer;
import dev.customs.core.layer.LayerEntry;
import java.io.IOException;
import java.util.List;

/**
 * npm packages: every installed package's {@code node_modules/**}{@code /package.json} and project
 * {@code package.json} files (as Trivy reports them in images), plus the lock files
 * {@code package-lock.json}, {@code yarn.lock} and {@code pnpm-lock.yaml}.
 *
 * <p>A lock file and the {@code node_modules} installed from it describe the same packages. Each
 * package says which file identified it (property {@code identified-by}); when a lock file's
 * directory also has installed packages, {@link InstalledNpmPackages#preferInstalled} keeps the
 * installed ones only (what is on disk is what runs; a lock also lists packages skipped for this
 * platform). A lock file alone, with no {@code node_modules}, is reported as it is.
 */
public final class NpmPackageAnalyzer implements PackageAnalyzer {
  private static final String NODE_MODULES = "node_modules/";

  @Override
  public String name() {
    return "npm";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean wants(LayerEntry entry) {
    if (!entry.isFile()) {
      return false;
    }
    return switch (entry.fileName()) {
      case "package.json" -> isPackageRoot(entry.path());
      // Published packages may ship lock files; they do not describe what is installed.
      case "package-lock.json", "yarn.lock", "pnpm-lock.yaml" -> !entry.path().contains(NODE_MODULES);
      default -> false;
    };
  }

  @Override
  public void analyze(AnalyzerInput input, AnalysisSink sink) {
    String path = input.path();
    try {
      packages(input).forEach(sink::addPackage);
    } catch (IOException e) {
      sink.problem(path + ": malformed " + input.entry().fileName() + ": " + e.getMessage());
    }
  }

  private static List<Package> packages(AnalyzerInput input) throws IOException {
    String path = input.path();
    return switch (input.entry().fileName()) {
      case "package.json" -> PackageJsonParser.parse(path, input.content()).stream().toList();
      case "package-lock.json" -> PackageLockParser.parse(path, input.content());
      case "yarn.lock" -> YarnLockParser.parse(path, input.text());
      case "pnpm-lock.yaml" -> PnpmLockParser.parse(path, input.content());
      default -> List.of();
    };
  }

  /**
   * Inside {@code node_modules} only a package's own {@code package.json} counts
   * ({@code node_modules/x/} or {@code node_modules/@scope/x/}), not test fixtures below it.
   */
  private static boolean isPackageRoot(String path) {
    int last = path.lastIndexOf(NODE_MODULES);
    if (last < 0) {
      return true;
    }
    String[] segments = path.substring(last + NODE_MODULES.length()).split("/");
    return segments.length == 2 || segments.length == 3 && segments[0].startsWith("@");
  }
}
