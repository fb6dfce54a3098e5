package dev.customs.core.vuln.feed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedDownloaderTest {
  @TempDir Path dir;

  @Test
  void aStalledDownloadIsAbandoned() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> sendSomeThenStall(socket, done));
      URI uri = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/all.zip");

      assertThatThrownBy(() -> new FeedDownloader(Duration.ofSeconds(1)).download(uri, dir.resolve("all.zip")))
          .isInstanceOf(IOException.class)
          .hasMessage("download of " + uri + " failed: no data received for 1 s");
    } finally {
      done.countDown();
    }
  }

  /** Announces 1000 bytes, sends 10, then keeps the connection open without sending more. */
  private static void sendSomeThenStall(ServerSocket socket, CountDownLatch done) {
    try (Socket client = socket.accept()) {
      client.getInputStream().read(new byte[8192]);
      OutputStream out = client.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      done.await();
    } catch (IOException | InterruptedException e) {
      // The test is over; the connection goes with it.
    }
  }
}
