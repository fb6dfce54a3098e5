package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON document of the shape {@code {"…": "…", "<array>": [item, item, …]}} one item at a
 * time: NVD's yearly files hold a hundred thousand CVEs, more than a tree should hold in memory.
 */
final class JsonArrayStream {
  private JsonArrayStream() {}

  /** Receives one item of the array. */
  @FunctionalInterface
  interface ItemHandler {
    void item(int index, JsonNode item);
  }

  /**
   * Streams the items of the top-level array {@code arrayField} to {@code handler} and returns the
   * top-level text fields (dates, versions). Malformed JSON is reported against the document.
   *
   * @return the top-level scalar fields, or null when the document is not valid JSON or has no such array
   */
  static Map<String, String> read(FeedDocument document, String arrayField, FeedSink sink, ItemHandler handler)
      throws IOException {
    Map<String, String> header = new HashMap<>();
    boolean found = false;
    try (InputStream in = document.open(); JsonParser parser = FeedTrees.JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        sink.malformed(document.name(), "not a JSON object");
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals(arrayField) && value == JsonToken.START_ARRAY) {
          found = true;
          for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            handler.item(index, parser.readValueAsTree());
          }
        } else if (value.isScalarValue()) {
          header.put(field, parser.getText());
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      sink.malformed(document.name(), "not valid JSON: " + e.getOriginalMessage());
      return null;
    } catch (IOException e) {
      sink.malformed(document.name(), "cannot be read: " + e);
      return null;
    }
    if (!found) {
      sink.malformed(document.name(), "no '" + arrayField + "' list");
      return null;
    }
    return header;
  }
}
