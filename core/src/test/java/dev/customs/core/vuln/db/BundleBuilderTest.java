package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.customs.core.vuln.feed.FeedSink;
import dev.customs.core.vuln.feed.FeedSource;
import dev.customs.core.vuln.feed.Feeds;
import dev.customs.core.vuln.feed.KevFeed;
import dev.customs.core.vuln.feed.VulnFeed;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building replaces a bundle only with a complete, verified one. */
class BundleBuilderTest {
  private static final Path KEV = TestData.testdata("vulndata/kev/known_exploited_vulnerabilities.json");
  private static final Path EPSS = TestData.testdata("vulndata/epss");

  @TempDir Path dir;
  private Path target;
  private HttpServer server;

  @BeforeEach
  void setUp() {
    target = dir.resolve("db").resolve("customs.db");
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aNewBuildReplacesTheBundleAndItsChecksumAtomically() throws Exception {
    build(List.of(new FeedSpec("kev", KEV.toString())));
    String first = BundleChecksum.verify(target);

    BuildReport second = build(List.of(new FeedSpec("kev", KEV.toString()), new FeedSpec("epss", EPSS.toString())));

    assertThat(BundleChecksum.verify(target)).isEqualTo(second.sha256()).isNotEqualTo(first);
    assertThat(Files.readString(BundleChecksum.sidecarOf(target))).isEqualTo(second.sha256() + "  customs.db\n");
    try (VulnDb db = VulnDb.open(target)) {
      assertThat(db.metadata().feeds()).extracting(FeedMetadata::kind).containsExactly("kev", "epss");
    }
    assertThat(filesIn(target.getParent())).containsExactlyInAnyOrder("customs.db", "customs.db.sha256");
  }

  @Test
  void aFeedThatFailsMidwayLeavesTheOldBundleByteIdentical() throws Exception {
    build(List.of(new FeedSpec("kev", KEV.toString())));
    byte[] before = Files.readAllBytes(target);
    byte[] sidecarBefore = Files.readAllBytes(BundleChecksum.sidecarOf(target));
    VulnFeed failing = new FailingFeed();
    BundleBuilder builder = new BundleBuilder(List.of(new KevFeed(), failing), Clock.systemUTC());

    assertThatThrownBy(() -> builder.build(List.of(new FeedSpec("kev", KEV.toString()),
        new FeedSpec("failing", KEV.toString())), target))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("feed failing (" + KEV + ") failed: connection reset after 2 records")
        .hasMessageContaining(target + " was left as it was");

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(Files.readAllBytes(BundleChecksum.sidecarOf(target))).isEqualTo(sidecarBefore);
    assertThat(filesIn(target.getParent())).containsExactlyInAnyOrder("customs.db", "customs.db.sha256");
  }

  @Test
  void temporariesOfAKilledBuildAreRemovedOnceADayOld() throws Exception {
    Files.createDirectories(target.getParent());
    Path abandoned = target.resolveSibling("customs.db.tmp-0badf00d");
    Path abandonedSidecar = target.resolveSibling("customs.db.sha256.tmp-0badf00d");
    Path recent = target.resolveSibling("customs.db.tmp-12345678");
    for (Path p : List.of(abandoned, abandonedSidecar, recent)) {
      Files.writeString(p, "partial");
    }
    FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
    Files.setLastModifiedTime(abandoned, twoDaysAgo);
    Files.setLastModifiedTime(abandonedSidecar, twoDaysAgo);

    build(List.of(new FeedSpec("kev", KEV.toString())));

    assertThat(filesIn(target.getParent()))
        .containsExactlyInAnyOrder("customs.db", "customs.db.sha256", "customs.db.tmp-12345678");
  }

  @Test
  void aDownloadCutOffMidwayFailsTheBuildAndKeepsTheOldBundle() throws Exception {
    build(List.of(new FeedSpec("kev", KEV.toString())));
    byte[] before = Files.readAllBytes(target);
    byte[] kev = Files.readAllBytes(KEV);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> sendHalfAndHangUp(socket, kev));
      String url = "http://127.0.0.1:" + socket.getLocalPort() + "/kev.json";

      assertThatThrownBy(() -> build(List.of(new FeedSpec("kev", url))))
          .isInstanceOf(BundleException.class)
          .hasMessageContaining("download of " + url + " failed");
    }

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
  }

  @Test
  void aFeedIsDownloadedFromAUrl() throws Exception {
    byte[] kev = Files.readAllBytes(KEV);
    serve(kev);
    BuildReport report = build(List.of(new FeedSpec("kev", url("/kev.json"))));
    assertThat(report.feeds().getFirst().records()).isEqualTo(1404);
    assertThat(report.feeds().getFirst().source()).isEqualTo(url("/kev.json"));
  }

  @Test
  void anHttpErrorNamesTheUrlAndStatus() throws Exception {
    serve(new byte[0]);
    assertThatThrownBy(() -> build(List.of(new FeedSpec("kev", url("/missing.json")))))
        .isInstanceOf(BundleException.class).hasMessageContaining("GET " + url("/missing.json") + ": HTTP 404");
    assertThat(target).doesNotExist();
  }

  @Test
  void aFeedOfTheWrongKindGivesNoRecordsAndIsRefused() {
    assertThatThrownBy(() -> build(List.of(new FeedSpec("kev", EPSS.toString()))))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("feed kev (" + EPSS + ") gave no records (1 malformed)");
    assertThat(target).doesNotExist();
  }

  @Test
  void unknownKindsAndMissingPathsAreNamed() {
    assertThatThrownBy(() -> build(List.of(new FeedSpec("cvrf", KEV.toString()))))
        .hasMessage("unknown feed kind 'cvrf'; known kinds: osv, debian-tracker, alpine-secdb, rubysec, nvd, kev, epss");
    Path missing = dir.resolve("no-such-feed");
    assertThatThrownBy(() -> build(List.of(new FeedSpec("osv", missing.toString()))))
        .hasMessageContaining("feed osv (" + missing + ") failed").hasMessageContaining(missing.toString());
    assertThat(target.getParent()).isEmptyDirectory();
  }

  private BuildReport build(List<FeedSpec> specs) throws BundleException {
    return new BundleBuilder(Feeds.defaults(), Clock.systemUTC()).build(specs, target);
  }

  /** Serves {@code body} at /kev.json; 404 elsewhere. */
  private void serve(byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      if (!exchange.getRequestURI().getPath().equals("/kev.json")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** Answers one request with the full length announced but half the body, then drops the connection. */
  private static void sendHalfAndHangUp(ServerSocket socket, byte[] body) {
    try (Socket client = socket.accept()) {
      client.getInputStream().read(new byte[8192]);
      OutputStream out = client.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
    } catch (IOException e) {
      // The client may hang up first; either way the download is cut off.
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** A feed whose source breaks after two records, as a network stream might. */
  private static final class FailingFeed implements VulnFeed {
    @Override
    public String kind() {
      return "failing";
    }

    @Override
    public void read(FeedSource source, FeedSink sink) throws IOException {
      for (String id : List.of("CVE-2099-0001", "CVE-2099-0002")) {
        sink.advisory(new Advisory(id, List.of(), List.of(), "", "", null, null, List.of(), List.of(), List.of(),
            List.of(), List.of()));
      }
      throw new IOException("connection reset after 2 records");
    }
  }
}
