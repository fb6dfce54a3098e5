package dev.customs.server.notifications;

import dev.customs.server.secrets.SecretCipher;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What of a subscription is secret, encrypted with the subscription's id as context: the webhook's
 * HMAC key, and the whole URL of Slack and Teams (their URLs carry the credential).
 */
@Component
public class SubscriptionSecrets {
  private final SecretCipher cipher;

  public SubscriptionSecrets(SecretCipher cipher) {
    this.cipher = cipher;
  }

  String encrypt(UUID subscriptionId, String secret) {
    return secret == null ? null : cipher.encrypt(secret, context(subscriptionId));
  }

  /** Where to send: the stored target, or for Slack and Teams the decrypted URL. */
  String address(Subscription s) {
    return urlIsSecret(s.channel()) ? cipher.decrypt(s.secretEnc(), context(s.id())) : s.target();
  }

  /** The webhook's HMAC key; null for other channels and unsigned webhooks. */
  String hmacKey(Subscription s) {
    return s.channel() == ChannelType.WEBHOOK && s.secretEnc() != null ? cipher.decrypt(s.secretEnc(), context(s.id()))
        : null;
  }

  static boolean urlIsSecret(ChannelType channel) {
    return channel == ChannelType.SLACK || channel == ChannelType.TEAMS;
  }

  private static String context(UUID subscriptionId) {
    return "notification-subscription:" + subscriptionId;
  }
}
