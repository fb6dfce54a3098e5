package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitLab's registry API: {@code /api/v4/{projects|groups}/:id/registry/repositories} and
 * {@code /api/v4/projects/:project_id/registry/repositories/:id/tags}, offset-paged with
 * {@code page} and {@code X-Next-Page} (empty on the last page). The tag list has no dates or
 * digests (only the per-tag detail call has them).
 */
final class GitLabEnumerator implements RegistryEnumerator {
  private static final int PER_PAGE = 100;
  private final ApiClient api;
  private final String scope;
  private final Map<String, String> tagsPaths = new ConcurrentHashMap<>();

  GitLabEnumerator(ApiClient api, String scope) {
    this.api = api;
    this.scope = scope;
  }

  @Override
  public List<String> repositories() throws IOException {
    String base = "/api/v4/" + scope + "/registry/repositories?per_page=" + PER_PAGE + "&page=";
    List<String> paths = new ArrayList<>();
    for (JsonNode r : api.collect("list registry repositories of", base + 1, ApiClient.Page::body,
        page -> nextPage(page).map(n -> base + n))) {
      String path = r.path("path").asText();
      tagsPaths.put(path, "/api/v4/projects/" + r.path("project_id").asText() + "/registry/repositories/"
          + r.path("id").asText() + "/tags?per_page=" + PER_PAGE + "&page=");
      paths.add(path);
    }
    return paths;
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    String base = tagsPaths.get(repository);
    if (base == null) {
      throw new IOException("GitLab repository " + repository + " was not listed by this enumerator");
    }
    return api.collect("list tags of", base + 1, ApiClient.Page::body, page -> nextPage(page).map(n -> base + n))
        .stream().map(t -> TagInfo.named(t.path("name").asText())).toList();
  }

  private static Optional<String> nextPage(ApiClient.Page page) {
    return page.headers().firstValue("X-Next-Page").map(String::strip).filter(n -> !n.isEmpty() && !n.equals("''"));
  }

  @Override
  public void close() {
    api.close();
  }
}
