package dev.customs.core.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

  @Test
  void aConditionalDownloadOfAnUnchangedFileWritesNothing() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = "{\"vulnerabilities\":[]}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/kev.json", exchange -> {
      if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
      } else {
        exchange.getResponseHeaders().add("ETag", "\"v1\"");
        exchange.getResponseHeaders().add("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/kev.json");
      FeedDownloader downloader = new FeedDownloader(Duration.ofSeconds(5));

      FetchResult first = downloader.fetch(uri, dir.resolve("first.json"), CacheValidators.NONE, Map.of());
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.bytes()).isEqualTo(body.length);
      assertThat(first.validators()).isEqualTo(new CacheValidators("\"v1\"", "Sun, 22 Nov 2026 10:00:00 GMT"));
      assertThat(Files.readAllBytes(dir.resolve("first.json"))).isEqualTo(body);

      FetchResult second = downloader.fetch(uri, dir.resolve("second.json"), first.validators(), Map.of());
      assertThat(second.notModified()).isTrue();
      assertThat(second.validators()).isEqualTo(first.validators());
      assertThat(dir.resolve("second.json")).doesNotExist();

      assertThatThrownBy(() -> downloader.fetch(uri.resolve("/missing.json"), dir.resolve("x"), CacheValidators.NONE,
          Map.of()))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
          .hasMessageContaining("HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRefusedConnectionIsNamed() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/all.zip");

    assertThatThrownBy(() -> new FeedDownloader(Duration.ofSeconds(5)).fetch(uri, dir.resolve("all.zip"),
        CacheValidators.NONE, Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("download of " + uri + " failed: ")
        .hasMessageNotContaining("null");
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
