package dev.customs.core.image.source;

import dev.customs.core.layer.Compression;
import dev.customs.core.layer.SafePath;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An image archive (docker-archive or oci-archive) opened for random access: the member headers
 * are indexed once, then members are read straight from their offsets, never extracted.
 *
 * <p>A compressed archive ({@code docker save | gzip}) cannot be read at random offsets, so it is
 * decompressed once into a temporary file that {@link #close()} deletes. That costs one pass and
 * the uncompressed size on disk, and is still faster than re-reading the compressed stream for
 * each of the members an image needs, which come in no useful order.
 */
final class TarArchive implements Closeable {
  private static final int MAX_LINK_HOPS = 8;

  private final String name;
  private final Path file;
  private final boolean temporary;
  private final FileChannel channel;
  private final Map<String, TarArchiveEntry> members;

  private TarArchive(String name, Path file, boolean temporary) throws IOException {
    this.name = name;
    this.file = file;
    this.temporary = temporary;
    this.members = index(file, name);
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
  }

  /**
   * Opens {@code path}, decompressing a gzip or zstd archive into a temporary file first, but
   * never to more than {@code maxExpanded} bytes, so a compressed bomb cannot fill the disk.
   */
  static TarArchive open(Path path, long maxExpanded) throws IOException {
    String name = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new ImageSourceException(name + " is not a file");
    }
    Compression compression = compressionOf(path);
    if (compression == Compression.NONE) {
      return new TarArchive(name, path, false);
    }
    Path temp = Files.createTempFile("customs-archive-", ".tar");
    try {
      try (InputStream in = compression.decompress(new BufferedInputStream(Files.newInputStream(path), 1 << 17));
          OutputStream out = Files.newOutputStream(temp)) {
        copy(in, out, maxExpanded, name);
      } catch (ImageSourceException e) {
        throw e;
      } catch (IOException e) {
        throw new ImageSourceException(name + " is not a readable " + compression.label()
            + " archive (corrupt or truncated): " + e.getMessage(), e);
      }
      return new TarArchive(name, temp, true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void copy(InputStream in, OutputStream out, long max, String name) throws IOException {
    byte[] buffer = new byte[1 << 17];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > max) {
        throw new ImageSourceException(name + " expands past " + max + " bytes: decompression bomb? (limit maxLayerSize)");
      }
      out.write(buffer, 0, n);
    }
  }

  private static Compression compressionOf(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] magic = in.readNBytes(Compression.MAGIC_LENGTH);
      return Compression.detect(magic, magic.length);
    }
  }

  private static Map<String, TarArchiveEntry> index(Path file, String name) throws ImageSourceException {
    Map<String, TarArchiveEntry> members = new HashMap<>();
    try (TarFile tar = new TarFile(file)) {
      for (TarArchiveEntry e : tar.getEntries()) {
        SafePath.normalize(e.getName()).ifPresent(p -> members.put(p, e));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ImageSourceException(name + " is not a readable tar archive: " + e.getMessage(), e);
    }
    if (members.isEmpty()) {
      throw new ImageSourceException(name + " is not an image archive: it holds no files");
    }
    return members;
  }

  String name() {
    return name;
  }

  boolean has(String member) {
    return resolve(member).isPresent();
  }

  /** The size of a member (after following links), or -1 when it is absent. */
  long size(String member) {
    return resolve(member).map(TarArchiveEntry::getSize).orElse(-1L);
  }

  /** Opens a member, following symlinks and hard links inside the archive. */
  InputStream open(String member) throws ImageSourceException {
    TarArchiveEntry e = resolve(member).orElseThrow(() -> new ImageSourceException(
        name + " has no member " + member + " (or it is a link that leads nowhere)"));
    return new BufferedInputStream(new FileRegionInputStream(channel, e.getDataOffset(), e.getSize()), 1 << 16);
  }

  /** Reads a small member (manifest, config) whole, refusing ones larger than {@code max} bytes. */
  byte[] read(String member, int max) throws IOException {
    long size = size(member);
    if (size > max) {
      throw new ImageSourceException(name + ": " + member + " is " + size + " bytes, more than the "
          + max + " such a file may have");
    }
    try (InputStream in = open(member)) {
      return in.readAllBytes();
    }
  }

  private Optional<TarArchiveEntry> resolve(String member) {
    Optional<String> path = SafePath.normalize(member);
    for (int hop = 0; hop < MAX_LINK_HOPS && path.isPresent(); hop++) {
      TarArchiveEntry e = members.get(path.get());
      if (e == null || (!e.isSymbolicLink() && !e.isLink())) {
        return Optional.ofNullable(e).filter(TarArchiveEntry::isFile);
      }
      String target = e.getLinkName();
      // symlinks are relative to their directory; hard links name a member from the root
      String base = e.isSymbolicLink() && !target.startsWith("/") ? parent(path.get()) : "";
      path = SafePath.normalize(base + target);
    }
    return Optional.empty();
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      if (temporary) {
        Files.deleteIfExists(file);
      }
    }
  }
}
