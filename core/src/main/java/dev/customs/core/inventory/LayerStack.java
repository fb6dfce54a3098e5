package dev.customs.core.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layers of an image, bottom first, indexed for the two questions the applier asks: does a
 * file of layer k survive the layers above it, and which layer introduced a package found in it.
 * Deletion follows the OCI layer rules: a later layer deletes a lower path by writing the same path,
 * by a whiteout of the path or an ancestor, by an opaque whiteout of an ancestor, or by writing a
 * non-directory where an ancestor directory was.
 */
final class LayerStack {
  private final List<LayerAnalysis> layers;
  private final List<Set<String>> whiteouts;
  private final List<Set<String>> opaqueDirs;
  private final List<Map<String, List<FileResult>>> resultsByPath;

  LayerStack(List<LayerAnalysis> layers) {
    this.layers = List.copyOf(layers);
    this.whiteouts = layers.stream().map(l -> Set.copyOf(l.whiteouts())).toList();
    this.opaqueDirs = layers.stream().map(l -> Set.copyOf(l.opaqueDirs())).toList();
    this.resultsByPath = layers.stream().map(LayerStack::byPath).toList();
  }

  private static Map<String, List<FileResult>> byPath(LayerAnalysis layer) {
    Map<String, List<FileResult>> map = new HashMap<>();
    layer.files().forEach(f -> map.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
    return map;
  }

  LayerAnalysis layer(int index) {
    return layers.get(index);
  }

  int size() {
    return layers.size();
  }

  /** Whether {@code path} as written by layer {@code index} is still there in the final filesystem. */
  boolean survives(int index, String path) {
    for (int j = index + 1; j < layers.size(); j++) {
      if (layers.get(j).writes(path) || removes(j, path)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lowest layer of the unbroken run, ending at layer {@code index}, whose version of the file
   * lists the same package (ecosystem, name, version): a package database rewritten by a later
   * layer keeps attributing untouched packages to the layer that installed them.
   */
  int introducedBy(int index, FileResult result, Package pkg) {
    int introducing = index;
    for (int j = index - 1; j >= 0; j--) {
      if (layers.get(j).writes(result.path())) {
        if (!lists(j, result, pkg)) {
          break;
        }
        introducing = j;
      } else if (removes(j, result.path())) {
        break;
      }
    }
    return introducing;
  }

  private boolean lists(int layer, FileResult result, Package pkg) {
    return resultsByPath.get(layer).getOrDefault(result.path(), List.of()).stream()
        .filter(f -> f.analyzer().equals(result.analyzer()))
        .flatMap(f -> f.packages().stream())
        .anyMatch(p -> p.ecosystem() == pkg.ecosystem() && p.name().equals(pkg.name())
            && p.version().equals(pkg.version()));
  }

  /** Whether layer {@code j} deletes a lower {@code path} other than by writing the path itself. */
  private boolean removes(int j, String path) {
    if (whiteouts.get(j).contains(path)) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String ancestor = path.substring(0, slash);
      if (whiteouts.get(j).contains(ancestor) || opaqueDirs.get(j).contains(ancestor)
          || layers.get(j).writes(ancestor)) {
        return true;
      }
    }
    return false;
  }
}
