package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.cli.CustomsCommand;
import dev.customs.cli.ExitCode;
import dev.customs.core.vuln.db.BundleChecksum;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code customs db push|pull} against real local registries, with and without basic auth. */
class DbPushPullCommandTest {
  private static LocalRegistry registry;
  private static LocalRegistry authRegistry;

  @TempDir Path dir;
  private Path built;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
    authRegistry = LocalRegistry.startWithAuth("alice", "s3cret");
  }

  @AfterAll
  static void stop() {
    registry.close();
    authRegistry.close();
  }

  @BeforeEach
  void build() {
    built = dir.resolve("built").resolve("customs.db");
    assertThat(run("db", "build", "--feed", "kev=" + TestData.testdata("vulndata/kev"), "--out", built.toString()))
        .as(err.toString()).isEqualTo(ExitCode.OK);
  }

  @Test
  void pushThenPullInstallsTheSameBundle() throws Exception {
    String ref = "oci://" + registry.host() + "/mirror/customs-db:latest";
    assertThat(run("db", "push", ref, "--db", built.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).startsWith("pushed " + built + " to " + ref + " (manifest sha256:");

    JsonNode manifest = new ObjectMapper().readTree(registry.inspectRaw("mirror/customs-db:latest"));
    assertThat(manifest.path("artifactType").asText()).isEqualTo("application/vnd.customs.vulndb.v1");
    assertThat(manifest.path("layers").get(0).path("mediaType").asText())
        .isEqualTo("application/vnd.customs.vulndb.layer.v1.sqlite");

    Path pulled = dir.resolve("site").resolve("customs.db");
    assertThat(run("db", "pull", ref, "--db", pulled.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
    String sha256 = BundleChecksum.sha256(built);
    assertThat(out.toString()).contains("installed " + ref + " as " + pulled).contains("sha256 " + sha256);
    assertThat(BundleChecksum.verify(pulled)).isEqualTo(sha256);

    assertThat(run("db", "status", "--db", pulled.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("database:       " + pulled).containsPattern("kev\\s+1404\\s+0");
  }

  @Test
  void basicAuthWithTheRightPasswordWorksAndAWrongOneExits3() {
    String ref = "oci://" + authRegistry.host() + "/mirror/db:1";
    assertThat(run("db", "push", ref, "--db", built.toString(), "-u", "alice", "-p", "s3cret"))
        .as(err.toString()).isEqualTo(ExitCode.OK);
    Path pulled = dir.resolve("site").resolve("customs.db");
    assertThat(run("db", "pull", ref, "--db", pulled.toString(), "--username", "alice", "--password", "s3cret"))
        .as(err.toString()).isEqualTo(ExitCode.OK);

    assertThat(run("db", "pull", ref, "--db", pulled.toString(), "-u", "alice", "-p", "wrong"))
        .isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(err.toString()).startsWith("customs db pull: cannot pull " + ref + ": failed to fetch manifest "
        + authRegistry.host() + "/mirror/db:1: 401 unauthorized (check --username/--password or docker login)");
    assertThat(run("db", "push", ref, "--db", built.toString(), "-u", "alice", "-p", "wrong"))
        .isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(err.toString()).contains("401 unauthorized");
  }

  @Test
  void pullingAContainerImageExits3AndKeepsTheInstalledBundle() throws Exception {
    Path installed = dir.resolve("site").resolve("customs.db");
    assertThat(run("db", "import", built.toString(), "--db", installed.toString())).isEqualTo(ExitCode.OK);
    byte[] before = Files.readAllBytes(installed);
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "mirror/alpine:3.20.3");

    String ref = "oci://" + registry.host() + "/mirror/alpine:3.20.3";
    assertThat(run("db", "pull", ref, "--db", installed.toString())).isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(err.toString()).contains(ref + " holds an OCI image").contains("not a Customs vulnerability bundle");
    assertThat(Files.readAllBytes(installed)).isEqualTo(before);
  }

  @Test
  void badReferencesAreUsageErrors() {
    assertThat(run("db", "pull", registry.host() + "/mirror/db:1")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("it must start with oci://");
    assertThat(run("db", "push", "oci://" + registry.host() + "/mirror/db", "--db", built.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("no tag; expected oci://HOST/REPO:TAG");
  }

  @Test
  void pushingAMissingBundleExits3() {
    Path missing = dir.resolve("none.db");
    assertThat(run("db", "push", "oci://" + registry.host() + "/mirror/db:1", "--db", missing.toString()))
        .isEqualTo(ExitCode.DB_UNAVAILABLE);
    assertThat(err.toString()).contains("cannot push " + missing + ": no such file");
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = CustomsCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
