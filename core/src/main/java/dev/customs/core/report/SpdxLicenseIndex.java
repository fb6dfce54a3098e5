package dev.customs.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.util.LicenseResolver;

/**
 * cyclonedx-core-java's {@link LicenseResolver} answers, from the same two files it ships, through
 * hash lookups. LicenseResolver walks all ~700 SPDX licenses for every text, normalizing each
 * license URL again each time (~0.4 ms a text; an image declares a hundred texts), which made
 * license resolution the largest part of a cold {@code customs sbom} of debian12.
 *
 * <p>Same rules, same order: the first license (in list order) whose id or name equals the text,
 * or — for licenses that are not deprecated — one of whose URLs equals it once both lose their
 * {@code http(s)://(www.)} prefix, all ignoring case; failing that, the first mapping that lists
 * the text among its names gives its expression, which counts only when it is a plain id.
 * SpdxLicenseIndexTest compares the two on every id, name, URL and mapping name.
 */
final class SpdxLicenseIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String[] ids;
  private final Map<String, Integer> byIdOrName = new HashMap<>();
  private final Map<String, Integer> byUrl = new HashMap<>();
  private final Map<String, String> byMappedName = new HashMap<>();

  private SpdxLicenseIndex(JsonNode licenses, JsonNode mappings) {
    ids = new String[licenses.size()];
    for (int i = 0; i < ids.length; i++) {
      JsonNode license = licenses.get(i);
      ids[i] = license.path("licenseId").asText(null);
      putFirst(byIdOrName, license.path("licenseId"), i);
      putFirst(byIdOrName, license.path("name"), i);
      if (!license.path("isDeprecatedLicenseId").asBoolean(false)) {
        for (JsonNode url : license.path("seeAlso")) {
          if (url.isTextual()) {
            byUrl.putIfAbsent(foldCase(urlNormalize(url.asText())), i);
          }
        }
      }
    }
    for (JsonNode mapping : mappings) {
      for (JsonNode name : mapping.path("names")) {
        byMappedName.putIfAbsent(foldCase(name.asText()), mapping.path("exp").asText(null));
      }
    }
  }

  /** Loaded once from the files inside the cyclonedx-core-java jar. */
  static SpdxLicenseIndex load() {
    return new SpdxLicenseIndex(read("/licenses/licenses.json").path("licenses"), read("/license-mapping.json"));
  }

  private static JsonNode read(String resource) {
    try (InputStream in = LicenseResolver.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cyclonedx-core-java has no " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from cyclonedx-core-java", e);
    }
  }

  private static void putFirst(Map<String, Integer> index, JsonNode key, int position) {
    if (key.isTextual()) {
      index.merge(foldCase(key.asText()), position, Math::min);
    }
  }

  /** The SPDX id LicenseResolver.resolve(text, false) gives {@code text} (already trimmed), if any. */
  Optional<String> id(String text) {
    Integer byName = byIdOrName.get(foldCase(text));
    Integer byLink = byUrl.get(foldCase(urlNormalize(text)));
    if (byName != null || byLink != null) {
      int first = Math.min(byName == null ? Integer.MAX_VALUE : byName, byLink == null ? Integer.MAX_VALUE : byLink);
      return Optional.ofNullable(ids[first]);
    }
    String mapped = byMappedName.get(foldCase(text));
    if (mapped == null || (mapped.startsWith("(") && mapped.endsWith(")"))) {
      return Optional.empty(); // an expression is not one license id
    }
    return Optional.of(mapped);
  }

  private static String urlNormalize(String url) {
    return url.trim().replace("https://www.", "").replace("http://www.", "").replace("https://", "")
        .replace("http://", "");
  }

  /**
   * A key equal for two strings exactly when {@link String#equalsIgnoreCase} says they are equal:
   * it compares characters by their upper case, then by the lower case of that.
   */
  static String foldCase(String s) {
    StringBuilder folded = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      folded.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
    }
    return folded.toString();
  }
}
