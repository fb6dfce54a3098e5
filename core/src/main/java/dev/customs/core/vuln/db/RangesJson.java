package dev.customs.core.vuln.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
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

  static List<VersionRange> readRanges(String json) {
    List<VersionRange> ranges = new ArrayList<>();
    for (JsonNode node : parse(json)) {
      List<RangeEvent> events = new ArrayList<>();
      for (JsonNode event : node.path("events")) {
        var field = event.properties().iterator().next();
        events.add(new RangeEvent(EventKind.fromKey(field.getKey()), field.getValue().asText()));
      }
      ranges.add(new VersionRange(RangeType.valueOf(node.path("type").asText()), events));
    }
    return ranges;
  }

  static String writeStrings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array.toString();
  }

  static List<String> readStrings(String json) {
    List<String> values = new ArrayList<>();
    parse(json).forEach(node -> values.add(node.asText()));
    return values;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("corrupt JSON column in the bundle: " + e.getOriginalMessage(), e);
    }
  }
}
