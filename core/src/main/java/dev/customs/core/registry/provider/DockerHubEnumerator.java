package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Hub API: {@code /v2/namespaces/{ns}/repositories} and
 * {@code /v2/namespaces/{ns}/repositories/{repo}/tags}, paged by the absolute {@code next} URL.
 * Tags carry {@code last_updated} and {@code digest}.
 */
final class DockerHubEnumerator implements RegistryEnumerator {
  private static final int PAGE_SIZE = 100;
  private final ApiClient hub;
  private final String namespace;

  DockerHubEnumerator(ApiClient hub, String namespace) {
    this.hub = hub;
    this.namespace = namespace;
  }

  @Override
  public List<String> repositories() throws IOException {
    String first = "/v2/namespaces/" + FormEncoding.component(namespace) + "/repositories?page_size=" + PAGE_SIZE;
    return hub.collect("list repositories of", first, p -> p.body().path("results"), DockerHubEnumerator::next)
        .stream().map(r -> namespace + "/" + r.path("name").asText()).toList();
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    String name = repository.startsWith(namespace + "/") ? repository.substring(namespace.length() + 1) : repository;
    String first = "/v2/namespaces/" + FormEncoding.component(namespace) + "/repositories/"
        + FormEncoding.component(name) + "/tags?page_size=" + PAGE_SIZE;
    return hub.collect("list tags of", first, p -> p.body().path("results"), DockerHubEnumerator::next)
        .stream().map(DockerHubEnumerator::tag).toList();
  }

  private static TagInfo tag(JsonNode tag) {
    String updated = tag.path("tag_last_pushed").asText(tag.path("last_updated").asText(""));
    return new TagInfo(tag.path("name").asText(), updated.isEmpty() ? null : Instant.parse(updated),
        tag.path("digest").asText(null));
  }

  private static Optional<String> next(ApiClient.Page page) {
    return Optional.ofNullable(page.body().path("next").textValue()).filter(n -> !n.isBlank());
  }

  @Override
  public void close() {
    hub.close();
  }
}
