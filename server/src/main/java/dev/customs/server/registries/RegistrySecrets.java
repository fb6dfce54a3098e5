package dev.customs.server.registries;

import dev.customs.server.secrets.SecretCipher;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Seals and opens a registry's secrets. The registry id and the column are the associated data,
 * so a ciphertext copied to another registry does not decrypt.
 */
@Component
public class RegistrySecrets {
  private final SecretCipher cipher;

  public RegistrySecrets(SecretCipher cipher) {
    this.cipher = cipher;
  }

  public String sealCredential(UUID registryId, String secret) {
    return cipher.encrypt(secret, context(registryId, "credential"));
  }

  public String openCredential(Registry registry) {
    return cipher.decrypt(registry.secretEnc(), context(registry.id(), "credential"));
  }

  public String sealWebhookSecret(UUID registryId, String secret) {
    return cipher.encrypt(secret, context(registryId, "webhook"));
  }

  public String openWebhookSecret(Registry registry) {
    return cipher.decrypt(registry.webhookSecretEnc(), context(registry.id(), "webhook"));
  }

  private static String context(UUID id, String column) {
    return "registry:" + id + ":" + column;
  }
}
