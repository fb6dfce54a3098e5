package dev.customs.core.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** How a layer blob is compressed, as its media type claims and as its first bytes prove. */
public enum Compression {
  GZIP("gzip"),
  ZSTD("zstd"),
  NONE("uncompressed tar");

  /** Enough bytes to recognise every format above. */
  public static final int MAGIC_LENGTH = 4;

  private static final int BUFFER = 128 * 1024;

  private final String label;

  Compression(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * What a layer media type claims: {@code +gzip}/{@code .gzip} suffixes (OCI, Docker, their
   * foreign and non-distributable variants), {@code +zstd}, or a plain {@code .tar}/{@code tar}
   * suffix. Empty for media types that say nothing about compression.
   */
  public static Optional<Compression> fromMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    if (mediaType.endsWith("+gzip") || mediaType.endsWith(".gzip")) {
      return Optional.of(GZIP);
    }
    if (mediaType.endsWith("+zstd")) {
      return Optional.of(ZSTD);
    }
    if (mediaType.endsWith(".tar") || mediaType.endsWith("+tar")) {
      return Optional.of(NONE);
    }
    return Optional.empty();
  }

  /** What the first bytes are; anything not gzip or zstd is taken as tar and left to the tar reader. */
  public static Compression detect(byte[] magic, int length) {
    if (length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (length >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    return NONE;
  }

  /**
   * Wraps a stream of this compression in a decompressing one. The JDK's GZIPInputStream uses
   * native zlib and reads concatenated gzip members, as layers built by pigz sometimes are.
   */
  public InputStream decompress(InputStream in) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPInputStream(in, BUFFER);
      case ZSTD -> new BufferedInputStream(new ZstdInputStreamNoFinalizer(in), BUFFER);
      case NONE -> in;
    };
  }
}
