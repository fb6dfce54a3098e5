package dev.customs.server.notifications.channel;

import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.Notification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft Teams through a Workflows ("When a Teams webhook request is received") URL: a message
 * with one Adaptive Card (title, text, a fact set). The older Office 365 connector cards are
 * retired by Microsoft, so only Adaptive Cards are sent.
 */
@Component
public class TeamsSender implements NotificationSender {
  private final JsonPoster poster;
  private final JsonMapper json;

  public TeamsSender(JsonPoster poster, JsonMapper json) {
    this.poster = poster;
    this.json = json;
  }

  @Override
  public ChannelType channel() {
    return ChannelType.TEAMS;
  }

  @Override
  public void validate(String address) {
    poster.check(address);
  }

  @Override
  public Integer send(Notification notification, Destination destination) throws DeliveryException {
    List<Object> facts = notification.facts().entrySet().stream()
        .<Object>map(f -> Map.of("title", f.getKey(), "value", f.getValue())).toList();
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    card.put("body", List.of(
        Map.of("type", "TextBlock", "size", "Medium", "weight", "Bolder", "text", notification.title(), "wrap", true),
        Map.of("type", "TextBlock", "text", notification.text(), "wrap", true),
        Map.of("type", "FactSet", "facts", facts)));
    Map<String, Object> message = Map.of("type", "message", "attachments",
        List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
    return poster.post(destination.address(), json.writeValueAsBytes(message), Map.of());
  }
}
