package dev.customs.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.db.FeedMetadata;
import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.common.ClusterLeases;
import dev.customs.server.events.VulnerabilityDataChanged;
import dev.customs.server.feeds.FeedSyncRun.FeedOutcome;
import dev.customs.server.feeds.FeedSyncRun.Outcome;
import dev.customs.server.vulndata.VulnerabilityData;
import dev.customs.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Feed sync against feeds served over HTTP from a local server, with the real records of
 * shared/testdata/vulndata: OSV (Go, as osv.dev's all.zip), the NVD CVE API (paged), KEV and EPSS.
 * Each test is one replica with its own data directory, sharing the test database.
 */
@ServerTest
class FeedSyncTest extends ApiTestSupport {
  private static final String OSV = "/Go/all.zip";
  private static final String KEV = "/feeds/known_exploited_vulnerabilities.json";
  private static final String EPSS = "/epss/2021-04-14.json";

  @Autowired
  FeedSyncRepository runs;
  @Autowired
  ClusterLeases leases;
  @TempDir
  Path home;

  private final List<Object> events = new CopyOnWriteArrayList<>();
  private FeedServer feeds;
  private VulnerabilityData data;
  private FeedSync sync;
  private byte[] kev;
  private byte[] osvZip;

  @BeforeEach
  void feedsAreServed() throws Exception {
    feeds = new FeedServer();
    osvZip = zipOf(TestData.testdata("vulndata/osv/go"));
    feeds.put(OSV, osvZip);
    kev = Files.readAllBytes(TestData.testdata("vulndata/kev/known_exploited_vulnerabilities.json"));
    feeds.put(KEV, kev);
    feeds.put(EPSS, Files.readAllBytes(TestData.testdata("vulndata/epss/2021-04-14.json")));
    List<String> nvdPages = Stream.of("CVE-2024-3094.json", "CVE-2023-4863.json", "CVE-2018-1000500.json")
        .map(name -> read(TestData.testdata("vulndata/nvd/" + name))).toList();
    feeds.nvd(nvdPages, 0);
    data = replica();
    sync = sync(data, "replica-a");
  }

  @AfterEach
  void stop() {
    feeds.close();
  }

  @Test
  void aChangedFeedIsDownloadedAndBuiltAnUnchangedOneIsNot() throws Exception {
    FeedSyncRun first = sync.run("test").orElseThrow();

    assertThat(first.outcome()).as(first.error()).isEqualTo(Outcome.INSTALLED);
    assertThat(first.feeds()).extracting(FeedSyncRun.Feed::outcome).containsOnly(FeedOutcome.DOWNLOADED);
    assertThat(first.feeds()).extracting(FeedSyncRun.Feed::httpStatus).containsOnly(200);
    assertThat(first.feeds()).allSatisfy(f -> assertThat(f.records()).isPositive());
    BundleMetadata installed = data.metadata().orElseThrow();
    assertThat(installed.sha256()).isEqualTo(first.bundleSha256());
    assertThat(installed.feeds()).extracting(FeedMetadata::source)
        .containsExactly(feeds.url(OSV), feeds.url("/rest/json/cves/2.0"), feeds.url(KEV), feeds.url(EPSS));
    assertThat(installed.feeds().get(1).records()).as("NVD records, one per page").isEqualTo(3);
    assertThat(feeds.requests()).filteredOn(r -> r.contains("startIndex=")).hasSize(3);
    assertThat(events).singleElement().isInstanceOfSatisfying(VulnerabilityDataChanged.class,
        e -> assertThat(e.previous()).isNull());
    assertThat(runs.find(first.id())).contains(first);
    assertThat(runs.latest(5)).extracting(FeedSyncRun::id).contains(first.id());

    feeds.clearRequests();
    FeedSyncRun second = sync.run("test").orElseThrow();

    assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(second.feeds()).extracting(FeedSyncRun.Feed::outcome).containsOnly(FeedOutcome.NOT_MODIFIED);
    assertThat(feeds.requests()).containsExactlyInAnyOrder("304 " + OSV, "304 " + KEV, "304 " + EPSS,
        feeds.requests().stream().filter(r -> r.contains("lastModStartDate=")).findFirst().orElse("no NVD probe"));
    assertThat(data.metadata().orElseThrow().sha256()).isEqualTo(installed.sha256());
    assertThat(events).hasSize(1);

    // The KEV catalog gains nothing but loses its last entries: a different, still real catalog.
    String catalog = new String(kev, StandardCharsets.UTF_8);
    int cut = catalog.lastIndexOf("{\n", catalog.lastIndexOf("\"cveID\"", catalog.lastIndexOf("\"cveID\"") - 1));
    String shorter = catalog.substring(0, catalog.lastIndexOf(',', cut)) + "\n    ]\n}\n";
    feeds.put(KEV, shorter.getBytes(StandardCharsets.UTF_8));
    FeedSyncRun third = sync.run("test").orElseThrow();

    assertThat(third.outcome()).as(third.error()).isEqualTo(Outcome.INSTALLED);
    assertThat(third.feeds()).extracting(FeedSyncRun.Feed::outcome).containsExactly(FeedOutcome.NOT_MODIFIED,
        FeedOutcome.NOT_MODIFIED, FeedOutcome.DOWNLOADED, FeedOutcome.NOT_MODIFIED);
    assertThat(third.feeds().get(2).records()).isEqualTo(first.feeds().get(2).records() - 2);
    assertThat(third.bundleSha256()).isNotEqualTo(first.bundleSha256());
    assertThat(events).hasSize(2).last().isInstanceOfSatisfying(VulnerabilityDataChanged.class, e -> {
      assertThat(e.previous().sha256()).isEqualTo(first.bundleSha256());
      assertThat(e.current().sha256()).isEqualTo(third.bundleSha256());
    });
  }

  @Test
  void aBrokenFeedKeepsTheBundleAndRecordsTheError() throws Exception {
    String good = sync.run("test").orElseThrow().bundleSha256();
    events.clear();

    feeds.put(KEV, Arrays.copyOf(kev, 5000)); // cut off mid-catalog: not valid JSON
    FeedSyncRun malformed = assertFailed(sync.run("test").orElseThrow(), good, "kev", "gave no records");
    assertThat(malformed.feeds().get(2).outcome()).isEqualTo(FeedOutcome.FAILED);
    assertThat(malformed.feeds().get(2).httpStatus()).isEqualTo(200);
    assertThat(malformed.feeds().get(2).error()).contains("could not be built", "gave no records");
    assertThat(malformed.feeds().get(0).outcome()).isEqualTo(FeedOutcome.NOT_MODIFIED);

    feeds.put(KEV, kev);
    feeds.fail(OSV, 500);
    FeedSyncRun serverError = assertFailed(sync.run("test").orElseThrow(), good, "HTTP 500", OSV);
    assertThat(serverError.feeds().get(0).outcome()).isEqualTo(FeedOutcome.FAILED);
    assertThat(serverError.feeds().get(0).httpStatus()).isEqualTo(500);
    assertThat(serverError.feeds().get(2).outcome()).as("the good catalog is current").isEqualTo(
        FeedOutcome.NOT_MODIFIED);

    feeds.put(OSV, Arrays.copyOf(osvZip, osvZip.length / 2));
    assertFailed(sync.run("test").orElseThrow(), good, "cannot read zip archive");

    feeds.put(OSV, osvZip);
    FeedSyncRun repaired = sync.run("test").orElseThrow();
    assertThat(repaired.outcome()).as("the kept copies are the good ones: %s", repaired).isEqualTo(Outcome.UNCHANGED);
    assertThat(events).isEmpty();
  }

  @Test
  void aBundleUploadedMeanwhileIsReplacedByTheSyncedOne() throws Exception {
    String synced = sync.run("test").orElseThrow().bundleSha256();
    String uploaded = data.install(dev.customs.testkit.TestVulnData.sharedBundle()).sha256();
    assertThat(uploaded).isNotEqualTo(synced);

    FeedSyncRun run = sync.run("test").orElseThrow();

    assertThat(run.outcome()).isEqualTo(Outcome.INSTALLED);
    assertThat(run.feeds()).extracting(FeedSyncRun.Feed::outcome).containsOnly(FeedOutcome.NOT_MODIFIED);
    assertThat(data.metadata().orElseThrow().feeds()).extracting(FeedMetadata::source).contains(feeds.url(KEV));
    assertThat(sync.run("test").orElseThrow().outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void oneReplicaSyncsTheOthersLoadItsBundle() throws Exception {
    Instant now = Instant.now();
    assertThat(leases.tryTake(FeedSync.LEASE, "replica-b", now, now.plusSeconds(60))).isTrue();
    try {
      assertThat(sync.run("test")).as("replica-b holds the sync").isEmpty();
      assertThat(sync.running()).isTrue();
    } finally {
      leases.release(FeedSync.LEASE, "replica-b");
    }

    VulnerabilityData other = replica();
    assertThat(other.metadata()).isEmpty();
    FeedSyncRun run = sync.run("test").orElseThrow();
    assertThat(leases.heldBy(FeedSync.LEASE, Instant.now())).as("given back").isEmpty();

    assertThat(other.reloadIfChanged()).isTrue();
    assertThat(other.metadata().orElseThrow().sha256()).isEqualTo(run.bundleSha256());
  }

  @Test
  void anUnchangedNvdIsAskedForChangesOnlyAndAChangedOneIsDownloadedAgain() throws Exception {
    sync.run("test").orElseThrow();
    feeds.nvd(Stream.of("CVE-2024-3094.json", "CVE-2023-4863.json")
        .map(name -> read(TestData.testdata("vulndata/nvd/" + name))).toList(), 1);
    feeds.clearRequests();

    FeedSyncRun run = sync.run("test").orElseThrow();

    assertThat(run.outcome()).as(run.error()).isEqualTo(Outcome.INSTALLED);
    assertThat(run.feeds().get(1).outcome()).isEqualTo(FeedOutcome.DOWNLOADED);
    assertThat(run.feeds().get(1).records()).isEqualTo(2);
    assertThat(feeds.requests()).filteredOn(r -> r.contains("/rest/json/cves/2.0")).first().asString()
        .contains("lastModStartDate=", "lastModEndDate=");
  }

  private FeedSyncRun assertFailed(FeedSyncRun run, String keptSha256, String... errorParts) {
    assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(run.error()).contains(errorParts).contains("the bundle in use was kept");
    assertThat(run.bundleSha256()).isNull();
    assertThat(data.metadata().orElseThrow().sha256()).isEqualTo(keptSha256);
    assertThat(runs.find(run.id()).orElseThrow().error()).isEqualTo(run.error());
    assertThat(events).isEmpty();
    return run;
  }

  private VulnerabilityData replica() {
    return new VulnerabilityData(null, home.resolve("vulndb/customs.db").toString(), events::add);
  }

  private FeedSync sync(VulnerabilityData replica, String name) {
    FeedSyncProperties properties = new FeedSyncProperties("-", List.of("osv=" + feeds.url(OSV),
        "nvd=" + feeds.url("/rest/json/cves/2.0"), "kev=" + feeds.url(KEV), "epss=" + feeds.url(EPSS)), "",
        Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(10));
    return new FeedSync(runs, leases, replica, properties, home.resolve("feeds"), Clock.systemUTC(), name);
  }

  private static byte[] zipOf(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
