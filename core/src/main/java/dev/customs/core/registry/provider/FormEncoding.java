package dev.customs.core.registry.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} and URL path segments. */
final class FormEncoding {
  private FormEncoding() {
  }

  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> component(e.getKey()) + "=" + component(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** One query value or path segment; spaces as {@code %20} so it also fits in a path. */
  public static String component(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
