package dev.customs.core.registry.provider;

import static dev.customs.core.registry.provider.ReplayServer.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ACR, ECR and GCR logins and enumeration against their documented exchanges, replayed locally. */
class CloudRegistryReplayTest {
  private static final String TENANT = "409520d4-8100-4d1d-ad47-72432ddcc120";
  private static final String ECR_TARGET = "AmazonEC2ContainerRegistry_V20150921.";
  @RegisterExtension
  final ReplayServer server = new ReplayServer();

  @TempDir
  Path temp;

  private RegistryOptions options() {
    return RegistryOptions.defaults().withDockerConfig(temp, List.of()).withRetries(1, Duration.ofMillis(1));
  }

  @Test
  void acrServicePrincipalExchangesTokensAndListsTheCatalog() throws Exception {
    String origin = "https://contosoregistry.azurecr.io";
    // Entra ID's client-credentials answer (Microsoft identity platform reference), then the recorded ACR exchanges
    server.answer("POST", "/" + TENANT + "/oauth2/v2.0/token", Map.of(), "grant_type=client_credentials", 200,
            Map.of("Content-Type", "application/json"), "{\"token_type\":\"Bearer\",\"access_token\":\"eyJ...H-g\"}")
        .replay(recording("acr/oauth2-exchange.http"), origin)
        .replay(recording("acr/auth-challenge-401.http"), origin)
        .replay(recording("acr/oauth2-token.http"), origin)
        .replay(recording("acr/v2-catalog-pages.http"), origin);
    RegistryIntegration acr = new RegistryIntegration("acr", server.url(), "client-id", "client-secret",
        Map.of("auth", "service-principal", "tenant", TENANT, "authorityUrl", server.url()));
    RegistryLogin login = RegistryProviders.forType("acr").login(acr, options());
    assertThat(login.credentials()).isEqualTo(Credentials.identityToken("eyJ...L7a"));
    try (RegistryEnumerator enumerator = RegistryProviders.forType("acr").enumerator(acr, options())) {
      assertThat(enumerator.repositories()).containsExactly("alpine", "contoso-marketing", "hello-world", "node");
    }
    Map<String, String> exchange = form("/oauth2/exchange");
    assertThat(exchange).containsEntry("grant_type", "access_token").containsEntry("tenant", TENANT)
        .containsEntry("access_token", "eyJ...H-g").containsEntry("service", server.host());
    assertThat(form("/" + TENANT + "/oauth2/v2.0/token")).containsEntry("client_id", "client-id")
        .containsEntry("client_secret", "client-secret").containsEntry("scope", AcrRegistryProvider.ACR_SCOPE);
    assertThat(form("/oauth2/token")).containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "eyJ...L7a").containsEntry("scope", "registry:catalog:*");
  }

  @Test
  void acrCatalogFollowsLinksWithAnEmptyOrderby() throws Exception {
    server.replay(recording("acr/v2-catalog-pages.http"), "https://contosoregistry.azurecr.io")
        // the doc stops after page 1; the page its Link names holds the rest
        .answer("GET", "/v2/_catalog?last=contoso-marketing&orderby=", Map.of("Authorization", "Bearer eyJ...xcg"), "",
            200, Map.of(), "{\"repositories\":[\"hello-world\",\"node\"]}")
        .replay(recording("acr/auth-challenge-401.http"), "https://contosoregistry.azurecr.io")
        .answer("GET", "/oauth2/token", Map.of(), "", 200, Map.of(), "{\"access_token\":\"eyJ...xcg\"}");
    RegistryIntegration acr = new RegistryIntegration("acr", server.url(), "admin", "pw", Map.of());
    try (var client = RegistryClients.open(acr, RegistryProviders.forType("acr").login(acr, options()), options())) {
      assertThat(client.listRepositories(2)).containsExactly("alpine", "contoso-marketing", "hello-world", "node");
    }
    assertThat(server.received()).extracting(HttpExchangeFile.Exchange::target)
        .contains("/v2/_catalog?n=2", "/v2/_catalog?last=contoso-marketing&n=2&orderby=");
  }

  @Test
  void ecrListsRepositoriesAndImagesWithTheSdkAndDecodesTheAuthorizationToken() throws Exception {
    String password = "eyJwYXlsb2FkIjoiZWNyIn0";
    String token = Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
    String images = Files.readString(recording("ecr/DescribeImages.awscli-example.json"));
    ecr("DescribeRepositories", "", Files.readString(recording("ecr/DescribeRepositories.botocore-example.json")));
    ecr("DescribeImages", "{\"repositoryName\":\"ubuntu\"}", images.replace("}\n    ]", "}\n    ],\"nextToken\":\"t2\""));
    ecr("DescribeImages", "{\"repositoryName\":\"ubuntu\",\"nextToken\":\"t2\"}", "{\"imageDetails\":[{\"imageDigest\":"
        + "\"sha256:22\",\"imageTags\":[\"newer\",\"also-newer\"],\"imagePushedAt\":1700000000.5}]}");
    ecr("DescribeImages", "{\"repositoryName\":\"test\"}", "{\"imageDetails\":[{\"imageDigest\":\"sha256:33\"}]}");
    ecr("GetAuthorizationToken", "", Files.readString(recording("ecr/GetAuthorizationToken.awscli-example.json"))
        .replace("QVdTOkN...", token));
    RegistryIntegration ecr = new RegistryIntegration("ecr", "012345678910.dkr.ecr.us-west-2.amazonaws.com",
        "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", Map.of("endpoint", server.url()));
    RegistryLogin login = RegistryProviders.forType("ecr").login(ecr, options());
    assertThat(login.credentials()).isEqualTo(new Credentials("AWS", password));
    assertThat(login.expiresAt()).isEqualTo(Instant.ofEpochMilli(1448875853241L));
    EnumerationReport report;
    try (RegistryEnumerator enumerator = RegistryProviders.forType("ecr").enumerator(ecr, options())) {
      report = new EnumerationRun().run(enumerator, EnumerationPolicy.all());
    }
    assertThat(report.repositories()).extracting(RepositoryTags::repository).containsExactly("test", "ubuntu");
    assertThat(report.repositories().get(0).tags()).isEmpty();
    assertThat(report.repositories().get(1).tags()).extracting(TagInfo::name)
        .containsExactly("newer", "also-newer", "v1.13.6");
    assertThat(report.repositories().get(1).tags().getLast())
        .isEqualTo(new TagInfo("v1.13.6", Instant.ofEpochSecond(1565128275),
            "sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5"));
    assertThat(server.received()).allSatisfy(r -> assertThat(r.requestHeaders().get("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/us-west-2/ecr/aws4_request"));
  }

  @Test
  void ecrDocumentedTruncatedTokenIsAClearError() throws Exception {
    ecr("GetAuthorizationToken", "", Files.readString(recording("ecr/GetAuthorizationToken.awscli-example.json")));
    RegistryIntegration ecr = new RegistryIntegration("ecr", "012345678910.dkr.ecr.us-west-2.amazonaws.com",
        "AKIDEXAMPLE", "secret", Map.of("endpoint", server.url()));
    assertThatThrownBy(() -> RegistryProviders.forType("ecr").login(ecr, options()))
        .hasMessageContaining("the ECR authorization token is not base64");
    assertThatThrownBy(() -> EcrRegistryProvider.region(new RegistryIntegration("ecr", "registry.example.com", null, null, Map.of())))
        .hasMessageContaining("set the option \"region\"");
  }

  @Test
  void gcrSendsTheServiceAccountKeyAsJsonKeyAndRejectsOtherSecrets() throws Exception {
    String key = "{\"type\":\"service_account\",\"project_id\":\"p\",\"client_email\":\"sa@p.iam.gserviceaccount.com\","
        + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n\"}";
    RegistryProvider gcr = RegistryProviders.forType("gcr");
    assertThat(gcr.login(RegistryIntegration.of("gcr", "us-east1-docker.pkg.dev", null, key), options()).credentials())
        .isEqualTo(new Credentials("_json_key", key));
    String base64 = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    assertThat(gcr.login(RegistryIntegration.of("gcr", "gcr.io", "_json_key_base64", base64), options()).credentials())
        .isEqualTo(new Credentials("_json_key", key));
    assertThat(gcr.login(RegistryIntegration.of("gcr", "gcr.io", "oauth2accesstoken", "ya29.x"), options()).credentials())
        .isEqualTo(new Credentials("oauth2accesstoken", "ya29.x"));
    assertThatThrownBy(() -> gcr.login(RegistryIntegration.of("gcr", "gcr.io", null, "{\"type\":\"authorized_user\"}"),
        options())).hasMessageContaining("not a service-account key");
  }

  private void ecr(String operation, String requestBody, String responseBody) {
    server.answer("POST", "/", Map.of("X-Amz-Target", ECR_TARGET + operation), requestBody, 200,
        Map.of("Content-Type", "application/x-amz-json-1.1"), responseBody);
  }

  private Map<String, String> form(String path) {
    return server.received().stream().filter(r -> r.target().equals(path)).findFirst()
        .map(r -> ReplayServer.query("?" + r.requestBody())).orElseThrow(() -> new AssertionError("no request to " + path));
  }
}
