package dev.customs.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  private static byte[] random(int size) {
    byte[] data = new byte[size];
    new Random(42).nextBytes(data);
    return data;
  }

  @Test
  void passesEveryByteThroughInOrder() throws IOException {
    byte[] data = random(1_000_003); // not a multiple of the chunk size
    try (InputStream in = ReadAheadInputStream.start(new ByteArrayInputStream(data), 4096, 3, "test")) {
      assertThat(in.readAllBytes()).isEqualTo(data);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void anEmptySourceEndsAtOnce() throws IOException {
    try (InputStream in = ReadAheadInputStream.start(InputStream.nullInputStream(), 4096, 2, "test")) {
      assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
    }
  }

  @Test
  void whatTheSourceThrowsReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
    byte[] data = random(10_000);
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(data), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new LayerFormatException("corrupt gzip");
      }
    });
    try (InputStream in = ReadAheadInputStream.start(failing, 4096, 2, "test")) {
      assertThat(in.readNBytes(data.length)).isEqualTo(data);
      assertThatThrownBy(in::read).isInstanceOf(LayerFormatException.class).hasMessage("corrupt gzip");
    }
  }

  @Test
  void aRuntimeFailureOfTheSourceIsRethrownAsItIs() throws IOException {
    InputStream failing = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("bug in a decompressor");
      }
    };
    try (InputStream in = ReadAheadInputStream.start(failing, 4096, 2, "test")) {
      assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class).hasMessage("bug in a decompressor");
    }
  }

  @Test
  void readsNoFurtherAheadThanItsBuffersAndStopsWhenClosed() throws Exception {
    AtomicLong served = new AtomicLong();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served.incrementAndGet();
        return 7;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        served.addAndGet(len);
        return len;
      }
    };
    InputStream in = ReadAheadInputStream.start(endless, 1024, 4, "test");
    assertThat(in.read()).isEqualTo(0); // the anonymous stream fills arrays with zeros
    Thread.sleep(200);
    assertThat(served.get()).isLessThanOrEqualTo(5 * 1024);
    in.close();
    long atClose = served.get();
    Thread.sleep(100);
    assertThat(served.get()).isEqualTo(atClose);
  }
}
