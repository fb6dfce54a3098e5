package dev.customs.core.vuln.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/** Puts a verified bundle in place: rename, never write over the file readers may have open. */
final class BundleFiles {
  private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

  private BundleFiles() {}

  /** A fresh temporary name beside the target, on the same file system so that rename is atomic. */
  static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return dir.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /**
   * Deletes temporary files of {@code target} (bundle or sidecar) that a killed build or import left
   * behind. Only files untouched for a day go: a build in progress writes to its file all the time.
   */
  static void removeAbandonedTemporaries(Path target, Instant now) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    String prefix = target.getFileName() + ".";
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean temporary = name.startsWith(prefix) && name.matches(".*\\.tmp-[0-9a-f]{8}");
        if (temporary && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(ABANDONED_AFTER))) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * Moves {@code verified} to {@code target} and writes the sidecar, each by atomic rename. Readers
   * see the old bundle or the new one, never a partial file. A crash between the two renames leaves
   * a checksum that does not match, which readers refuse with a message, rather than a wrong answer.
   */
  static void publish(Path verified, String sha256, Path target) throws IOException {
    Path sidecar = BundleChecksum.sidecarOf(target);
    Path sidecarTemp = temporaryBeside(sidecar);
    Files.writeString(sidecarTemp, BundleChecksum.sidecarLine(sha256, target.getFileName().toString()),
        StandardCharsets.UTF_8);
    try {
      move(verified, target);
      move(sidecarTemp, sidecar);
    } finally {
      Files.deleteIfExists(sidecarTemp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically: " + e.getMessage(), e);
    }
  }
}
