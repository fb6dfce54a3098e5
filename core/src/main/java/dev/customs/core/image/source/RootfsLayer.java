package dev.customs.core.image.source;

import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerEntry;
import dev.customs.core.layer.LayerEntryVisitor;
import dev.customs.core.layer.LayerFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A root filesystem directory presented as one layer. Its entries come from walking the
 * directory in name order; symlinks are reported with their target and never followed, so the
 * walk cannot leave the directory. {@code .wh.} files are ordinary files here: a directory is a
 * finished filesystem, not a layer diff. There is no blob (the descriptor's digests are
 * synthetic), and results are never cached because the directory can change at any time.
 */
final class RootfsLayer implements Layer {
  private final Path root;
  private final LayerDescriptor descriptor;

  RootfsLayer(Path root, LayerDescriptor descriptor) {
    this.root = root;
    this.descriptor = descriptor;
  }

  @Override
  public LayerDescriptor descriptor() {
    return descriptor;
  }

  /** A live directory has no tar blob whose digest could be verified; read it with readEntries. */
  @Override
  public InputStream openBlob() throws IOException {
    throw new IOException(root + " is a directory, not a layer blob; read it with readEntries");
  }

  @Override
  public boolean cacheable() {
    return false;
  }

  @Override
  public void readEntries(ExtractionLimits limits, LayerEntryVisitor visitor) throws IOException {
    walk(root, "", new long[2], limits, visitor);
  }

  /** {@code totals} holds the entry count and the bytes seen so far. */
  private void walk(Path dir, String prefix, long[] totals, ExtractionLimits limits, LayerEntryVisitor visitor)
      throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    } catch (IOException e) {
      throw new LayerFormatException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    for (Path child : children) {
      String path = prefix + child.getFileName();
      LayerEntry entry = entry(child, path);
      totals[0]++;
      totals[1] += entry.size();
      checkLimits(entry, totals, limits);
      try (InputStream content = entry.isFile() ? new LazyFileInputStream(child) : InputStream.nullInputStream()) {
        visitor.visit(entry, content);
      }
      if (entry.type() == EntryType.DIRECTORY) {
        walk(child, path + "/", totals, limits, visitor);
      }
    }
  }

  private void checkLimits(LayerEntry entry, long[] totals, ExtractionLimits limits) throws LayerFormatException {
    if (totals[0] > limits.maxEntries()) {
      throw new LayerFormatException(root + " has more than " + limits.maxEntries() + " entries (limit maxEntries)");
    }
    if (entry.size() > limits.maxEntrySize()) {
      throw new LayerFormatException(root + ": " + entry.path() + " is " + entry.size()
          + " bytes, over the limit of " + limits.maxEntrySize() + " per entry (limit maxEntrySize)");
    }
    if (totals[1] > limits.maxLayerSize()) {
      throw new LayerFormatException(root + " holds more than " + limits.maxLayerSize()
          + " bytes (limit maxLayerSize)");
    }
  }

  private static LayerEntry entry(Path file, String path) throws IOException {
    BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Map<String, Object> unix = unixAttributes(file);
    int mode = ((Integer) unix.getOrDefault("mode", basic.isDirectory() ? 0755 : 0644)) & 07777;
    long uid = ((Integer) unix.getOrDefault("uid", 0)).longValue();
    long gid = ((Integer) unix.getOrDefault("gid", 0)).longValue();
    if (basic.isSymbolicLink()) {
      return new LayerEntry(path, EntryType.SYMLINK, 0, mode, uid, gid,
          Optional.of(Files.readSymbolicLink(file).toString()));
    }
    EntryType type = basic.isDirectory() ? EntryType.DIRECTORY
        : basic.isRegularFile() ? EntryType.FILE : EntryType.OTHER;
    return new LayerEntry(path, type, type == EntryType.FILE ? basic.size() : 0, mode, uid, gid, Optional.empty());
  }

  /** Owner and permission bits where the platform has them (Linux, macOS); empty elsewhere. */
  private static Map<String, Object> unixAttributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Map.of();
    }
  }
}
