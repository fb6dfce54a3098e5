package dev.customs.core.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.ConnectionStep.Status;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection test's steps against real registries: open, basic auth, TLS, and nothing listening. */
class RegistryConnectionCheckerLocalRegistryTest {
  private static LocalRegistry open;
  private static LocalRegistry withAuth;
  private static LocalRegistry withTls;

  @TempDir
  Path temp;

  @BeforeAll
  static void startRegistries() {
    Path alpine = TestData.testdata("images/alpine-3.20.3.oci.tar");
    open = LocalRegistry.start();
    open.push(alpine, null, "demo/alpine:1");
    withAuth = LocalRegistry.startWithAuth("alice", "secret");
    withAuth.push(alpine, null, "team/app:2");
    withTls = LocalRegistry.startWithTls();
  }

  @AfterAll
  static void stopRegistries() {
    open.close();
    withAuth.close();
    withTls.close();
  }

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(1, Duration.ofMillis(1))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  private static List<Status> statuses(ConnectionReport report) {
    return report.steps().stream().map(ConnectionStep::status).toList();
  }

  @Test
  void openRegistryPassesEveryStepWithoutTls() {
    ConnectionReport report = new RegistryConnectionChecker(options())
        .run(RegistryIntegration.of("generic", open.url(), null, null), null);
    assertThat(report.steps()).extracting(ConnectionStep::name).containsExactly("reachable", "tls", "auth", "catalog", "pull");
    assertThat(statuses(report)).containsExactly(Status.PASS, Status.SKIPPED, Status.PASS, Status.PASS, Status.PASS);
    assertThat(report.ok()).isTrue();
    assertThat(report.step("catalog").orElseThrow().message()).isEqualTo("lists 1 repositories");
    assertThat(report.step("pull").orElseThrow().message()).isEqualTo("pulled the manifest of demo/alpine:1");
  }

  @Test
  void basicAuthRightPasswordPassesAndWrongPasswordStopsAtAuth() {
    RegistryConnectionChecker test = new RegistryConnectionChecker(options());
    ConnectionReport right = test.run(RegistryIntegration.of("generic", withAuth.url(), "alice", "secret"), "team/app");
    assertThat(statuses(right)).containsExactly(Status.PASS, Status.SKIPPED, Status.PASS, Status.PASS, Status.PASS);
    assertThat(right.step("auth").orElseThrow().message()).isEqualTo("user alice accepted (Basic)");

    ConnectionReport wrong = test.run(RegistryIntegration.of("generic", withAuth.url(), "alice", "nope"), "team/app");
    assertThat(statuses(wrong)).containsExactly(Status.PASS, Status.SKIPPED, Status.FAIL, Status.SKIPPED, Status.SKIPPED);
    assertThat(wrong.step("auth").orElseThrow().message()).isEqualTo("user alice rejected: HTTP 401 (wrong username or password?)");

    ConnectionReport none = test.run(RegistryIntegration.of("generic", withAuth.url(), null, null), null);
    assertThat(none.step("auth").orElseThrow().message())
        .isEqualTo("the registry requires credentials and none are configured");
  }

  @Test
  void tlsWithoutTheCaFailsAtTlsAndPassesWithIt() {
    RegistryIntegration integration = RegistryIntegration.of("generic", withTls.url(), null, null);
    ConnectionReport untrusted = new RegistryConnectionChecker(options()).run(integration, null);
    assertThat(statuses(untrusted)).containsExactly(Status.PASS, Status.FAIL, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED);
    assertThat(untrusted.step("tls").orElseThrow().message()).startsWith("TLS handshake with " + withTls.host() + " failed: ")
        .contains("add the registry's CA certificate");

    ConnectionReport trusted = new RegistryConnectionChecker(options().withCaFile(withTls.host(), withTls.caCertificate()))
        .run(integration, null);
    assertThat(trusted.step("tls").orElseThrow().status()).isEqualTo(Status.PASS);
    assertThat(trusted.step("auth").orElseThrow().status()).isEqualTo(Status.PASS);
    assertThat(trusted.step("pull").orElseThrow().message()).isEqualTo("no sample repository given and none listed");
  }

  @Test
  void nothingListeningFailsAtReachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ConnectionReport report = new RegistryConnectionChecker(options())
        .run(new RegistryIntegration("generic", "http://127.0.0.1:" + port, null, null, Map.of()), null);
    assertThat(statuses(report)).containsExactly(Status.FAIL, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED);
    assertThat(report.step("reachable").orElseThrow().message()).startsWith("cannot connect to 127.0.0.1:" + port + ": ");
  }
}
