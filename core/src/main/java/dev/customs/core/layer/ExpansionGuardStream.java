package dev.customs.core.layer;

import dev.customs.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The uncompressed tar stream of one layer: counts what it expands to (so a decompression bomb
 * stops at the limit, whatever the tar headers claim) and, when asked, hashes it for the diffID.
 */
final class ExpansionGuardStream extends InputStream {
  private final InputStream in;
  private final String layer;
  private final long maxBytes;
  private final MessageDigest digest;
  private final byte[] skipBuffer = new byte[64 * 1024];
  private long count;

  /** {@code digest} may be null when the diffID is not verified. */
  ExpansionGuardStream(InputStream in, String layer, long maxBytes, MessageDigest digest) {
    this.in = in;
    this.layer = layer;
    this.maxBytes = maxBytes;
    this.digest = digest;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        throw new LayerFormatException("layer " + layer + " expands past " + ByteSizes.format(maxBytes)
            + ": decompression bomb? (limit maxLayerSize)");
      }
      if (digest != null) {
        digest.update(b, off, n);
      }
    }
    return n;
  }

  /** Skipping still reads: the bytes count towards the limit and the diffID. */
  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  /** How many uncompressed bytes have been read. */
  long count() {
    return count;
  }

  /** The sha256 of everything read so far (call once, at the end). */
  Digest digest() {
    return new Digest("sha256", HexFormat.of().formatHex(digest.digest()));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
