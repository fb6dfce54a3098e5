package dev.customs.server.notifications.channel;

import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.Notification;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generic JSON webhooks: the notification as JSON, signed with HMAC-SHA256 over
 * {@code "<timestamp>.<body>"} so a receiver can check both origin and freshness (see
 * docs/notifications.md for the verification recipe).
 */
@Component
public class WebhookSender implements NotificationSender {
  public static final String SIGNATURE_HEADER = "X-Customs-Signature-256";
  public static final String TIMESTAMP_HEADER = "X-Customs-Timestamp";
  public static final String EVENT_HEADER = "X-Customs-Event";
  public static final String DELIVERY_HEADER = "X-Customs-Delivery";

  private final JsonPoster poster;
  private final JsonMapper json;
  private final Clock clock;

  public WebhookSender(JsonPoster poster, JsonMapper json, Clock clock) {
    this.poster = poster;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public ChannelType channel() {
    return ChannelType.WEBHOOK;
  }

  @Override
  public void validate(String address) {
    poster.check(address);
  }

  @Override
  public Integer send(Notification notification, Destination destination) throws DeliveryException {
    byte[] body = json.writeValueAsBytes(notification);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(EVENT_HEADER, notification.event().wire());
    headers.put(DELIVERY_HEADER, destination.deliveryId().toString());
    headers.put(TIMESTAMP_HEADER, timestamp);
    if (destination.secret() != null) {
      headers.put(SIGNATURE_HEADER, "sha256=" + sign(destination.secret(), timestamp, body));
    }
    return poster.post(destination.address(), body, headers);
  }

  /** Hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK always has HmacSHA256", e);
    }
  }
}
