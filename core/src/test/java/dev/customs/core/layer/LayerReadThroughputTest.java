package dev.customs.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.image.Image;
import dev.customs.core.image.Layer;
import dev.customs.core.image.source.OciArchiveSource;
import dev.customs.core.image.source.SourceOptions;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how fast every layer of debian12-app is read from the OCI archive (MB/s of uncompressed
 * tar), with and without diffID verification, next to {@code gzip -dc} of the biggest layer. A
 * figure to watch, not an assertion: timings on shared build machines are too noisy for one. CPU
 * time is printed beside wall time because it says more on a loaded machine.
 */
class LayerReadThroughputTest {
  private static final int ROUNDS = 2;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @TempDir
  Path temp;

  @Test
  void measuresReadingDebianLayers() throws Exception {
    try (Image image = new OciArchiveSource(TestData.testdata("images/debian12.oci.tar"))
        .open(SourceOptions.DEFAULT.withSelector("debian12-app"))) {
      long tarBytes = uncompressedSize(image);
      for (boolean verify : new boolean[] {true, false}) {
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
          long start = System.nanoTime();
          long startCpu = THREADS.getCurrentThreadCpuTime();
          long entries = readAll(image, verify);
          best = Math.min(best, System.nanoTime() - start);
          bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - startCpu);
          assertThat(entries).isGreaterThan(1000);
        }
        System.out.printf(Locale.ROOT,
            "LayerReader, diffID check %s: %d MB uncompressed, wall %.0f ms = %.0f MB/s, cpu %.0f ms = %.0f MB/s%n",
            verify ? "on " : "off", tarBytes / 1_000_000, best / 1e6, tarBytes / 1e6 / (best / 1e9),
            bestCpu / 1e6, tarBytes / 1e6 / (bestCpu / 1e9));
      }
      gzipBaseline(image.layers().get(0));
    }
  }

  private static long readAll(Image image, boolean verify) throws IOException {
    AtomicLong entries = new AtomicLong();
    LayerReader reader = new LayerReader(ExtractionLimits.DEFAULT, verify);
    for (Layer layer : image.layers()) {
      try (InputStream blob = layer.openBlob()) {
        reader.read(layer.descriptor(), blob, (e, c) -> entries.incrementAndGet());
      }
    }
    return entries.get();
  }

  private static long uncompressedSize(Image image) throws IOException {
    long total = 0;
    for (Layer layer : image.layers()) {
      try (InputStream in = Compression.GZIP.decompress(layer.openBlob())) {
        total += in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return total;
  }

  /** The same biggest layer through {@code gzip -dc > /dev/null}, from a file, as a reference. */
  private void gzipBaseline(Layer layer) throws Exception {
    Path blob = temp.resolve("layer.gz");
    try (InputStream in = layer.openBlob()) {
      Files.copy(in, blob);
    }
    long best = Long.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      // bash's time builtin reports the child's user+system CPU seconds on stderr
      Process p = new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time gzip -dc \"$0\" > /dev/null",
          blob.toString()).start();
      String[] cpu = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .trim().split(" ");
      assertThat(p.waitFor()).isZero();
      best = Math.min(best, System.nanoTime() - start);
      bestCpu = Math.min(bestCpu, Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1]));
    }
    long size;
    try (InputStream in = Compression.GZIP.decompress(Files.newInputStream(blob))) {
      size = in.transferTo(OutputStream.nullOutputStream());
    }
    System.out.printf(Locale.ROOT, "gzip -dc of layer 1: %d MB, wall %.0f ms = %.0f MB/s, cpu %.0f ms = %.0f MB/s%n",
        size / 1_000_000, best / 1e6, size / 1e6 / (best / 1e9), bestCpu * 1e3, size / 1e6 / bestCpu);
  }
}
