package dev.customs.server.notifications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.customs.server.common.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** Where a subscription delivers: a JSON webhook (HMAC-signed), Slack, Microsoft Teams or e-mail. */
public enum ChannelType {
  WEBHOOK, SLACK, TEAMS, EMAIL;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ChannelType fromWire(String wire) {
    return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst().orElseThrow(() ->
        new InvalidRequestException("channel", "unknown channel \"" + wire + "\"; use webhook, slack, teams or email"));
  }
}
