package dev.customs.core.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a blob through while hashing it, and fails when the blob turns out not to be what its
 * descriptor says, with a {@link BlobVerificationException}: at its end when the digest or size
 * differs, and as soon as it runs past the expected size (so a hostile source cannot stream
 * forever). A failure of the underlying stream is rethrown naming the blob and how far it got,
 * since "connection reset" alone does not say which of many parallel downloads broke. A stream
 * closed before its end is not checked; readers that need the check read to the end, as
 * {@code LayerReader} does.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long expectedSize;
  private final String what;
  private final MessageDigest digest;
  private long count;
  private boolean verified;

  /**
   * @param expectedSize the size the descriptor gives, or -1 when unknown
   * @param what how to name the blob in an error, e.g. {@code "layer 2 of debian12.oci.tar"} or
   *     {@code "blob 127.0.0.1:5000/demo/app@sha256:…"}
   */
  public VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String what) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.what = what;
    this.digest = expected.newMessageDigest();
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = in.read();
    } catch (IOException e) {
      throw readFailed(e);
    }
    if (b < 0) {
      finish();
    } else {
      digest.update((byte) b);
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      throw readFailed(e);
    }
    if (n < 0) {
      finish();
    } else if (n > 0) {
      digest.update(b, off, n);
      counted(n);
    }
    return n;
  }

  /** Skipping reads too, since skipped bytes must be hashed. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // unsupported: a reset would hash bytes twice
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private IOException readFailed(IOException cause) {
    String of = expectedSize >= 0 ? " of " + expectedSize : "";
    return new IOException(what + ": reading failed after " + count + of + " bytes: " + cause.getMessage(), cause);
  }

  private void counted(int n) throws IOException {
    count += n;
    if (expectedSize >= 0 && count > expectedSize) {
      throw new BlobVerificationException(what + " (" + expected + ") is longer than the " + expectedSize
          + " bytes its descriptor declares");
    }
  }

  private void finish() throws IOException {
    if (verified) {
      return;
    }
    verified = true;
    if (expectedSize >= 0 && count != expectedSize) {
      throw new BlobVerificationException(what + " (" + expected + ") is " + count + " bytes, not the " + expectedSize
          + " bytes its descriptor declares (truncated?)");
    }
    Digest actual = new Digest(expected.algorithm(), HexFormat.of().formatHex(digest.digest()));
    if (!actual.equals(expected)) {
      throw new BlobVerificationException(what + " does not match its digest: expected " + expected + ", got " + actual);
    }
  }
}
