package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/** Reads feed documents (JSON or YAML) as trees and reports the ones that do not parse. */
final class FeedTrees {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLFactory YAML = new YAMLFactory();

  private FeedTrees() {}

  /** Receives one parsed document. */
  @FunctionalInterface
  interface TreeHandler {
    void handle(FeedDocument document, JsonNode tree) throws IOException;
  }

  /**
   * Parses every wanted document ({@code .json}, {@code .yaml}/{@code .yml}, gzip undone) and hands it
   * over. A document that does not parse or cannot be read, or whose handler finds it malformed, is
   * reported against its name and skipped.
   */
  static void each(FeedSource source, FeedSink sink, Predicate<String> wanted, TreeHandler handler)
      throws IOException {
    source.forEachDocument(document -> {
      if (wanted.test(document.plainName())) {
        parse(document, sink, handler);
      }
    });
  }

  /** Parses one document (JSON, or YAML by its name) and hands it over, reporting what is malformed. */
  static void parse(FeedDocument document, FeedSink sink, TreeHandler handler) throws IOException {
    String name = document.plainName();
    JsonNode tree;
    try (InputStream in = document.open()) {
      tree = isYaml(name) ? readYaml(in) : JSON.readTree(in);
    } catch (JsonProcessingException e) {
      sink.malformed(document.name(), "not valid " + (isYaml(name) ? "YAML" : "JSON") + ": "
          + e.getOriginalMessage() + locationOf(e));
      return;
    } catch (IOException e) {
      sink.malformed(document.name(), "cannot be read: " + e);
      return;
    }
    if (tree == null || tree.isMissingNode()) {
      sink.malformed(document.name(), "empty document");
      return;
    }
    try {
      handler.handle(document, tree);
    } catch (MalformedRecordException | IllegalArgumentException e) {
      // IllegalArgumentException: a value the model refuses (an EPSS score above 1, a blank id).
      sink.malformed(document.name(), e.getMessage());
    }
  }

  static boolean isJsonOrYaml(String plainName) {
    return plainName.endsWith(".json") || isYaml(plainName);
  }

  static boolean isYaml(String plainName) {
    return plainName.endsWith(".yaml") || plainName.endsWith(".yml");
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  /**
   * Reads YAML keeping every scalar as the text written: a plain tree would turn the version
   * {@code 1.10} into the number 1.1 and the CVE suffix {@code 2015-1819} stays as typed.
   */
  static JsonNode readYaml(InputStream in) throws IOException {
    try (JsonParser parser = YAML.createParser(in)) {
      JsonToken first = parser.nextToken();
      return first == null ? null : textTree(parser);
    }
  }

  private static JsonNode textTree(JsonParser parser) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          object.set(field, textTree(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(textTree(parser));
        }
        return array;
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> {
        return nodes.textNode(parser.getText());
      }
    }
  }
}
