package dev.customs.core.registry.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads webhook bodies as JSON and turns what is missing into a {@link WebhookException}. */
public final class WebhookJson {
  // A body with anything after its JSON value (an extra brace) is malformed, not a shorter body.
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private WebhookJson() {
  }

  /** The body as JSON; an empty or malformed body is an error naming the provider and the position. */
  public static JsonNode read(String provider, byte[] body) throws WebhookException {
    if (body.length == 0) {
      throw new WebhookException(provider, "the body is empty");
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new WebhookException(provider, "the body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new WebhookException(provider, "the body is not valid JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
    } catch (IOException e) {
      throw new WebhookException(provider, "the body cannot be read: " + e.getMessage(), e);
    }
  }

  public static JsonNode object(String provider, JsonNode node, String what) throws WebhookException {
    if (!node.isObject()) {
      throw new WebhookException(provider, what + " is not a JSON object");
    }
    return node;
  }

  /** A string field that must be there. */
  public static String required(String provider, JsonNode node, String field, String where) throws WebhookException {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new WebhookException(provider, where + " has no \"" + field + "\"");
    }
    return value.asText();
  }

  /** A string field that may be absent: null then. */
  public static String optional(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
