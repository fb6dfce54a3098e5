package dev.customs.server.secrets;

import dev.customs.server.common.CustomsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the secret key once at startup, so a bad key stops the server before it serves anything. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfig {
  @Bean
  SecretCipher secretCipher(CustomsProperties properties) {
    return new SecretCipher(SecretKeyLoader.load(properties.secretKey(), properties.homeDir()));
  }
}
