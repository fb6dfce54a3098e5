package dev.customs.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private final SecretCipher cipher = new SecretCipher(key());

  @Test
  void roundTripsWithAFreshNonceEachTime() {
    String first = cipher.encrypt("pässwörd", "registry:1:credential");
    String second = cipher.encrypt("pässwörd", "registry:1:credential");
    assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("pässwörd");
    assertThat(cipher.decrypt(first, "registry:1:credential")).isEqualTo("pässwörd");
    assertThat(cipher.decrypt(second, "registry:1:credential")).isEqualTo("pässwörd");
  }

  @Test
  void anotherContextDoesNotDecrypt() {
    String sealed = cipher.encrypt("secret", "registry:1:credential");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "registry:2:credential"))
        .isInstanceOf(SecretUnreadableException.class).hasMessageContaining("registry:2:credential");
  }

  @Test
  void anotherKeyDoesNotDecrypt() {
    String sealed = cipher.encrypt("secret", "c");
    assertThatThrownBy(() -> new SecretCipher(key()).decrypt(sealed, "c"))
        .isInstanceOf(SecretUnreadableException.class).hasMessageContaining("another secret key");
  }

  @Test
  void tamperedOrForeignValuesAreRefused() {
    String sealed = cipher.encrypt("secret", "c");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(SecretUnreadableException.class);
    assertThatThrownBy(() -> cipher.decrypt("plaintext", "c")).hasMessageContaining("unknown format");
    assertThatThrownBy(() -> cipher.decrypt("v1:%%%", "c")).isInstanceOf(SecretUnreadableException.class);
  }

  private static SecretKeySpec key() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new SecretKeySpec(bytes, "AES");
  }
}
