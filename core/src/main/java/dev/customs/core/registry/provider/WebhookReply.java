package dev.customs.core.registry.provider;

/**
 * An answer a registry expects back instead of a plain acknowledgement (Event Grid's subscription
 * validation handshake): the endpoint must send exactly this.
 */
public record WebhookReply(int status, String contentType, String body) {
}
