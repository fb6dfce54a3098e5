package dev.customs.server.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.customs.server.common.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** PENDING until delivered, retried with backoff while attempts remain; FAILED keeps the last error. */
public enum DeliveryState {
  PENDING, SENDING, DELIVERED, FAILED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A {@code ?state=} value, in any case. */
  public static DeliveryState parse(String text) {
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.strip())).findFirst().orElseThrow(() ->
        new InvalidRequestException("state", "unknown delivery state \"" + text
            + "\"; use pending, sending, delivered or failed"));
  }
}
