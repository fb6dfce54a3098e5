package dev.customs.core.registry.provider;

import java.util.Map;

/**
 * An answer a registry expects back instead of a plain acknowledgement (Event Grid's subscription
 * validation, the CloudEvents webhook abuse-protection handshake): the endpoint must send exactly
 * this status, these headers and this body.
 *
 * @param contentType the body's type, or null when there is no body
 * @param body the body, empty for none
 */
public record WebhookReply(int status, Map<String, String> headers, String contentType, String body) {

  public WebhookReply {
    headers = Map.copyOf(headers);
  }
}
