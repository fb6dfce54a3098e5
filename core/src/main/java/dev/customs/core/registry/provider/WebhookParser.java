package dev.customs.core.registry.provider;

/**
 * Understands one registry's push notifications. Parsing and authenticating are separate so the
 * endpoint can reject a forged delivery (401) before it reads the body as anything.
 */
public interface WebhookParser {

  /**
   * The image events of one delivery. Events that are not about images (pulls, layer pushes,
   * scans, quota warnings) are dropped, not errors.
   *
   * @throws WebhookException when the body is not this registry's payload; the message says why
   */
  WebhookDelivery parse(WebhookRequest request) throws WebhookException;

  /**
   * Whether the delivery carries the integration's webhook secret the way this registry can send
   * it (a static header, an HMAC signature over the body, a token in the URL). Compares in
   * constant time; a missing header or an empty secret is never authentic.
   */
  boolean authenticate(WebhookRequest request, String secret);
}
