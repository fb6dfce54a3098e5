package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Nexus' search API, {@code /service/rest/v1/search?repository=&format=docker}, paged with
 * {@code continuationToken}. One call lists every image (component name) with its tags
 * (component version), so it runs once and {@link #tags} answers from it. The manifest asset's
 * {@code lastModified} and {@code checksum.sha256} give the date and digest.
 */
final class NexusEnumerator implements RegistryEnumerator {
  // Nexus writes offsets without a colon (+0000) as well as with one.
  private static final DateTimeFormatter NEXUS_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

  private final ApiClient api;
  private final String repository;
  private volatile Map<String, List<TagInfo>> components;

  NexusEnumerator(ApiClient api, String repository) {
    this.api = api;
    this.repository = repository;
  }

  @Override
  public List<String> repositories() throws IOException {
    return List.copyOf(components().keySet());
  }

  @Override
  public List<TagInfo> tags(String image) throws IOException {
    List<TagInfo> tags = components().get(image);
    if (tags == null) {
      throw new IOException("Nexus repository " + repository + " has no image " + image);
    }
    return tags;
  }

  private synchronized Map<String, List<TagInfo>> components() throws IOException {
    if (components == null) {
      String first = "/service/rest/v1/search?repository=" + FormEncoding.component(repository) + "&format=docker";
      Map<String, List<TagInfo>> byName = new TreeMap<>();
      for (JsonNode item : api.collect("search components of", first, p -> p.body().path("items"),
          p -> Optional.ofNullable(p.body().path("continuationToken").textValue())
              .map(t -> first + "&continuationToken=" + FormEncoding.component(t)))) {
        byName.computeIfAbsent(item.path("name").asText(), k -> new ArrayList<>()).add(tag(item));
      }
      components = byName;
    }
    return components;
  }

  private static TagInfo tag(JsonNode item) {
    JsonNode asset = item.path("assets").path(0);
    String sha256 = asset.path("checksum").path("sha256").asText("");
    return new TagInfo(item.path("version").asText(), time(asset.path("lastModified").asText("")),
        sha256.isEmpty() ? null : "sha256:" + sha256);
  }

  private static Instant time(String text) {
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text, NEXUS_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null; // an unreadable date only loses the ordering, not the tag
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
