package dev.customs.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns a failed HTTP answer into the reason part of a {@link RegistryException} message. */
public final class RegistryErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryErrors() {}

  /** An exception for an unexpected status, with the registry's own error code when it sent one. */
  public static RegistryException forStatus(String action, String object, int status, byte[] body) {
    return new RegistryException(action, object, describe(status, body), status, null);
  }

  /** E.g. {@code 404 not found (MANIFEST_UNKNOWN: manifest unknown)}. */
  public static String describe(int status, byte[] body) {
    return reason(status) + detail(body);
  }

  static String reason(int status) {
    return switch (status) {
      case 401 -> "401 unauthorized (check --username/--password or docker login)";
      case 403 -> "403 denied (the credentials do not grant access)";
      case 404 -> "404 not found";
      case 429 -> "429 too many requests";
      case 500 -> "500 internal server error";
      case 502 -> "502 bad gateway";
      case 503 -> "503 service unavailable";
      case 504 -> "504 gateway timeout";
      default -> "unexpected HTTP status " + status;
    };
  }

  /**
   * The Distribution API error body {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}},
   * or a token service's {@code {"details":"…"}} / {@code {"error":"…"}}.
   */
  private static String detail(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode first = root.path("errors").path(0);
      if (first.isObject()) {
        return " (" + first.path("code").asText("") + ": " + first.path("message").asText("") + ")";
      }
      for (String field : new String[] {"details", "error_description", "error", "message"}) {
        if (root.path(field).isTextual()) {
          return " (" + root.path(field).asText() + ")";
        }
      }
    } catch (IOException e) {
      // not JSON: fall through to the text, which a proxy or CDN may have sent
    }
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    return text.isEmpty() || text.startsWith("<") ? "" : " (" + text.replaceAll("\\s+", " ") + ")";
  }
}
