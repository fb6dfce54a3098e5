package dev.customs.core.layer;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of the reader, so that decompressing a
 * layer and reading its tar (hashing, parsing, analyzing) use two processors instead of taking
 * turns on one: inflating the 30 MB Debian base layer is a third of its analysis.
 *
 * <p>At most {@code chunks} buffers are in flight, so memory stays bounded however far ahead the
 * source could run. What the source throws is rethrown to the reader unchanged, at the point where
 * the reader would have met it. {@link #close()} stops the reading thread and waits for it, but does
 * not close the source: whoever opened it closes it. The thread is never interrupted, because an
 * interrupt closes a {@code FileChannel} that other layers of the same archive may be reading.
 */
final class ReadAheadInputStream extends InputStream {
  private static final long WAIT_MILLIS = 50;

  /** A filled buffer, the end of the source, or what the source threw. */
  private record Chunk(byte[] data, int length, Throwable failure) {
    static final Chunk END = new Chunk(null, -1, null);
  }

  private final InputStream source;
  private final BlockingQueue<Chunk> filled;
  private final BlockingQueue<byte[]> free;
  private final Thread reader;
  private volatile boolean closed;
  private Chunk current;
  private int position;

  private ReadAheadInputStream(InputStream source, int chunkSize, int chunks, String name) {
    this.source = source;
    this.filled = new ArrayBlockingQueue<>(chunks + 1);
    this.free = new ArrayBlockingQueue<>(chunks);
    for (int i = 0; i < chunks; i++) {
      free.add(new byte[chunkSize]);
    }
    this.reader = Thread.ofPlatform().daemon().name("read-ahead " + name).unstarted(this::fill);
  }

  /** Starts reading {@code source} ahead; {@code name} names the thread (e.g. the layer digest). */
  static ReadAheadInputStream start(InputStream source, int chunkSize, int chunks, String name) {
    ReadAheadInputStream in = new ReadAheadInputStream(source, chunkSize, chunks, name);
    in.reader.start();
    return in;
  }

  /**
   * The reading thread. The queue of filled chunks has room for every buffer plus the last chunk,
   * so handing a chunk over never blocks, and the thread only ever waits for a free buffer.
   */
  private void fill() {
    try {
      while (!closed) {
        byte[] buffer = free.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (buffer != null && !fillChunk(buffer)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Fills one buffer and hands it over; false at the end of the source or after a failure. */
  private boolean fillChunk(byte[] buffer) {
    int n = 0;
    try {
      for (int r; n < buffer.length && (r = source.read(buffer, n, buffer.length - n)) >= 0; ) {
        n += r;
      }
    } catch (IOException | RuntimeException | Error e) {
      // Errors too: a reader waiting for a chunk that never comes would wait forever. The bytes
      // read before the failure go first, so the reader meets it where it would have.
      if (n > 0) {
        filled.add(new Chunk(buffer, n, null));
      }
      filled.add(new Chunk(null, -1, e));
      return false;
    }
    if (n > 0) {
      filled.add(new Chunk(buffer, n, null));
    }
    if (n < buffer.length) {
      filled.add(Chunk.END);
      return false;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (current == null || (current.data() != null && position == current.length())) {
      next();
    }
    if (current.failure() != null) {
      throw rethrown(current.failure());
    }
    if (current.data() == null) {
      return -1;
    }
    int n = Math.min(len, current.length() - position);
    System.arraycopy(current.data(), position, b, off, n);
    position += n;
    return n;
  }

  private void next() throws IOException {
    if (current != null && current.data() != null) {
      free.add(current.data());
    }
    try {
      current = filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading ahead", e);
    }
    position = 0;
  }

  private static IOException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return (IOException) failure;
  }

  @Override
  public int available() {
    return current == null || current.data() == null ? 0 : current.length() - position;
  }

  /** Stops the reading thread (after the read it is in) and waits for it; the source stays open. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the read-ahead thread", e);
    }
  }
}
