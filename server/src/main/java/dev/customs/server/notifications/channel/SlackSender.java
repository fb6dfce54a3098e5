package dev.customs.server.notifications.channel;

import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack incoming webhooks: Block Kit message (header, text, facts as fields) with {@code text} as
 * the fallback Slack shows in notifications.
 */
@Component
public class SlackSender implements NotificationSender {
  // Slack rejects a section with more than 10 fields.
  private static final int MAX_FIELDS = 10;

  private final JsonPoster poster;
  private final JsonMapper json;

  public SlackSender(JsonPoster poster, JsonMapper json) {
    this.poster = poster;
    this.json = json;
  }

  @Override
  public ChannelType channel() {
    return ChannelType.SLACK;
  }

  @Override
  public void validate(String address) {
    poster.check(address);
  }

  @Override
  public Integer send(Notification notification, Destination destination) throws DeliveryException {
    List<Object> blocks = new ArrayList<>();
    blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", notification.title())));
    blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", notification.text())));
    List<Object> fields = notification.facts().entrySet().stream().limit(MAX_FIELDS)
        .<Object>map(f -> Map.of("type", "mrkdwn", "text", "*" + f.getKey() + "*\n" + f.getValue())).toList();
    if (!fields.isEmpty()) {
      blocks.add(Map.of("type", "section", "fields", fields));
    }
    Map<String, Object> message = Map.of("text", notification.title() + ": " + notification.text(), "blocks", blocks);
    return poster.post(destination.address(), json.writeValueAsBytes(message), Map.of());
  }
}
