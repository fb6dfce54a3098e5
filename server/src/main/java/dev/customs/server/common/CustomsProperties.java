package dev.customs.server.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Server-wide settings.
 *
 * @param homeDir the data directory as an absolute path (see {@link CustomsHomeEnvironment})
 * @param secretKey base64 of the 32-byte AES key ({@code CUSTOMS_SECRET_KEY}); blank means the key file
 * @param adminPassword the first administrator's password ({@code CUSTOMS_ADMIN_PASSWORD}); blank means generate one
 */
@ConfigurationProperties("customs")
public record CustomsProperties(Path homeDir, String secretKey, String adminPassword) {
  public CustomsProperties {
    secretKey = secretKey == null ? "" : secretKey.strip();
    adminPassword = adminPassword == null ? "" : adminPassword;
  }
}
