package dev.customs.core.layer;

import dev.customs.core.image.BlobVerificationException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content handed to a visitor: bounded to the current entry (the tar stream already ends at
 * the entry's end), not closable (closing would end the whole layer), and dead once the visit
 * returns, so a visitor that keeps it cannot read into later entries. One instance serves every
 * entry of a layer to avoid an allocation per entry.
 */
final class EntryContentStream extends InputStream {
  private final InputStream tar;
  private final String layer;
  private final String format;
  private String path;
  private boolean live;

  EntryContentStream(InputStream tar, String layer, String format) {
    this.tar = tar;
    this.layer = layer;
    this.format = format;
  }

  /** Makes the stream serve the current entry ({@code hasContent}) or nothing. */
  void open(String entryPath, boolean hasContent) {
    this.path = entryPath;
    this.live = hasContent;
  }

  void end() {
    live = false;
  }

  @Override
  public int read() throws IOException {
    if (!live) {
      return -1;
    }
    try {
      return tar.read();
    } catch (LayerFormatException | BlobVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!live) {
      return -1;
    }
    try {
      return tar.read(b, off, len);
    } catch (LayerFormatException | BlobVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    return live ? super.skip(n) : 0;
  }

  @Override
  public int available() throws IOException {
    return live ? tar.available() : 0;
  }

  /** Closing is a no-op: the next entry follows in the same stream. */
  @Override
  public void close() {
    // deliberately nothing: the layer stream belongs to the reader
  }

  private LayerFormatException failure(IOException e) {
    return new LayerFormatException("layer " + layer + " is not a readable " + format
        + " (corrupt or truncated) at entry " + path + ": " + e.getMessage(), e);
  }
}
