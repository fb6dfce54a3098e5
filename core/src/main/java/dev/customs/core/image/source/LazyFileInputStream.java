package dev.customs.core.image.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's content that is only opened when first read: most entries of a directory walk are
 * offered to analyzers that do not want them, and opening each would cost a system call or two.
 */
final class LazyFileInputStream extends InputStream {
  private final Path file;
  private InputStream in;

  LazyFileInputStream(Path file) {
    this.file = file;
  }

  private InputStream in() throws IOException {
    if (in == null) {
      try {
        in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      } catch (IOException e) {
        throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return in;
  }

  @Override
  public int read() throws IOException {
    return in().read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in().read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    return in().skip(n);
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
