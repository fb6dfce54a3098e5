package dev.customs.core.registry.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235), e.g. {@code Bearer
 * realm="https://auth.example/token",service="registry",scope="repository:a/b:pull"}.
 *
 * @param scheme lower case, {@code basic} or {@code bearer} for registries
 * @param params the auth-params with their quotes removed
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  public boolean isBasic() {
    return scheme.equals("basic");
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** Parses a header value; empty when it is blank. Quoted values may hold commas. */
  public static Optional<AuthChallenge> parse(String header) {
    String text = header == null ? "" : header.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int space = text.indexOf(' ');
    String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = readValue(text, eq + 1, value);
      params.put(name, value.toString());
      while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
        i++;
      }
    }
    return Optional.of(new AuthChallenge(scheme, Map.copyOf(params)));
  }

  /** Reads a token or quoted-string starting at {@code i}; returns the index after it. */
  private static int readValue(String text, int i, StringBuilder out) {
    if (i < text.length() && text.charAt(i) == '"') {
      for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          i++;
        }
        out.append(text.charAt(i));
      }
      return i + 1;
    }
    for (; i < text.length() && text.charAt(i) != ','; i++) {
      out.append(text.charAt(i));
    }
    return i;
  }
}
