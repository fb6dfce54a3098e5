package dev.customs.core.layer;

import dev.customs.core.image.BlobVerificationException;
import dev.customs.core.image.Digest;
import dev.customs.core.image.LayerDescriptor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a layer blob (gzip, zstd or plain tar) as a stream of normalized {@link LayerEntry
 * entries}, enforcing {@link ExtractionLimits}. Nothing is written to disk.
 *
 * <p><b>Compression.</b> The first bytes decide: docker-archive layers are plain tars whatever
 * media type a manifest gives them, so the magic wins over the media type.
 *
 * <p><b>Paths.</b> Leading {@code /} and {@code ./} are stripped and {@code .}/{@code ..}
 * resolved lexically (see {@link SafePath}). An entry, or a hard-link target, whose {@code ..}
 * climbs above the root fails the layer with a {@link LayerFormatException} naming it: only a
 * crafted archive contains one, and reporting it is safer than guessing where it belongs.
 * Symlinks are reported with their target as written and are never followed.
 *
 * <p><b>Whiteouts.</b> {@code dir/.wh.name} becomes a {@link EntryType#WHITEOUT} for
 * {@code dir/name}; {@code dir/.wh..wh..opq} an {@link EntryType#OPAQUE_WHITEOUT} for {@code dir}
 * (for an opaque root the path is empty, the one entry with an empty path). Other
 * {@code .wh..wh.} names are aufs bookkeeping and are skipped, as Docker skips them.
 *
 * <p><b>Threads.</b> A compressed layer is decompressed on a thread of its own, a little ahead of
 * the tar reader ({@link ReadAheadInputStream}), so both halves of the work run at once.
 *
 * <p><b>diffID.</b> When verification is on, the uncompressed stream is hashed as it is read and
 * compared with the descriptor's diffID at the end: the config's diff_ids key the analysis
 * cache, so a layer that does not match them must not be cached under them.
 */
public final class LayerReader {
  private static final int BUFFER = 128 * 1024;
  /** Decompression runs ahead of the tar reader by up to 8 chunks of 256 KiB (2 MiB per layer). */
  private static final int READ_AHEAD_CHUNK = 256 * 1024;
  private static final int READ_AHEAD_CHUNKS = 8;
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final ExtractionLimits limits;
  private final boolean verifyDiffId;

  /** A reader that verifies diffIDs. */
  public LayerReader(ExtractionLimits limits) {
    this(limits, true);
  }

  public LayerReader(ExtractionLimits limits, boolean verifyDiffId) {
    this.limits = limits;
    this.verifyDiffId = verifyDiffId;
  }

  /**
   * Streams every entry of {@code blob} to {@code visitor}, then reads the blob to its end (so a
   * verifying blob stream can check its digest). Exceptions thrown by the visitor, and a
   * {@link BlobVerificationException} from the blob stream, pass through unchanged.
   *
   * @throws LayerFormatException when the blob is corrupt, truncated, hostile, over a limit or
   *     does not match its diffID; the message names the layer
   */
  public void read(LayerDescriptor layer, InputStream blob, LayerEntryVisitor visitor) throws IOException {
    readCounting(layer, blob, visitor);
  }

  /**
   * Reads the whole layer, checking it as {@link #read} does, and says what it holds: how to learn
   * a layer's uncompressed size, which no manifest or config records.
   */
  public LayerStats measure(LayerDescriptor layer, InputStream blob) throws IOException {
    return readCounting(layer, blob, (entry, content) -> { });
  }

  private LayerStats readCounting(LayerDescriptor layer, InputStream blob, LayerEntryVisitor visitor)
      throws IOException {
    String name = layer.digest().toString();
    BufferedInputStream raw = new BufferedInputStream(blob, BUFFER);
    Compression compression = sniff(raw, name);
    String format = describe(compression, layer.mediaType());
    InputStream decompressed = open(compression, raw, name, format);
    ReadAheadInputStream ahead = compression == Compression.NONE ? null
        : ReadAheadInputStream.start(decompressed, READ_AHEAD_CHUNK, READ_AHEAD_CHUNKS, name);
    try {
      return readTar(layer, raw, ahead == null ? decompressed : ahead, name, format, visitor);
    } finally {
      if (ahead != null) {
        ahead.close();
      }
    }
  }

  private LayerStats readTar(LayerDescriptor layer, InputStream raw, InputStream decompressed, String name,
      String format, LayerEntryVisitor visitor) throws IOException {
    ExpansionGuardStream expanded = new ExpansionGuardStream(decompressed, name,
        limits.maxLayerSize(), verifyDiffId ? layer.diffId().newMessageDigest() : null);
    InputStream buffered = new BufferedInputStream(expanded, BUFFER);
    TarArchiveInputStream tar = new TarArchiveInputStream(buffered);
    EntryContentStream content = new EntryContentStream(tar, name, format);
    byte[] skipBuffer = new byte[BUFFER];
    long entries = 0;
    for (TarArchiveEntry e; (e = next(tar, skipBuffer, name, format)) != null; ) {
      if (++entries > limits.maxEntries()) {
        throw new LayerFormatException("layer " + name + " has more than " + limits.maxEntries()
            + " entries (limit maxEntries)");
      }
      LayerEntry entry = toEntry(e, name);
      if (entry == null) {
        continue;
      }
      content.open(entry.path(), entry.isFile());
      try {
        visitor.visit(entry, content);
      } finally {
        content.end();
      }
    }
    drain(buffered, name, format);
    drain(raw, name, format);
    if (verifyDiffId) {
      verify(layer, expanded.digest());
    }
    return new LayerStats(entries, expanded.count());
  }

  private static Compression sniff(BufferedInputStream raw, String layer) throws IOException {
    byte[] magic = new byte[Compression.MAGIC_LENGTH];
    raw.mark(magic.length);
    int n = raw.readNBytes(magic, 0, magic.length);
    raw.reset();
    if (n == 0) {
      throw new LayerFormatException("layer " + layer + " is empty (0 bytes)");
    }
    return Compression.detect(magic, n);
  }

  /**
   * The format for error messages. The magic decides how a layer is read; the media type's
   * differing claim is only worth mentioning when the layer then turns out unreadable.
   */
  private static String describe(Compression actual, String mediaType) {
    return Compression.fromMediaType(mediaType).filter(claimed -> claimed != actual)
        .map(claimed -> actual.label() + " (its media type " + mediaType + " says " + claimed.label() + ")")
        .orElse(actual.label());
  }

  private static InputStream open(Compression compression, InputStream raw, String layer, String format)
      throws IOException {
    try {
      return compression.decompress(raw);
    } catch (LayerFormatException | BlobVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw corrupt(layer, format, e);
    }
  }

  /**
   * The next entry, after reading what the visitor left of the current one into {@code skipBuffer}:
   * commons-compress skips it through commons-io in 8 KiB steps with a new array for each step,
   * which showed up in profiles of the Debian layers.
   */
  private static TarArchiveEntry next(TarArchiveInputStream tar, byte[] skipBuffer, String layer, String format)
      throws IOException {
    try {
      if (tar.getCurrentEntry() != null) {
        while (tar.read(skipBuffer, 0, skipBuffer.length) >= 0) {
          // the rest of the current entry: the guard stream below counts and hashes it
        }
      }
      return tar.getNextEntry();
    } catch (LayerFormatException | BlobVerificationException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      // commons-compress reports some malformed headers (bad numbers, bad PAX) as unchecked
      throw corrupt(layer, format, e);
    }
  }

  private static void drain(InputStream in, String layer, String format) throws IOException {
    try {
      in.skip(Long.MAX_VALUE);
      while (in.read() >= 0) {
        in.skip(Long.MAX_VALUE);
      }
    } catch (LayerFormatException | BlobVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw corrupt(layer, format, e);
    }
  }

  private static LayerFormatException corrupt(String layer, String format, Exception e) {
    return new LayerFormatException("layer " + layer + " is not a readable " + format
        + " (corrupt or truncated): " + e.getMessage(), e);
  }

  private static void verify(LayerDescriptor layer, Digest actual) throws LayerFormatException {
    if (!actual.equals(layer.diffId())) {
      throw new LayerFormatException("layer " + layer.digest() + " uncompresses to " + actual
          + ", not to the diffID " + layer.diffId() + " the image config declares");
    }
  }

  /** The normalized entry, or null for entries that are skipped (the root, aufs metadata). */
  private LayerEntry toEntry(TarArchiveEntry e, String layer) throws LayerFormatException {
    String path = normalized(e.getName(), layer, "entry");
    EntryType type = typeOf(e);
    if (type == EntryType.FILE && e.getSize() > limits.maxEntrySize()) {
      throw new LayerFormatException("layer " + layer + ": entry " + path + " is "
          + ByteSizes.format(e.getSize()) + ", over the limit of " + ByteSizes.format(limits.maxEntrySize())
          + " per entry (limit maxEntrySize): decompression bomb?");
    }
    int slash = path.lastIndexOf('/');
    String fileName = path.substring(slash + 1);
    if (fileName.startsWith(WHITEOUT)) {
      return whiteout(path, slash, fileName, e, layer);
    }
    if (path.isEmpty()) {
      return null;
    }
    Optional<String> link = switch (type) {
      case SYMLINK -> Optional.of(e.getLinkName());
      case HARDLINK -> Optional.of(normalized(e.getLinkName(), layer, "hard link target of " + path));
      default -> Optional.empty();
    };
    return new LayerEntry(path, type, type == EntryType.FILE ? e.getSize() : 0, e.getMode() & 07777,
        e.getLongUserId(), e.getLongGroupId(), link);
  }

  private static LayerEntry whiteout(String path, int slash, String fileName, TarArchiveEntry e, String layer)
      throws LayerFormatException {
    String dir = slash < 0 ? "" : path.substring(0, slash);
    if (fileName.equals(OPAQUE)) {
      return new LayerEntry(dir, EntryType.OPAQUE_WHITEOUT, 0, e.getMode() & 07777,
          e.getLongUserId(), e.getLongGroupId(), Optional.empty());
    }
    if (fileName.startsWith(WHITEOUT + WHITEOUT)) {
      return null;
    }
    String deleted = fileName.substring(WHITEOUT.length());
    if (deleted.isEmpty() || deleted.equals(".") || deleted.equals("..")) {
      throw new LayerFormatException("layer " + layer + ": whiteout " + path + " names no file");
    }
    return new LayerEntry(dir.isEmpty() ? deleted : dir + "/" + deleted, EntryType.WHITEOUT, 0,
        e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), Optional.empty());
  }

  private static String normalized(String raw, String layer, String what) throws LayerFormatException {
    return SafePath.fastNormalize(raw).orElseThrow(() -> new LayerFormatException(
        "layer " + layer + ": " + what + " \"" + raw + "\" points outside the image root (hostile archive?)"));
  }

  private static EntryType typeOf(TarArchiveEntry e) {
    if (e.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    if (e.isSymbolicLink()) {
      return EntryType.SYMLINK;
    }
    if (e.isLink()) {
      return EntryType.HARDLINK;
    }
    return e.isFile() ? EntryType.FILE : EntryType.OTHER;
  }
}
