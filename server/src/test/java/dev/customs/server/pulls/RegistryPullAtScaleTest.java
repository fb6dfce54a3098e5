package dev.customs.server.pulls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.server.ApiTestSupport;
import dev.customs.server.QuietServerTest;
import dev.customs.server.identity.Role;
import dev.customs.server.registries.RegistryRepository;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The nightly pull of issue 7 at its test size: a real registry with 200 repositories × 5 tags,
 * pulled by the server with repository and tag filters and a tag limit; the second run finds
 * nothing new. Prints the run times.
 */
@QuietServerTest
class RegistryPullAtScaleTest extends ApiTestSupport {
  private static final int REPOSITORIES = 200;
  private static LocalRegistry registry;

  @Autowired
  RegistryPullRunner runner;
  @Autowired
  RegistryRepository registries;
  @Autowired
  JdbcClient jdbc;

  @BeforeAll
  static void fillRegistry() {
    registry = LocalRegistry.start();
    registry.push(TestData.testdata("images/alpine-3.20.3.oci.tar"), null, "seed/alpine:1");
    registry.copyEverywhere("seed/alpine", "1",
        IntStream.range(0, REPOSITORIES).mapToObj(i -> String.format("team-%s/svc-%03d", i < 100 ? "a" : "b", i))
            .toList(),
        List.of("1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0-rc1"));
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void aThousandTagsArePulledWithFiltersAndLimitsAndTheSecondRunFindsNothingNew() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "scale-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("type", "generic");
    body.put("url", registry.url());
    body.put("insecure", true);
    MvcResult created = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.POST, "/api/v1/registries"), body)).andReturn();
    UUID id = UUID.fromString(read(created).get("id").asString());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("cron", "0 3 * * *");
    settings.put("includeRepositories", List.of("team-*/**"));
    settings.put("excludeRepositories", List.of("team-b/svc-19?"));
    settings.put("excludeTags", List.of("*-rc*"));
    settings.put("maxTagsPerRepository", 3);
    settings.put("maxRepositories", 1000);
    MvcResult saved = mvc.perform(jsonBody(as(Role.ADMIN, HttpMethod.PUT, "/api/v1/registries/" + id
        + "/pull-settings"), settings)).andReturn();
    assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(200);

    PullReport first = runner.run(registries.findById(id).orElseThrow(), "manual", "test").orElseThrow();
    assertThat(first.repositoriesSeen()).isEqualTo(190);
    assertThat(first.imagesNew()).isEqualTo(190 * 3);
    assertThat(first.imagesFailed()).isZero();
    assertThat(jdbc.sql("select count(distinct tag) from images where registry_id = ?").param(id)
        .query(Long.class).single()).as("the three newest by name, no release candidate").isEqualTo(3);
    assertThat(jdbc.sql("select count(*) from images where registry_id = ? and tag = '1.0.0'").param(id)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from scan_jobs j join images i on i.id = j.image_id where i.registry_id = ?")
        .param(id).query(Long.class).single()).as("each new image queued once").isEqualTo(570);

    PullReport second = runner.run(registries.findById(id).orElseThrow(), "manual", "test").orElseThrow();
    assertThat(second.imagesNew()).isZero();
    assertThat(second.imagesChanged()).isZero();
    assertThat(second.imagesGone()).isZero();
    assertThat(second.imagesUnchanged()).isEqualTo(570);
    System.out.printf("pull of %d repositories x 5 tags (570 kept): first run %d ms, second run %d ms%n",
        REPOSITORIES, first.durationMillis(), second.durationMillis());
  }
}
