package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import java.util.Collections;
import java.util.List;

/**
 * The result of analyzing one layer on its own. It depends only on the layer's content and the
 * analyzers' versions ({@code analyzersKey}), which is what makes it cacheable by diffID.
 *
 * @param files what the analyzers found, per analyzed file (files where nothing was found are omitted)
 * @param paths every non-directory path the layer writes, sorted: the applier needs them to know
 *     which lower-layer files a layer replaces, even when no analyzer wanted the new file
 * @param whiteouts paths this layer deletes from lower layers
 * @param opaqueDirs directories whose lower-layer contents this layer deletes
 * @param privilegedFiles setuid/setgid files of this layer
 * @param users the accounts of the {@code etc/passwd} this layer writes, or null when it writes none
 * @param problems layer-level problems (the layer could not be read to its end, a file was too large)
 * @param complete whether the layer was read to its end; an incomplete result is never cached
 */
public record LayerAnalysis(Digest diffId, String analyzersKey, List<FileResult> files, List<String> paths,
    List<String> whiteouts, List<String> opaqueDirs, List<PrivilegedFile> privilegedFiles, List<UserAccount> users,
    List<AnalysisProblem> problems, boolean complete) {

  public LayerAnalysis {
    files = List.copyOf(files);
    paths = List.copyOf(paths);
    whiteouts = List.copyOf(whiteouts);
    opaqueDirs = List.copyOf(opaqueDirs);
    privilegedFiles = List.copyOf(privilegedFiles);
    users = users == null ? null : List.copyOf(users);
    problems = List.copyOf(problems);
  }

  /** Whether this layer writes a non-directory entry at {@code path} (binary search on sorted paths). */
  public boolean writes(String path) {
    return Collections.binarySearch(paths, path) >= 0;
  }
}
