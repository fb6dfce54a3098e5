package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.customs.cli.CliRun;
import dev.customs.cli.ExitCode;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code customs scan --offline}: nothing but the named image comes from the network. A web server
 * that would serve a valid policy and VEX document proves that nothing asked it.
 */
class ScanOfflineTest {
  private static final String ALPINE = TestData.testdata("images/alpine-3.20.3.oci.tar").toString();

  private HttpServer documents;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void serveDocuments() throws Exception {
    documents = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    documents.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "name: served\ncontrols:\n  - type: rootUser\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    documents.start();
  }

  @AfterEach
  void stop() {
    documents.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + documents.getAddress().getPort() + path;
  }

  private static CliRun scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--no-cache"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static String db() {
    return TestVulnData.sharedBundle().toString();
  }

  @Test
  void aPolicyUrlIsRefusedBeforeAnythingIsRead() {
    CliRun run = scan("--db", db(), "--input", ALPINE, "--offline", "--policy", url("/policy.yaml"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("customs scan: --policy " + url("/policy.yaml") + " is not a local file: "
        + "Customs reads it from disk only; download the policy and pass the file "
        + "(--offline: nothing is fetched but the image)");
    assertThat(run.out()).isEmpty();
    assertThat(requests).hasValue(0);
  }

  @Test
  void everyRemoteInputIsNamedAtOnce() {
    CliRun run = scan("--db", "oci://127.0.0.1:5000/customs/db:1", "--input", ALPINE, "--offline",
        "--vex", url("/a.openvex.json"), "--ignorefile", url("/.customsignore"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--vex http:/127.0.0.1:")
        .contains("--ignorefile http:/127.0.0.1:")
        .contains("--db oci:/127.0.0.1:5000/customs/db:1 is not a local file: Customs reads it from disk only; "
            + "install the database first with customs db pull or customs db import");
    assertThat(requests).hasValue(0);
  }

  @Test
  void withoutOfflineAUrlIsStillNotFetched() {
    CliRun run = scan("--db", db(), "--input", ALPINE, "--vex", url("/a.openvex.json"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--vex http:/").contains("is not a local file").doesNotContain("--offline");
    assertThat(requests).hasValue(0);
  }

  @Test
  void anArchiveScansOfflineWithLocalPolicies() {
    CliRun run = scan("--db", db(), "--input", ALPINE, "--offline", "--policy", "baseline", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.NOT_COMPLIANT);
    assertThat(run.out()).contains("CVE-2024-9143");
    assertThat(run.err()).contains("customs scan: policy baseline:");
    assertThat(run.err()).as("no progress bar without a terminal").doesNotContain("Scanning").doesNotContain("%");
  }

  @Test
  void theNamedImageIsStillPulledFromItsRegistry() {
    try (LocalRegistry registry = LocalRegistry.start()) {
      registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), "alpine-3.20.3", "fixtures/alpine:3.20.3");

      CliRun run = scan("--db", db(), registry.host() + "/fixtures/alpine:3.20.3", "--offline", "--format", "json");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).contains("CVE-2024-9143");
    }
  }
}
