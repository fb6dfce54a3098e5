package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import dev.customs.core.inventory.analyzer.npm.InstalledNpmPackages;
import dev.customs.core.purl.PurlFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Folds per-layer results, bottom first, into the {@link Inventory} of the final filesystem: only
 * results of files that survive the layers above count; each package keeps the layer that introduced
 * it; license hints complete the packages they name; purls are built once the OS is known.
 */
public final class Applier {
  private static final Comparator<InventoryPackage> ORDER = Comparator
      .comparing((InventoryPackage p) -> p.pkg().ecosystem())
      .thenComparing(p -> p.pkg().name())
      .thenComparing(p -> p.pkg().version())
      .thenComparing(p -> String.join(",", p.pkg().paths()));

  /**
   * Rules that need the packages of the whole final filesystem, not one file: each returns the
   * packages to keep (the same instances). One line per rule.
   */
  private static final List<UnaryOperator<List<Package>>> FOLDED_PACKAGE_RULES = List.of(
      InstalledNpmPackages::preferInstalled);

  /** A result of a surviving file, with the index of its layer. */
  private record Survivor(int layer, FileResult file) {}

  public Inventory apply(ImageFacts image, List<LayerAnalysis> layers) {
    LayerStack stack = new LayerStack(layers);
    List<Survivor> survivors = new ArrayList<>();
    List<PrivilegedFile> privileged = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    for (int k = 0; k < stack.size(); k++) {
      LayerAnalysis layer = stack.layer(k);
      for (FileResult file : layer.files()) {
        if (stack.survives(k, file.path())) {
          survivors.add(new Survivor(k, file));
        }
      }
      int index = k;
      layer.privilegedFiles().stream().filter(f -> stack.survives(index, f.path())).forEach(privileged::add);
      layer.problems().stream().filter(p -> p.path().isEmpty() || stack.survives(index, p.path()))
          .forEach(problems::add);
    }
    Optional<OsRelease> os = os(survivors);
    List<InventoryPackage> packages = packages(stack, survivors, os, problems);
    List<InventorySecret> secrets = new ArrayList<>();
    List<FileContentMatch> contentMatches = new ArrayList<>();
    for (Survivor s : survivors) {
      Digest diffId = stack.layer(s.layer()).diffId();
      s.file().secrets().forEach(secret -> secrets.add(new InventorySecret(secret, diffId)));
      contentMatches.addAll(s.file().contentMatches());
      s.file().problems().forEach(reason -> problems.add(new AnalysisProblem(diffId.toString(), s.file().path(),
          s.file().analyzer() + ": " + reason)));
    }
    return new Inventory(image, os, packages, secrets, privileged, users(stack), problems, contentMatches,
        List.of());
  }

  /** The accounts of the etc/passwd of the final filesystem: the one of the topmost layer that wrote it. */
  private static List<UserAccount> users(LayerStack stack) {
    for (int k = stack.size() - 1; k >= 0; k--) {
      LayerAnalysis layer = stack.layer(k);
      if (layer.writes(PasswdParser.PATH)) {
        return layer.users() != null && stack.survives(k, PasswdParser.PATH) ? layer.users() : List.of();
      }
    }
    return List.of();
  }

  /** The image's OS, by {@link OsReleasePrecedence}, from the release files that survive. */
  private static Optional<OsRelease> os(List<Survivor> survivors) {
    Map<String, OsRelease> byPath = new HashMap<>();
    survivors.forEach(s -> s.file().osRelease().ifPresent(os -> byPath.put(s.file().path(), os)));
    return OsReleasePrecedence.choose(byPath);
  }

  private static List<InventoryPackage> packages(LayerStack stack, List<Survivor> survivors, Optional<OsRelease> os,
      List<AnalysisProblem> problems) {
    Map<String, List<String>> hints = new HashMap<>();
    survivors.forEach(s -> s.file().licenseHints().forEach(h -> hints
        .computeIfAbsent(h.ecosystem() + "/" + h.packageName(), k -> new ArrayList<>()).addAll(h.licenses())));
    List<InventoryPackage> packages = new ArrayList<>();
    for (Survivor s : survivors) {
      for (Package pkg : s.file().packages()) {
        Package completed = withHints(pkg, hints.get(pkg.ecosystem() + "/" + pkg.name()));
        Digest introducedBy = stack.layer(stack.introducedBy(s.layer(), s.file(), pkg)).diffId();
        packages.add(new InventoryPackage(completed, purl(completed, os, introducedBy, problems), introducedBy,
            s.file().analyzer()));
      }
    }
    packages.sort(ORDER);
    return keptByRules(packages);
  }

  private static List<InventoryPackage> keptByRules(List<InventoryPackage> packages) {
    List<Package> kept = packages.stream().map(InventoryPackage::pkg).toList();
    for (UnaryOperator<List<Package>> rule : FOLDED_PACKAGE_RULES) {
      kept = rule.apply(kept);
    }
    Set<Package> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    keep.addAll(kept);
    return packages.stream().filter(p -> keep.contains(p.pkg())).toList();
  }

  private static Package withHints(Package pkg, List<String> hinted) {
    if (hinted == null) {
      return pkg;
    }
    LinkedHashSet<String> licenses = new LinkedHashSet<>(pkg.licenses());
    licenses.addAll(hinted);
    return pkg.withLicenses(List.copyOf(licenses));
  }

  private static String purl(Package pkg, Optional<OsRelease> os, Digest layer, List<AnalysisProblem> problems) {
    try {
      return PurlFactory.of(pkg, os);
    } catch (IllegalArgumentException e) {
      problems.add(new AnalysisProblem(layer.toString(), String.join(",", pkg.paths()), e.getMessage()));
      return "";
    }
  }
}
