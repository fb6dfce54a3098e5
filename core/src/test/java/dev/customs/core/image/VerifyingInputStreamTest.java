package dev.customs.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
  private static final byte[] BLOB = "hello blob".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  private static InputStream verifying(byte[] actual, long size) {
    return new VerifyingInputStream(new ByteArrayInputStream(actual), DIGEST, size, "blob X");
  }

  @Test
  void passesTheBytesOfAMatchingBlob() throws IOException {
    assertThat(verifying(BLOB, BLOB.length).readAllBytes()).isEqualTo(BLOB);
    assertThat(verifying(BLOB, -1).readAllBytes()).isEqualTo(BLOB);
  }

  @Test
  void failsAtTheEndWhenTheDigestDiffers() {
    byte[] other = "hello glob".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifying(other, other.length).readAllBytes())
        .isInstanceOf(BlobVerificationException.class)
        .hasMessage("blob X does not match its digest: expected " + DIGEST + ", got " + Digest.sha256(other));
  }

  @Test
  void failsOnTheWrongSize() {
    assertThatThrownBy(() -> verifying(BLOB, BLOB.length - 1).readAllBytes())
        .hasMessage("blob X (" + DIGEST + ") is longer than the 9 bytes its descriptor declares");
    assertThatThrownBy(() -> verifying(BLOB, BLOB.length + 5).readAllBytes())
        .hasMessage("blob X (" + DIGEST + ") is 10 bytes, not the 15 bytes its descriptor declares (truncated?)");
  }

  @Test
  void hashesSkippedBytes() throws IOException {
    InputStream in = verifying(BLOB, BLOB.length);
    assertThat(in.skip(6)).isEqualTo(6);
    assertThat(in.readAllBytes()).isEqualTo("blob".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void namesTheBlobAndHowFarItGotWhenTheSourceFails() throws IOException {
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(BLOB, 0, 4), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    });
    InputStream in = new VerifyingInputStream(failing, DIGEST, BLOB.length, "blob X");
    assertThat(in.readNBytes(4)).hasSize(4);
    assertThatThrownBy(in::read)
        .isNotInstanceOf(BlobVerificationException.class)
        .hasMessage("blob X: reading failed after 4 of 10 bytes: connection reset")
        .hasRootCauseMessage("connection reset");
  }
}
