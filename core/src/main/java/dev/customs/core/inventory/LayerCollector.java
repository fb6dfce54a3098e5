package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import dev.customs.core.layer.LayerEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accumulates the facts of one layer while it is being read; not thread-safe (one per layer read). */
final class LayerCollector {
  private final String layer;
  private final Map<String, List<FileResult>> files = new LinkedHashMap<>();
  // A plain list, sorted once at the end: a layer can hold a million paths, a TreeSet would triple their cost.
  private final List<String> paths = new ArrayList<>();
  private final Set<String> whiteouts = new LinkedHashSet<>();
  private final Set<String> opaqueDirs = new LinkedHashSet<>();
  private final Map<String, PrivilegedFile> privileged = new LinkedHashMap<>();
  private final List<AnalysisProblem> problems = new ArrayList<>();
  private final Set<String> disabledAnalyzers = new HashSet<>();
  private List<UserAccount> users;

  LayerCollector(String layer) {
    this.layer = layer;
  }

  /**
   * Records the entry's effect on the filesystem; returns whether it is a file or link that can
   * carry content. A path written twice in one tar keeps only its last version, as extraction would.
   */
  boolean record(LayerEntry entry) {
    switch (entry.type()) {
      case WHITEOUT -> whiteouts.add(entry.path());
      case OPAQUE_WHITEOUT -> opaqueDirs.add(entry.path());
      case DIRECTORY -> {
        return false;
      }
      default -> {
        paths.add(entry.path());
        files.remove(entry.path());
        if (entry.path().equals(PasswdParser.PATH)) {
          users = null; // a passwd replaced by a link or an unreadable file no longer lists accounts
        }
        privileged.remove(entry.path());
        if (entry.isFile() && (entry.mode() & (PrivilegedFile.SETUID | PrivilegedFile.SETGID)) != 0) {
          privileged.put(entry.path(), new PrivilegedFile(entry.path(), entry.mode(), entry.uid()));
        }
        return true;
      }
    }
    return false;
  }

  void add(FileResult result) {
    if (!result.reportsNothing()) {
      files.computeIfAbsent(result.path(), p -> new ArrayList<>()).add(result);
    }
  }

  /** Whether an analyzer failed earlier in this layer and is no longer asked. */
  boolean isDisabled(String analyzer) {
    return disabledAnalyzers.contains(analyzer);
  }

  void disable(String analyzer) {
    disabledAnalyzers.add(analyzer);
  }

  void users(List<UserAccount> accounts) {
    users = accounts;
  }

  void layerProblem(String path, String reason) {
    problems.add(new AnalysisProblem(layer, path, reason));
  }

  LayerAnalysis result(Digest diffId, String analyzersKey, boolean complete) {
    List<FileResult> all = files.values().stream().flatMap(List::stream).toList();
    List<String> sorted = paths.stream().sorted().distinct().toList();
    return new LayerAnalysis(diffId, analyzersKey, all, sorted, List.copyOf(whiteouts),
        List.copyOf(opaqueDirs), List.copyOf(privileged.values()), users, problems, complete);
  }
}
