package dev.customs.core.inventory.analyzer.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.SecretFinding;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule with a file that must match and a near miss that must not. The fake credentials are
 * assembled at run time from {@link #fake} so that no token-shaped literal sits in the sources
 * (push-protection scanners would flag it).
 */
class SecretAnalyzerTest {
  private final SecretAnalyzer analyzer = new SecretAnalyzer();

  /** {@code n} characters of a fixed, varied alphabet: looks random enough, is not a real secret. */
  static String fake(int n) {
    String alphabet = "Qm7Zr2Kx9Lw4Tv8Np3Hc6Jd5Fb1Gs0Ya";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt((i * 7 + n) % alphabet.length()));
    }
    return sb.toString();
  }

  static String upperFake(int n) {
    return fake(n).toUpperCase(java.util.Locale.ROOT);
  }

  static String pem(String kind, String body) {
    return "-----BEGIN " + kind + "-----\n" + body + "\n-----END " + kind + "-----\n";
  }

  static String keyBody() {
    return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(fake(300).getBytes(StandardCharsets.US_ASCII));
  }

  static Stream<Arguments> rules() {
    String gcpId = "0123456789abcdef0123456789abcdef01234567".replace('0', 'e');
    return Stream.of(
        Arguments.of("private-key", "id_rsa", "# key\n" + pem("RSA " + "PRIVATE KEY", keyBody()),
            pem("CERTIFICATE", keyBody()) + "PEM_HEADER = \"-----BEGIN " + "PRIVATE KEY-----\"\n"),
        Arguments.of("private-key", "id_ed25519", pem("OPENSSH " + "PRIVATE KEY", keyBody()),
            pem("PUBLIC KEY", keyBody())),
        Arguments.of("private-key", "k.asc", pem("PGP " + "PRIVATE KEY BLOCK", keyBody()),
            pem("PGP PUBLIC KEY BLOCK", keyBody())),
        Arguments.of("private-key", "ec.pem", pem("EC " + "PRIVATE KEY", keyBody()),
            pem("EC " + "PRIVATE KEY", "c2hvcnQ=")),
        Arguments.of("aws-access-key-id", "env", "AWS_ACCESS_KEY_ID=" + "AKIA" + upperFake(16) + "\n",
            "AWS_ACCESS_KEY_ID=" + "AKIA" + "IOSFODNN7" + "EXAMPLE\nid=AKIA" + upperFake(12) + "\n"),
        Arguments.of("aws-secret-access-key", "credentials",
            "[default]\naws_secret_access_key = " + fake(40) + "\n",
            "aws_secret_access_key = " + fake(30) + "\nsecret = " + fake(40) + "\n"),
        Arguments.of("gcp-service-account", "sa.json",
            "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \"" + gcpId + "\"\n}\n",
            "{\n  \"type\": \"authorized_user\",\n  \"private_key_id\": \"" + gcpId + "\"\n}\n"),
        Arguments.of("azure-storage-account-key", "app.config",
            "DefaultEndpointsProtocol=https;AccountName=acme;" + "AccountKey=" + fake(86) + "==;\n",
            "AccountKey=" + fake(40) + "==;\n"),
        Arguments.of("github-pat", "gh.txt", "token: " + "ghp_" + fake(36) + "\n", "token: ghp_" + fake(20) + "\n"),
        Arguments.of("github-fine-grained-pat", "gh.txt", "t=" + "github_pat_" + fake(82) + "\n",
            "t=github_pat_" + fake(30) + "\n"),
        Arguments.of("github-oauth", "gh.txt", "t=" + "gho_" + fake(36) + "\n", "t=gho_" + "x".repeat(36) + "\n"),
        Arguments.of("github-app-token", "gh.txt", "t=" + "ghs_" + fake(36) + "\n", "t=ghs_" + fake(37) + "\n"),
        Arguments.of("github-refresh-token", "gh.txt", "t=" + "ghr_" + fake(76) + "\n", "t=ghr_" + fake(12) + "\n"),
        Arguments.of("gitlab-pat", "ci.yml", "token: " + "glpat-" + fake(20) + "\n",
            "token: glpat-" + fake(25) + "\n"),
        Arguments.of("slack-token", "bot.env", "SLACK=" + "xoxb-" + fake(12) + "-" + fake(24) + "\n",
            "SLACK=xoxz-" + fake(12) + "\n"),
        Arguments.of("slack-webhook", "hook.sh",
            "curl " + "https://hooks.slack.com/services/" + "T" + upperFake(9) + "/B" + upperFake(9) + "/" + fake(24) + "\n",
            "see https://hooks.slack.com/services/ for details\n"),
        Arguments.of("stripe-secret-key", "pay.env", "STRIPE=" + "sk_live_" + fake(24) + "\n",
            "STRIPE=sk_test_" + fake(24) + "\n"),
        Arguments.of("npm-access-token", ".npmrc", "//registry.npmjs.org/:_authToken=" + "npm_" + fake(36) + "\n",
            "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
        Arguments.of("docker-config-auth", "config.json",
            "{\n  \"auths\": {\n    \"registry.example.test\": {\n      \"auth\": \""
                + Base64.getEncoder().encodeToString(("robot:" + fake(20)).getBytes(StandardCharsets.US_ASCII))
                + "\"\n    }\n  }\n}\n",
            "{\n  \"credsStore\": \"desktop\",\n  \"auth\": \"" + fake(20) + "\"\n}\n"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("rules")
  void eachRuleFindsItsSecretAndNotTheNearMiss(String ruleId, String file, String positive, String negative)
      throws Exception {
    String path = "home/app/" + file;
    RecordedAnalysis hit = RecordedAnalysis.analyze(analyzer, path, positive.getBytes(StandardCharsets.UTF_8));
    RecordedAnalysis miss = RecordedAnalysis.analyze(analyzer, path, negative.getBytes(StandardCharsets.UTF_8));

    assertThat(hit.secrets).extracting(SecretFinding::ruleId).contains(ruleId);
    SecretFinding finding = hit.secrets.stream().filter(s -> s.ruleId().equals(ruleId)).findFirst().orElseThrow();
    assertThat(finding.path()).isEqualTo(path);
    assertThat(finding.redacted()).hasSize(8).endsWith("****");
    assertThat(positive).contains(finding.redacted().substring(0, 4));
    assertThat(miss.secrets).extracting(SecretFinding::ruleId).doesNotContain(ruleId);
  }

  @Test
  void everyBuiltInRuleIsExercised() {
    assertThat(rules().map(a -> (String) a.get()[0]).distinct())
        .containsExactlyInAnyOrderElementsOf(SecretRules.builtIn().stream().map(SecretRule::id).toList());
  }

  @Test
  void reportsLineNumbersAndNeverTheValue() throws Exception {
    String token = "ghp_" + fake(36);
    String text = "line one\nline two\n  export GH_TOKEN=" + token + "\n";
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "root/.profile", text.getBytes(StandardCharsets.UTF_8));

    assertThat(result.secrets).containsExactly(new SecretFinding("github-pat", "GitHub", "CRITICAL",
        "GitHub Personal Access Token", "root/.profile", 3, "ghp_****"));
    assertThat(result.secrets.getFirst().toString()).doesNotContain(token.substring(4));
  }

  @Test
  void privateKeyIsReportedOnItsBeginLine() throws Exception {
    String text = "a\nb\n" + pem("PRIVATE" + " KEY", keyBody());
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "etc/app/key.pem", text.getBytes(StandardCharsets.UTF_8));
    assertThat(result.secrets).singleElement().extracting(SecretFinding::line).isEqualTo(3);
  }

  @Test
  void binariesAreSkipped() throws Exception {
    byte[] content = ("\0ELF" + "ghp_" + fake(36)).getBytes(StandardCharsets.UTF_8);
    assertThat(RecordedAnalysis.analyze(analyzer, "usr/bin/x", content).secrets).isEmpty();
  }

  @Test
  void wantsTextSizedFilesOutsideKnownNoise() {
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/.env", 100, 0644))).isTrue();
    assertThat(analyzer.wants(RecordedAnalysis.entry("node_modules/x/test/key.pem", 100, 0644))).isTrue();
    for (String path : List.of("usr/share/doc/openssl/README", "etc/ssl/certs/ca-certificates.crt",
        "usr/lib/python3.11/test/keycert.pem", "usr/local/lib/python3.12/test/ssl_key.pem",
        "usr/share/ca-certificates/mozilla/X.crt", "usr/lib/x86_64-linux-gnu/libssl.so")) {
      assertThat(analyzer.wants(RecordedAnalysis.entry(path, 100, 0644))).as(path).isFalse();
    }
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/big.log", SecretAnalyzer.MAX_SIZE + 1, 0644))).isFalse();
    assertThat(analyzer.wants(RecordedAnalysis.entry("app/empty", 0, 0644))).isFalse();
  }

  @Test
  void hostileInputStaysFast() throws Exception {
    String text = ("-----BEGIN RSA " + "PRIVATE KEY-----\n" + fake(1000)).repeat(500) + "AKIA".repeat(50_000);
    long start = System.nanoTime();
    RecordedAnalysis result = RecordedAnalysis.analyze(analyzer, "x", text.getBytes(StandardCharsets.UTF_8));
    assertThat(result.secrets).isEmpty();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
