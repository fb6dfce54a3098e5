package dev.customs.server.notifications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.customs.server.common.InvalidRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a subscription can be told about; the wire names are what the API and webhook payloads carry. */
public enum NotificationEvent {
  IMAGE_NON_COMPLIANT("image.non_compliant"),
  SEVERE_VULNERABILITY("vulnerability.severe"),
  SCAN_FAILED("scan.failed"),
  FEED_STALE("feed.stale"),
  /** Sent by "test this subscription" only; never subscribed to. */
  TEST("test");

  private final String wire;

  NotificationEvent(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static NotificationEvent fromWire(String wire) {
    return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst().orElseThrow(() ->
        new InvalidRequestException("events", "unknown event \"" + wire + "\"; known events: "
            + Arrays.stream(values()).filter(e -> e != TEST).map(NotificationEvent::wire)
                .collect(Collectors.joining(", "))));
  }
}
