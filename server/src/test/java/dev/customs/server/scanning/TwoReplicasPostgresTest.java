package dev.customs.server.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.customs.server.TestPostgres;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real server processes share one PostgreSQL queue; one is killed (SIGKILL) while it runs a
 * scan. Its lease expires, the other process takes the job over, and every scan ends succeeded.
 * The child JVMs run {@code CustomsServer} from the test class path; their logs are in
 * {@code target/replicas/{a,b}/server.log}.
 */
class TwoReplicasPostgresTest {
  private static final String PASSWORD = "replica-admin-password";
  private static final List<String> IMAGES = List.of("debian12-app", "debian12", "debian12-minbase");
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private static TestPostgres database;
  private static LocalRegistry registry;
  private final List<Process> processes = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    database = TestPostgres.createDatabase();
    registry = LocalRegistry.start();
    for (String image : IMAGES) {
      registry.push(TestData.testdata("images/debian12.oci.tar"), image, "replicas/" + image + ":1");
    }
  }

  @AfterAll
  static void tearDown() {
    registry.close();
    database.drop();
  }

  @Test
  void aKilledReplicasScanIsFinishedByTheOther() throws Exception {
    int portA = freePort();
    int portB = freePort();
    Process a = start("a", portA);
    awaitReady(portA); // A migrates the schema and does the first-start work before B starts
    start("b", portB);
    awaitReady(portB);
    call(portA, "/api/v1/registries", "{\"name\":\"local\",\"type\":\"generic\",\"url\":\"" + registry.url()
        + "\",\"insecure\":true}");
    for (String image : IMAGES) {
      call(portB, "/api/v1/images", "{\"reference\":\"" + registry.host() + "/replicas/" + image + ":1\"}");
    }
    String ownerOfA = "%:" + a.pid() + ":%"; // worker ids are host:pid:nonce
    await().atMost(STARTUP).pollInterval(Duration.ofMillis(20)).until(() -> !runningJobs(ownerOfA).isEmpty());
    a.destroyForcibly().waitFor();
    List<String> orphaned = runningJobs(ownerOfA); // A is dead: these can only finish through a takeover
    assertThat(orphaned).as("scans A was running when it was killed").isNotEmpty();

    await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
        .until(() -> count("select count(*) from scan_jobs where state = 'SUCCEEDED'") == IMAGES.size());
    for (String job : orphaned) {
      assertThat(count("select attempts from scan_jobs where id = '" + job + "'")).as("taken over").isEqualTo(2);
    }
    assertThat(count("select count(distinct digest) from scan_results")).isEqualTo(IMAGES.size());
    assertThat(count("select count(*) from users where username = 'admin'")).as("first start ran once").isEqualTo(1);
  }

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
      p.waitFor();
    }
  }

  private Process start(String name, int port) throws IOException {
    Path dir = Path.of("target", "replicas", name).toAbsolutePath();
    Files.createDirectories(dir);
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "dev.customs.server.CustomsServer",
        "--server.port=" + port, "--customs.home=" + dir,
        "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
        "--customs.scanning.workers=1", "--customs.scanning.lease=4s", "--customs.scanning.heartbeat=1s",
        "--customs.scanning.poll-interval=200ms", "--customs.feeds.schedule=-")
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
    builder.environment().put("CUSTOMS_ADMIN_PASSWORD", PASSWORD);
    builder.environment().put("CUSTOMS_SECRET_KEY", "q6o9JmYv0fGzJ0Kf3xgk1Bq0m2S3g3b0ZQ9aH8c7d6E=");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static void awaitReady(int port) {
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  private static void call(int port, String path, String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(201, 202);
  }

  private static List<String> runningJobs(String ownerPattern) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(database.url(), database.user(), "");
        PreparedStatement query = c.prepareStatement(
            "select id from scan_jobs where state = 'RUNNING' and lease_owner like ?")) {
      query.setString(1, ownerPattern);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.url(), database.user(), "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
