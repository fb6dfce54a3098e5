package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Harbor's v2.0 API: {@code /projects}, {@code /projects/{p}/repositories} and
 * {@code /projects/{p}/repositories/{r}/artifacts?with_tag=true}, paged with {@code page} and
 * {@code Link}. Repository names include their project; inside a path the rest of the name is
 * URL-encoded twice, as Harbor requires for names with slashes. Untagged artifacts have no tag
 * to list and are left out.
 */
final class HarborEnumerator implements RegistryEnumerator {
  private static final int PAGE_SIZE = 100;
  private static final Function<ApiClient.Page, JsonNode> BODY = ApiClient.Page::body;

  private final ApiClient api;
  private final String project;

  HarborEnumerator(ApiClient api, String project) {
    this.api = api;
    this.project = project;
  }

  @Override
  public List<String> repositories() throws IOException {
    List<String> projects = new ArrayList<>();
    if (project != null) {
      projects.add(project);
    } else {
      for (JsonNode p : api.collect("list projects of", "/api/v2.0/projects?page=1&page_size=" + PAGE_SIZE, BODY,
          ApiClient::linkNext)) {
        projects.add(p.path("name").asText());
      }
    }
    List<String> repositories = new ArrayList<>();
    for (String p : projects) {
      String first = "/api/v2.0/projects/" + FormEncoding.component(p) + "/repositories?page=1&page_size=" + PAGE_SIZE;
      api.collect("list repositories of", first, BODY, ApiClient::linkNext)
          .forEach(r -> repositories.add(r.path("name").asText()));
    }
    return repositories;
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    int slash = repository.indexOf('/');
    if (slash < 0) {
      throw new IOException("Harbor repository " + repository + " names no project");
    }
    String projectName = FormEncoding.component(repository.substring(0, slash));
    String rest = FormEncoding.component(FormEncoding.component(repository.substring(slash + 1)));
    String first = "/api/v2.0/projects/" + projectName + "/repositories/" + rest + "/artifacts?page=1&page_size="
        + PAGE_SIZE + "&with_tag=true";
    List<TagInfo> tags = new ArrayList<>();
    for (JsonNode artifact : api.collect("list artifacts of", first, BODY, ApiClient::linkNext)) {
      String digest = artifact.path("digest").asText(null);
      for (JsonNode tag : artifact.path("tags")) {
        String pushed = tag.path("push_time").asText(artifact.path("push_time").asText(""));
        tags.add(new TagInfo(tag.path("name").asText(), pushed.isEmpty() ? null : Instant.parse(pushed), digest));
      }
    }
    return tags;
  }

  @Override
  public void close() {
    api.close();
  }
}
