package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.CliRun;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code customs scan --timeout}: a scan that takes too long is abandoned with exit code 3. */
class ScanTimeoutTest {
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  private static CliRun scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--db", TestVulnData.sharedBundle().toString(), "--no-cache"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  @Test
  void aRegistryThatStallsMidLayerIsAbandonedAtTheTimeoutNotAtTheReadTimeout() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start(); StallingProxy proxy = new StallingProxy(registry.url())) {
      registry.push(TestData.testdata("images/debian12.oci.tar"), "debian12", "fixtures/debian12:12");

      long start = System.nanoTime();
      CliRun run = scan(proxy.host() + "/fixtures/debian12:12", "--timeout", "3s", "--registry-timeout", "120");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.TIMED_OUT);
      assertThat(run.err()).contains("customs scan: timed out after 3s while reading its 2 layers; the scan was "
          + "abandoned (allow more time with --timeout, e.g. --timeout 9s)").doesNotContain("Exception");
      assertThat(run.out()).isEmpty();
      assertThat(proxy.stalledBlobs()).isPositive();
      // The registry read timeout (120 s) never fired: the deadline plus the unwinding grace did.
      assertThat(took).isLessThan(Duration.ofSeconds(3).plus(ScanDeadline.GRACE));
    }
  }

  @Test
  void anAbandonedScanLeavesNoTemporaryFiles() throws Exception {
    // A gzip archive is decompressed into a temporary file first; 39 MB take longer than 300 ms.
    Set<Path> before = archiveTemps();
    AtomicBoolean seen = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    Thread watcher = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        if (!difference(archiveTemps(), before).isEmpty()) {
          seen.set(true);
        }
        Thread.onSpinWait();
      }
    });

    CliRun run = scan("--input", TestData.testdata("images/debian12.docker.tar.gz").toString(), "--timeout", "300ms");
    done.set(true);
    watcher.join();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(run.err()).contains("customs scan: timed out after 300ms while opening the image");
    assertThat(seen).as("the archive was being decompressed when the timeout struck").isTrue();
    assertThat(difference(archiveTemps(), before)).isEmpty();
  }

  @Test
  void aScanWithinItsTimeoutIsUnaffected() {
    CliRun run = scan("--input", TestData.testdata("images/alpine-3.20.3.oci.tar").toString(), "--timeout", "2m",
        "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("CVE-2024-9143");
  }

  @Test
  void aMalformedTimeoutIsAUsageError() {
    CliRun run = scan("--input", TestData.testdata("images/alpine-3.20.3.oci.tar").toString(), "--timeout", "5");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--timeout").contains("\"5\" is not a duration (expected e.g. 30s, 5m, 1h30m)");
  }

  private static Set<Path> archiveTemps() {
    try (Stream<Path> files = Files.list(TMP)) {
      return new HashSet<>(files.filter(f -> f.getFileName().toString().startsWith("customs-archive-")).toList());
    } catch (IOException e) {
      return Set.of();
    }
  }

  private static Set<Path> difference(Set<Path> after, Set<Path> before) {
    Set<Path> added = new HashSet<>(after);
    added.removeAll(before);
    return added;
  }
}
