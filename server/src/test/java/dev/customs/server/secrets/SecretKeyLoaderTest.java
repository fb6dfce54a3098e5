package dev.customs.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SecretKeyLoaderTest {
  @TempDir
  Path home;

  @Test
  void firstStartCreatesAnOwnerOnlyKeyFileThatLaterStartsReuse() throws Exception {
    Path dataDir = home.resolve("data");
    SecretKey first = SecretKeyLoader.load("", dataDir);
    Path file = dataDir.resolve(SecretKeyLoader.KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    assertThat(SecretKeyLoader.load("", dataDir).getEncoded()).isEqualTo(first.getEncoded());
  }

  @Test
  void theEnvironmentKeyWinsAndNoFileIsWritten() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    SecretKey key = SecretKeyLoader.load(Base64.getEncoder().encodeToString(raw), home);
    assertThat(key.getEncoded()).isEqualTo(raw);
    assertThat(home.resolve(SecretKeyLoader.KEY_FILE)).doesNotExist();
  }

  @Test
  void wrongKeysAreRefusedWithHowToMakeOne() throws Exception {
    assertThatThrownBy(() -> SecretKeyLoader.load(Base64.getEncoder().encodeToString(new byte[16]), home))
        .hasMessageContaining("16 bytes").hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretKeyLoader.load("not base64!", home))
        .hasMessageContaining("CUSTOMS_SECRET_KEY").hasMessageContaining("not valid base64");
    Files.writeString(home.resolve(SecretKeyLoader.KEY_FILE), "c2hvcnQ=\n");
    assertThatThrownBy(() -> SecretKeyLoader.load("", home))
        .hasMessageContaining(home.resolve(SecretKeyLoader.KEY_FILE).toString()).hasMessageContaining("5 bytes");
  }

  @Test
  void aKeyFileReadableByOthersIsReported(CapturedOutput output) throws Exception {
    SecretKeyLoader.load("", home);
    Path file = home.resolve(SecretKeyLoader.KEY_FILE);
    assertThat(output.getAll()).doesNotContain("readable by others");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    SecretKeyLoader.load("", home);
    assertThat(output.getAll()).contains("readable by others (rw-r--r--)", "chmod 600 " + file)
        .doesNotContain(Files.readString(file).strip());
  }

  @Test
  void anUnwritableDataDirectoryIsNamed() throws Exception {
    Path blocker = home.resolve("file-not-dir");
    Files.writeString(blocker, "x");
    assertThatThrownBy(() -> SecretKeyLoader.load("", blocker.resolve("data")))
        .hasMessageContaining("Cannot read or create the secret key file").hasMessageContaining("CUSTOMS_SECRET_KEY");
  }
}
