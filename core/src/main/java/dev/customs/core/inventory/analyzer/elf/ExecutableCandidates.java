package dev.customs.core.inventory.analyzer.elf;

import dev.customs.core.layer.LayerEntry;
import java.util.List;
import java.util.Locale;

/**
 * Which layer entries may be compiled executables worth buffering. Only the entry's metadata is
 * known at that point, so the choice is by executable bit, size and path; the content (ELF magic)
 * is checked by the analyzer afterwards.
 */
public final class ExecutableCandidates {
  /** Smaller files are scripts or stubs, never a linked Go or Rust program. */
  public static final long MIN_SIZE = 4 * 1024;
  /**
   * The largest executable buffered. Real Go programs reach ~150 MiB (kubelet, terraform
   * providers); anything larger is refused rather than held in memory.
   */
  public static final long MAX_SIZE = 256L * 1024 * 1024;

  private static final List<String> NON_BINARY_DIRS = List.of(
      "usr/share/", "usr/include/", "etc/", "var/lib/dpkg/", "var/cache/", "proc/", "sys/");
  private static final List<String> SCRIPT_SUFFIXES = List.of(
      ".sh", ".py", ".pl", ".rb", ".js", ".txt", ".json", ".md", ".html", ".xml", ".jar");

  private ExecutableCandidates() {}

  public static boolean isCandidate(LayerEntry entry) {
    if (!entry.isFile() || (entry.mode() & 0111) == 0) {
      return false;
    }
    if (entry.size() < MIN_SIZE || entry.size() > MAX_SIZE) {
      return false;
    }
    String path = entry.path();
    if (NON_BINARY_DIRS.stream().anyMatch(path::startsWith)) {
      return false;
    }
    String name = entry.fileName().toLowerCase(Locale.ROOT);
    return SCRIPT_SUFFIXES.stream().noneMatch(name::endsWith);
  }
}
