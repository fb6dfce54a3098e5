package dev.customs.server.registries;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A registry integration as stored. {@code secretEnc} (the password or token) and
 * {@code webhookSecretEnc} are AES-GCM ciphertext; see {@link RegistrySecrets}. {@code options} are the
 * provider's settings (ECR {@code region}, Quay {@code namespace}…; docs/registry-providers.md).
 */
public record Registry(UUID id, String name, RegistryType type, String url, AuthKind authKind, String username,
    String secretEnc, String caPem, boolean insecure, String rescanCron, String webhookSecretEnc, String connector,
    Instant createdAt, Instant updatedAt, Map<String, String> options) {

  public Registry {
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
