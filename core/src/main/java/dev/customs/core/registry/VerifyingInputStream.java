package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a blob through while hashing and counting it, and fails at the end of the stream (or as
 * soon as it grows past its size) when the content is not what the descriptor promised. Callers
 * must read to the end before trusting what they read.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long expectedSize;
  private final String name;
  private final MessageDigest md;
  private long count;
  private boolean verified;

  /**
   * @param expectedSize the size from the descriptor, or -1 when unknown
   * @param name how error messages name the blob, e.g. {@code 127.0.0.1:5000/demo/app@sha256:…}
   */
  public VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String name) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.name = name;
    this.md = expected.newMessageDigest();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = super.read(b, off, len);
    } catch (IOException e) {
      throw new IOException("blob " + name + ": reading failed after " + count + progress() + " bytes: "
          + e.getMessage(), e);
    }
    if (n < 0) {
      verifyAtEnd();
      return -1;
    }
    md.update(b, off, n);
    count += n;
    if (expectedSize >= 0 && count > expectedSize) {
      throw new IOException("blob " + name + " is larger than its declared size of " + expectedSize + " bytes");
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    int read = read(buf, 0, buf.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verifyAtEnd() throws IOException {
    if (verified) {
      return;
    }
    if (expectedSize >= 0 && count != expectedSize) {
      throw new IOException("blob " + name + " ended after " + count + " of " + expectedSize
          + " bytes (connection closed early or the registry stores a truncated blob)");
    }
    Digest actual = new Digest(expected.algorithm(), HexFormat.of().formatHex(md.digest()));
    if (!actual.equals(expected)) {
      throw new IOException("blob " + name + " does not match its digest: expected " + expected + ", got " + actual);
    }
    verified = true;
  }

  private String progress() {
    return expectedSize >= 0 ? " of " + expectedSize : "";
  }
}
