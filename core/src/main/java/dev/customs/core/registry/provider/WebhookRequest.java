package dev.customs.core.registry.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One webhook delivery as received: headers (looked up case-insensitively), query parameters (some
 * registries can only carry a secret in the URL) and the raw body, byte for byte, because
 * signatures are computed over the exact bytes.
 */
public record WebhookRequest(Map<String, List<String>> headers, Map<String, String> query, byte[] body) {

  public WebhookRequest {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
        (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    headers = Map.copyOf(lower);
    query = Map.copyOf(query);
    body = body.clone();
  }

  /** A request with single-valued headers and no query, as tests and simple servers have them. */
  public static WebhookRequest of(Map<String, String> headers, byte[] body) {
    Map<String, List<String>> multi = new TreeMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return new WebhookRequest(multi, Map.of(), body);
  }

  public WebhookRequest withQuery(Map<String, String> parameters) {
    return new WebhookRequest(headers, parameters, body);
  }

  /** The first value of a header, any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
