package dev.customs.server.cliscans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.cli.CustomsCommand;
import dev.customs.server.ApiTestSupport;
import dev.customs.server.ServerTest;
import dev.customs.server.identity.Role;
import dev.customs.server.vulndata.VulnerabilityData;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The real CLI scans real images and asks the real server (random port) for its verdict:
 * {@code customs scan --server URL --register always|compliant|never}. The server judges with its
 * own policies (the shipped baseline), its verdict is the exit code, and it keeps what it was told to.
 */
@ServerTest
class CliRegistrationTest extends ApiTestSupport {
  private static final Path DEBIAN = TestData.testdata("images/debian12.oci.tar");
  private static final Path ALPINE = TestData.testdata("images/alpine-3.20.3.oci.tar");
  private static final Pattern IMAGE_ID = Pattern.compile("registered as image ([0-9a-f-]{36})");

  @Autowired
  VulnerabilityData data;
  @LocalServerPort
  int port;
  @TempDir
  Path cache;

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void theServerHasTheTestBundle() throws Exception {
    data.install(TestVulnData.sharedBundle());
  }

  @Test
  void aNonCompliantImageFailsThePipelineAndIsKeptOnlyWhenAskedTo() throws Exception {
    Run onlyCompliant = scan(DEBIAN, "debian12-app", "compliant", token(Role.SCANNER));
    assertThat(onlyCompliant.exitCode()).as(onlyCompliant.err()).isEqualTo(1);
    assertThat(onlyCompliant.err()).contains("judged the image non-compliant", "not registered (--register compliant)",
        "baseline: ");

    Run always = scan(DEBIAN, "debian12-app", "always", token(Role.SCANNER));
    assertThat(always.exitCode()).as(always.err()).isEqualTo(1);
    JsonNode image = image(registeredId(always));
    assertThat(image.get("image").get("source").asString()).isEqualTo("cli");
    assertThat(image.get("image").get("reference").asString()).isEqualTo("registry.example/cli-test/debian12-app:1");
    assertThat(image.get("image").get("judgement").get("verdict").asString()).isEqualTo("non_compliant");
    assertThat(image.get("vulnerabilities").valueStream().map(v -> v.get("id").asString()))
        .as("the server's own findings are stored").contains("CVE-2021-44228");
    assertThat(image.get("scans").size()).isEqualTo(1);
    assertThat(image.get("scans").get(0).get("state").asString()).isEqualTo("succeeded");
  }

  @Test
  void aCompliantImageIsRegisteredWithCompliantAndNotWithNever() throws Exception {
    Run never = scan(ALPINE, null, "never", token(Role.SCANNER));
    assertThat(never.exitCode()).as(never.err()).isZero();
    assertThat(never.err()).contains("judged the image compliant", "not registered (--register never)");

    Run compliant = scan(ALPINE, null, "compliant", token(Role.ADMIN));
    assertThat(compliant.exitCode()).as(compliant.err()).isZero();
    JsonNode image = image(registeredId(compliant));
    assertThat(image.get("image").get("judgement").get("verdict").asString()).isEqualTo("compliant");
  }

  @Test
  void refusedTokensAndBadSubmissionsAreClearErrors() throws Exception {
    Run wrong = scan(ALPINE, null, "always", "cst_not-a-real-token");
    assertThat(wrong.exitCode()).isEqualTo(3);
    assertThat(wrong.err()).contains("no verdict from the server", "HTTP 401", "CUSTOMS_TOKEN");
    Run auditor = scan(ALPINE, null, "always", token(Role.AUDITOR));
    assertThat(auditor.exitCode()).isEqualTo(3);
    assertThat(auditor.err()).contains("HTTP 403", "scanner or administrator");
    Run badMode = scan(ALPINE, null, "sometimes", token(Role.SCANNER));
    assertThat(badMode.exitCode()).isEqualTo(2);
    assertThat(badMode.err()).contains("--register must be always, compliant or never");

    MvcResult notAnInventory = mvc.perform(jsonBody(as(Role.SCANNER, HttpMethod.POST, "/api/v1/scan-results"),
        Map.of("reference", "registry.example/team/app:1", "register", "always", "inventory", Map.of("x", 1))))
        .andReturn();
    assertThat(notAnInventory.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(notAnInventory).get("detail").asString()).contains("not a Customs inventory document");
  }

  private Run scan(Path archive, String name, String register, String token) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = CustomsCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", "--input", archive.toString(),
        "--db", TestVulnData.sharedBundle().toString(), "--cache-dir", cache.toString(), "--format", "json",
        "--server", "http://127.0.0.1:" + port, "--token", token, "--register", register));
    if (name != null) {
      args.add(name);
    }
    args.addAll(java.util.List.of("--image-name", "registry.example/cli-test/" + (name == null ? "alpine:3.20.3"
        : name + ":1")));
    int code = commandLine.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static String registeredId(Run run) {
    Matcher m = IMAGE_ID.matcher(run.err());
    assertThat(m.find()).as(run.err()).isTrue();
    return m.group(1);
  }

  private JsonNode image(String id) throws Exception {
    return read(mvc.perform(as(Role.AUDITOR, HttpMethod.GET, "/api/v1/images/" + id)).andReturn());
  }
}
