package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Link-header pagination with the pages of distribution v3's TestTagsAPI
 * ({@code testdata/registry-api/distribution/tags-list-pages.http}); distribution 2.8, the real
 * registry here, returns all tags in one page.
 */
class PaginationTest {
  @TempDir
  Path temp;
  private FakeRegistry fake;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private RegistryClient client() throws IOException {
    return RegistryClient.create(fake.host(), RegistryOptions.defaults().withDockerConfig(temp, List.of())
        .withInsecureHost(fake.host()).withRetries(1, Duration.ofMillis(1)));
  }

  @Test
  void tagsFollowLinkHeadersUntilThereIsNone() throws IOException {
    fake.on("/v2/test/tags/list", (ex, hit) -> {
      String query = ex.getRequestURI().getQuery();
      String body = switch (query) {
        case "n=2" -> page(ex, "</v2/test/tags/list?last=asj9e&n=2>; rel=\"next\"", "\"2j2ar\",\"asj9e\"");
        case "last=asj9e&n=2" -> page(ex, "</v2/test/tags/list?last=jyi7b&n=1>; rel=\"next\"", "\"jyi7b\"");
        case "last=jyi7b&n=1" -> page(ex, null, "\"kb0j5\",\"sb71y\"");
        default -> throw new IOException("unexpected query " + query);
      };
      FakeRegistry.send(ex, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    });

    try (RegistryClient client = client()) {
      assertThat(client.listTags("test", 2)).containsExactly("2j2ar", "asj9e", "jyi7b", "kb0j5", "sb71y");
    }
    assertThat(fake.requests()).hasSize(3);
  }

  private static String page(HttpExchange ex, String link, String tags) {
    if (link != null) {
      ex.getResponseHeaders().set("Link", link);
    }
    return "{\"name\":\"test\",\"tags\":[" + tags + "]}";
  }

  @Test
  void aLinkThatLoopsIsAnError() throws IOException {
    fake.on("/v2/_catalog", (ex, hit) -> {
      ex.getResponseHeaders().set("Link", "</v2/_catalog?n=1>; rel=\"next\"");
      FakeRegistry.send(ex, 200, "application/json", "{\"repositories\":[\"a\"]}".getBytes(StandardCharsets.UTF_8));
    });

    try (RegistryClient client = client()) {
      assertThatThrownBy(() -> client.listRepositories(1))
          .hasMessage("failed to list repositories of " + fake.host() + ": the registry's Link header loops back to"
              + " /v2/_catalog?n=1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "</v2/_catalog?last=b&n=2>; rel=\"next\"|/v2/_catalog?last=b&n=2",
      "<https://r.example/v2/_catalog?n=2&last=b>; rel=next|https://r.example/v2/_catalog?n=2&last=b",
      "<https://r.example/a>; rel=\"prev\", </v2/t?last=x>; rel=\"next\"|/v2/t?last=x",
      "</v2/t?last=x>; title=\"x\"; rel=\"prefetch next\"|/v2/t?last=x",
      "</v2/t?last=x>; rel=\"prev\"|"})
  void linkHeaderNextTarget(String header, String expected) {
    assertThat(LinkHeader.next(Optional.of(header))).isEqualTo(Optional.ofNullable(expected));
  }
}
