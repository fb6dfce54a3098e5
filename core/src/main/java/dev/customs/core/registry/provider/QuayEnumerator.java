package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.registry.RegistryException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quay's API: {@code GET /api/v1/repository?namespace=} paged by the {@code next_page} token, and
 * {@code GET /api/v1/repository/{ns}/{name}/tag/?onlyActiveTags=true&page=N} paged while
 * {@code has_additional}. Tags carry {@code start_ts} (epoch seconds) and {@code last_modified}
 * (RFC 1123) and {@code manifest_digest}.
 */
final class QuayEnumerator implements RegistryEnumerator {
  private static final int MAX_PAGES = 10_000;
  private final ApiClient api;
  private final String namespace;

  QuayEnumerator(ApiClient api, String namespace) {
    this.api = api;
    this.namespace = namespace;
  }

  @Override
  public List<String> repositories() throws IOException {
    String first = "/api/v1/repository?namespace=" + FormEncoding.component(namespace);
    List<String> names = new ArrayList<>();
    for (JsonNode r : api.collect("list repositories of", first, page -> page.body().path("repositories"),
        page -> Optional.ofNullable(page.body().path("next_page").textValue())
            .map(token -> first + "&next_page=" + FormEncoding.component(token)))) {
      names.add(r.path("namespace").asText(namespace) + "/" + r.path("name").asText());
    }
    return names;
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    List<TagInfo> tags = new ArrayList<>();
    String base = "/api/v1/repository/" + repository + "/tag/?onlyActiveTags=true&limit=100&page=";
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode body = api.get("list tags of", base + page).body();
      if (!body.path("tags").isArray()) {
        throw new RegistryException("list tags of", repository, "the answer holds no \"tags\" list");
      }
      for (JsonNode tag : body.path("tags")) {
        tags.add(new TagInfo(tag.path("name").asText(), pushed(tag), tag.path("manifest_digest").asText(null)));
      }
      if (!body.path("has_additional").asBoolean(false)) {
        return tags;
      }
    }
    throw new RegistryException("list tags of", repository, "more than " + MAX_PAGES + " pages");
  }

  private static Instant pushed(JsonNode tag) {
    if (tag.path("start_ts").isNumber()) {
      return Instant.ofEpochSecond(tag.path("start_ts").asLong());
    }
    String modified = tag.path("last_modified").asText("");
    try {
      return modified.isEmpty() ? null : ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null; // an unreadable date only loses the ordering, not the tag
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
