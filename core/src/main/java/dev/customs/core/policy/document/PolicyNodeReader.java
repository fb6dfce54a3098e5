package dev.customs.core.policy.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link PolicyNode} tree from a Jackson token stream (YAML or JSON), keeping lines. A field
 * written twice is a problem: the parsers would silently keep the last one.
 */
public final class PolicyNodeReader {
  private final JsonParser parser;
  private final PolicyProblems problems;

  public PolicyNodeReader(JsonParser parser, PolicyProblems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  /** Reads the value at the current token; the parser must be positioned on its first token. */
  public PolicyNode read(String path) throws IOException {
    JsonToken token = parser.currentToken();
    int line = parser.currentTokenLocation().getLineNr();
    return switch (token) {
      case START_OBJECT -> readObject(path, line);
      case START_ARRAY -> readList(path, line);
      case VALUE_STRING -> PolicyNode.scalar(PolicyNode.Kind.STRING, path, line, parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          PolicyNode.scalar(PolicyNode.Kind.NUMBER, path, line, parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> PolicyNode.scalar(PolicyNode.Kind.BOOLEAN, path, line, parser.getText());
      case VALUE_NULL -> PolicyNode.scalar(PolicyNode.Kind.NULL, path, line, "");
      default -> throw new IOException("line " + line + ": unexpected " + token);
    };
  }

  private PolicyNode readObject(String path, int line) throws IOException {
    Map<String, PolicyNode> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String fieldPath = path.isEmpty() ? name : path + "." + name;
      parser.nextToken();
      PolicyNode value = read(fieldPath);
      if (fields.containsKey(name)) {
        problems.add(value, "duplicate field (also on line " + fields.get(name).line() + ")");
      }
      fields.put(name, value);
    }
    return new PolicyNode(PolicyNode.Kind.OBJECT, path, line, "", fields, List.of());
  }

  private PolicyNode readList(String path, int line) throws IOException {
    List<PolicyNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(read(path + "[" + items.size() + "]"));
    }
    return new PolicyNode(PolicyNode.Kind.LIST, path, line, "", Map.of(), items);
  }
}
