package dev.customs.server.vulndata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.CustomsCommand;
import dev.customs.core.vuln.db.BundleChecksum;
import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.testkit.TestVulnData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The real CLI pulls the bundle of the real server over HTTP: {@code customs db pull --server}. */
@ServerTest
class DbPullFromServerTest extends ApiTestSupport {
  @Autowired
  VulnerabilityData data;
  @LocalServerPort
  int port;
  @TempDir
  Path home;

  private String sha256;

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void theServerHasTheTestBundle() throws Exception {
    sha256 = data.install(TestVulnData.sharedBundle()).sha256();
  }

  @Test
  void theCliInstallsTheServersBundleAndSkipsItWhenUnchanged() throws Exception {
    Path db = home.resolve("cache/customs.db");

    Run first = cli("db", "pull", "--server", "http://127.0.0.1:" + port, "--token", token(Role.SCANNER),
        "--db", db.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("installed", sha256);
    assertThat(BundleChecksum.verify(db)).isEqualTo(sha256);
    FileTime installedAt = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(db, installedAt);

    Run second = cli("db", "pull", "--server", "http://127.0.0.1:" + port + "/", "--token", token(Role.AUDITOR),
        "--db", db.toString());

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("up to date", sha256);
    assertThat(Files.getLastModifiedTime(db)).as("not written again").isEqualTo(installedAt);
    try (var files = Files.list(db.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("customs.db", "customs.db.sha256");
    }
  }

  @Test
  void aDamagedLocalCopyIsReplaced() throws Exception {
    Path db = home.resolve("customs.db");
    assertThat(cli("db", "pull", "--server", "http://127.0.0.1:" + port, "--token", token(Role.ADMIN),
        "--db", db.toString()).exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(db);
    bytes[bytes.length / 3] ^= 0x11;
    Files.write(db, bytes);

    Run again = cli("db", "pull", "--server", "http://127.0.0.1:" + port, "--token", token(Role.ADMIN),
        "--db", db.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("installed");
    assertThat(BundleChecksum.verify(db)).isEqualTo(sha256);
  }

  @Test
  void aWrongTokenIsAClearErrorAndChangesNothing() throws Exception {
    Path db = home.resolve("customs.db");

    Run run = cli("db", "pull", "--server", "http://127.0.0.1:" + port, "--token", "cst_not-a-real-token",
        "--db", db.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("customs db pull:", "HTTP 401", "--token", "CUSTOMS_TOKEN");
    assertThat(db).doesNotExist();
    try (var files = Files.list(home)) {
      assertThat(files.toList()).as("no temporary download left").isEmpty();
    }
  }

  @Test
  void eitherAReferenceOrAServer() {
    Run both = cli("db", "pull", "oci://127.0.0.1:1/db:1", "--server", "http://127.0.0.1:" + port);
    Run neither = cli("db", "pull");

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("either oci://HOST/REPO:TAG or --server URL");
  }

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = CustomsCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
