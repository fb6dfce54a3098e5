package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Downloads the blobs of many layers at once, at most {@code maxParallel} at a time, into files
 * named by digest, so that a scanner can overlap network and analysis. Each blob is verified
 * before its file appears; the first failure cancels the rest and is thrown.
 */
public final class BlobPrefetcher {
  private final int maxParallel;

  public BlobPrefetcher(int maxParallel) {
    if (maxParallel < 1) {
      throw new IllegalArgumentException("maxParallel must be at least 1");
    }
    this.maxParallel = maxParallel;
  }

  /** Returns the file of each layer's blob, by blob digest, in layer order; shared blobs once. */
  public Map<Digest, Path> download(List<Layer> layers, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<Digest, Layer> unique = new LinkedHashMap<>();
    layers.forEach(l -> unique.putIfAbsent(l.descriptor().digest(), l));
    Map<Digest, Future<Path>> pending = new LinkedHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxParallel, Math.max(1, unique.size())))) {
      unique.forEach((digest, layer) -> pending.put(digest, pool.submit(() -> fetch(layer, dir))));
      Map<Digest, Path> done = new LinkedHashMap<>();
      for (Map.Entry<Digest, Future<Path>> e : pending.entrySet()) {
        done.put(e.getKey(), await(e.getValue(), new ArrayList<>(pending.values())));
      }
      return done;
    }
  }

  private static Path fetch(Layer layer, Path dir) throws IOException {
    Digest digest = layer.descriptor().digest();
    Path target = dir.resolve(digest.algorithm() + "-" + digest.hex());
    Path partial = Files.createTempFile(dir, digest.shortHex(), ".part");
    try (InputStream in = layer.openBlob()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Path await(Future<Path> future, List<Future<Path>> all) throws IOException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      all.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("blob download failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      all.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading blobs", e);
    }
  }
}
