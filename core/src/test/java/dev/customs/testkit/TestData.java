package dev.customs.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test data ({@code ../shared/testdata} beside the project root) and tools
 * ({@code ../shared/tools}). {@code CUSTOMS_SHARED} overrides the location of {@code shared/}.
 */
public final class TestData {
  private TestData() {}

  /** The project root: the nearest directory upwards holding {@code mvnw}. */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the project root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
    }
    return dir;
  }

  public static Path shared() {
    String override = System.getenv("CUSTOMS_SHARED");
    Path shared = override != null ? Path.of(override) : projectRoot().resolveSibling("shared");
    if (!Files.isDirectory(shared.resolve("testdata"))) {
      throw new IllegalStateException("shared test data not found at " + shared + " (set CUSTOMS_SHARED)");
    }
    return shared;
  }

  /** A path under {@code shared/testdata}, e.g. {@code testdata("images/alpine-3.20.3.oci.tar")}. */
  public static Path testdata(String relative) {
    return shared().resolve("testdata").resolve(relative);
  }

  /** A script under {@code shared/tools}. */
  public static Path tool(String name) {
    return shared().resolve("tools").resolve(name);
  }
}
