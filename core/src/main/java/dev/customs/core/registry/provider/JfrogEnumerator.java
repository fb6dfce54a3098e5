package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Artifactory's per-repository Docker v2 API, paged along {@code Link} like any v2 registry. */
final class JfrogEnumerator implements RegistryEnumerator {
  private static final int PAGE_SIZE = 1000;
  private final ApiClient api;
  private final String repositoryKey;

  JfrogEnumerator(ApiClient api, String repositoryKey) {
    this.api = api;
    this.repositoryKey = repositoryKey;
  }

  @Override
  public List<String> repositories() throws IOException {
    List<String> keys = new ArrayList<>();
    if (repositoryKey != null) {
      keys.add(repositoryKey);
    } else {
      api.collect("list Docker repositories of", "/artifactory/api/repositories?packageType=docker",
          ApiClient.Page::body, page -> Optional.empty()).forEach(r -> keys.add(r.path("key").asText()));
    }
    List<String> images = new ArrayList<>();
    for (String key : keys) {
      String first = dockerApi(key) + "/_catalog?n=" + PAGE_SIZE;
      for (JsonNode name : api.collect("list images of", first, p -> p.body().path("repositories"), ApiClient::linkNext)) {
        images.add(key + "/" + name.asText());
      }
    }
    return images;
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    int slash = repository.indexOf('/');
    if (slash < 0) {
      throw new IOException("JFrog image " + repository + " names no repository key");
    }
    String first = dockerApi(repository.substring(0, slash)) + "/" + repository.substring(slash + 1)
        + "/tags/list?n=" + PAGE_SIZE;
    return api.collect("list tags of", first, p -> p.body().path("tags"), ApiClient::linkNext).stream()
        .map(t -> TagInfo.named(t.asText())).toList();
  }

  private static String dockerApi(String key) {
    return "/artifactory/api/docker/" + FormEncoding.component(key) + "/v2";
  }

  @Override
  public void close() {
    api.close();
  }
}
