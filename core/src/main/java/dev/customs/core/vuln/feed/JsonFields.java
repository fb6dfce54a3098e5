package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads typed fields of feed JSON, with errors that name the field. */
final class JsonFields {
  /** EPSS writes offsets without a colon ({@code 2021-04-14T00:00:00+0000}). */
  private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private JsonFields() {}

  /** A required text field; missing, empty or not text is a malformed record. */
  static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new MalformedRecordException("missing required field '" + field + "'");
    }
    return value.asText().strip();
  }

  /** An optional text field, or "" */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? "" : value.asText().strip();
  }

  /** The strings of an array field (non-text items are an error); missing means empty. */
  static List<String> texts(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (!value.isArray()) {
      throw new MalformedRecordException("field '" + field + "' is not a list");
    }
    for (JsonNode item : value) {
      if (!item.isValueNode()) {
        throw new MalformedRecordException("field '" + field + "' holds a non-text item");
      }
      out.add(item.asText().strip());
    }
    return out;
  }

  /** An optional timestamp field, or null when absent. */
  static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return parseInstant(value);
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException("field '" + field + "' is not a date: " + value);
    }
  }

  /**
   * Parses the timestamp forms the feeds use: RFC 3339 ({@code 2024-12-05T15:34:39.120164Z}), NVD's
   * zone-less UTC ({@code 2024-03-29T17:15:21.150}), EPSS's {@code +0000}, or a bare date.
   */
  static Instant parseInstant(String value) {
    if (value.length() == 10) {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
      return OffsetDateTime.parse(value).toInstant();
    }
    if (value.matches(".*[+-]\\d{4}$")) {
      return OffsetDateTime.parse(value, COMPACT_OFFSET).toInstant();
    }
    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
  }

  /** An optional date field ({@code 2021-12-10}), or null. */
  static LocalDate date(JsonNode node, String field) {
    String value = text(node, field);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException("field '" + field + "' is not a date: " + value);
    }
  }
}
