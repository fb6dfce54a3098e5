package dev.customs.testkit;

import dev.customs.core.vuln.db.BundleBuilder;
import dev.customs.core.vuln.db.FeedSpec;
import dev.customs.core.vuln.feed.Feeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The real vulnerability records of {@code shared/testdata/vulndata}, as feeds and as one built bundle. */
public final class TestVulnData {
  private static Path shared;

  private TestVulnData() {}

  /** Every feed kind pointed at its folder of the shared test data. */
  public static List<FeedSpec> allFeeds() {
    return List.of(
        spec("osv", "osv"),
        spec("osv", "debian/osv"),
        spec("debian-tracker", "debian/security-tracker-json"),
        spec("alpine-secdb", "alpine-secdb"),
        spec("rubysec", "rubysec"),
        spec("nvd", "nvd"),
        spec("kev", "kev"),
        spec("epss", "epss"));
  }

  private static FeedSpec spec(String kind, String folder) {
    return new FeedSpec(kind, TestData.testdata("vulndata/" + folder).toString());
  }

  /**
   * A bundle of all feeds, built once per test JVM (a few seconds) into a temporary directory that
   * is removed when the JVM exits. Tests only read it.
   */
  public static synchronized Path sharedBundle() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("customs-vulndata-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        shared = new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(allFeeds(), dir.resolve("customs.db")).bundle();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (Exception e) {
        throw new IllegalStateException("cannot build the test bundle: " + e.getMessage(), e);
      }
    }
    return shared;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
