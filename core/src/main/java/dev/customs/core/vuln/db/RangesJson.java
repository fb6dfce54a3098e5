package dev.customs.core.vuln.db;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of ranges and version lists in the {@code affected} table (OSV-shaped). */
final class RangesJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RangesJson() {}

  static String writeRanges(List<VersionRange> ranges) {
    ArrayNode array = JSON.createArrayNode();
    for (VersionRange range : ranges) {
      ObjectNode node = array.addObject();
      node.put("type", range.type().name());
      ArrayNode events = node.putArray("events");
      for (RangeEvent event : range.events()) {
        events.addObject().put(event.kind().key(), event.version());
      }
    }
    return array.toString();
  }

  /**
   * Reads what {@link #writeRanges} wrote, token by token: matching parses thousands of these per
   * image, and building a tree of nodes for each cost several times more.
   */
  static List<VersionRange> readRanges(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      List<VersionRange> ranges = new ArrayList<>();
      expect(p, p.nextToken() == JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String type = "";
        List<RangeEvent> events = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "type" -> type = p.getText();
            case "events" -> readEvents(p, events);
            default -> p.skipChildren();
          }
        }
        ranges.add(new VersionRange(RangeType.valueOf(type), events));
      }
      return ranges;
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  /** The events array the parser is at: objects of one field each, the kind and the version. */
  private static void readEvents(JsonParser p, List<RangeEvent> events) throws IOException {
    expect(p, p.currentToken() == JsonToken.START_ARRAY);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      expect(p, p.nextToken() == JsonToken.FIELD_NAME);
      EventKind kind = EventKind.fromKey(p.currentName());
      p.nextToken();
      events.add(new RangeEvent(kind, p.getText()));
      while (p.nextToken() != JsonToken.END_OBJECT) {
        p.skipChildren();
      }
    }
  }

  static String writeStrings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array.toString();
  }

  static List<String> readStrings(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      List<String> values = new ArrayList<>();
      expect(p, p.nextToken() == JsonToken.START_ARRAY);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        values.add(p.getText());
      }
      return values;
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  private static void expect(JsonParser p, boolean expected) throws JsonParseException {
    if (!expected) {
      throw new JsonParseException(p, "unexpected " + p.currentToken());
    }
  }

  private static UncheckedIOException corrupt(IOException e) {
    String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return new UncheckedIOException("corrupt JSON column in the bundle: " + reason, e);
  }
}
