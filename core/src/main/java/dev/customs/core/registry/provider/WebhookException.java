package dev.customs.core.registry.provider;

/** A webhook body that cannot be understood; the message names the provider and what is wrong. */
public class WebhookException extends Exception {
  private final String provider;

  public WebhookException(String provider, String reason) {
    this(provider, reason, null);
  }

  public WebhookException(String provider, String reason, Throwable cause) {
    super(provider + " webhook: " + reason, cause);
    this.provider = provider;
  }

  public String provider() {
    return provider;
  }
}
