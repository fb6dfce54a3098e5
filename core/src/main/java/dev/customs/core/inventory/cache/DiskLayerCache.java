package dev.customs.core.inventory.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.inventory.LayerAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps layer results as gzip-compressed JSON files, one per diffID and analyzers key, in one
 * directory. Files are written to a temporary name and renamed into place, so a reader (another
 * process scanning the same base image) never sees half a file. An unreadable file is a miss and is
 * overwritten by the next {@link #put}.
 */
public final class DiskLayerCache implements LayerCache {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final Path dir;

  public DiskLayerCache(Path dir) {
    this.dir = dir;
  }

  /** {@code $XDG_CACHE_HOME/customs/layers}, else {@code ~/.cache/customs/layers}. */
  public static Path defaultDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("customs").resolve("layers");
  }

  public Path directory() {
    return dir;
  }

  /** The file holding one layer's result; the key is cut short because 64 bits already never collide here. */
  Path file(Digest diffId, String analyzersKey) {
    return dir.resolve(diffId.algorithm() + "-" + diffId.hex() + "-" + analyzersKey.substring(0, 16) + ".json.gz");
  }

  @Override
  public Optional<LayerAnalysis> get(Digest diffId, String analyzersKey) {
    Path file = file(diffId, analyzersKey);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      LayerAnalysis cached = JSON.readValue(in, LayerAnalysis.class);
      // The file name is only a short form of the key: check the full key before trusting the content.
      boolean matches = diffId.equals(cached.diffId()) && analyzersKey.equals(cached.analyzersKey());
      return matches ? Optional.of(cached) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // Missing, corrupt, or written by an incompatible build: a miss; the next put overwrites it.
      return Optional.empty();
    }
  }

  @Override
  public void put(LayerAnalysis analysis) {
    if (!analysis.complete()) {
      return;
    }
    Path target = file(analysis.diffId(), analysis.analyzersKey());
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".layer-", ".tmp");
      try {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
          JSON.writeValue(out, analysis);
        }
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write layer cache file " + target + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
