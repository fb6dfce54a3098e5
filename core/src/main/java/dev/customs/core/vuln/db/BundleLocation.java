package dev.customs.core.vuln.db;

import java.nio.file.Path;
import java.util.Map;

/** Where the vulnerability database lives unless {@code --db} says otherwise. */
public final class BundleLocation {
  private BundleLocation() {}

  /** {@code $XDG_CACHE_HOME/customs/db/customs.db}, else {@code ~/.cache/customs/db/customs.db}. */
  public static Path defaultPath(Map<String, String> env, String userHome) {
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(userHome, ".cache");
    return base.resolve("customs").resolve("db").resolve("customs.db");
  }

  /** The default for this process's environment. */
  public static Path defaultPath() {
    return defaultPath(System.getenv(), System.getProperty("user.home"));
  }
}
