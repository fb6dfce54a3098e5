package dev.customs.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OCI registry (CNCF distribution, via {@code shared/tools/registry.sh}) on a free loopback
 * port, optionally with htpasswd basic auth and/or TLS, plus skopeo helpers to push the shared test
 * images into it and to read what skopeo sees. Close it (e.g. in {@code @AfterAll}) to stop it.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 180;

  private final int port;
  private final Path dir;
  private final String url;
  private final Optional<String> credentials;

  private LocalRegistry(int port, Path dir, String url, Optional<String> credentials) {
    this.port = port;
    this.dir = dir;
    this.url = url;
    this.credentials = credentials;
  }

  /** Plain HTTP, no auth. */
  public static LocalRegistry start() {
    return start(Optional.empty(), false);
  }

  /** htpasswd basic auth for one user. */
  public static LocalRegistry startWithAuth(String user, String password) {
    return start(Optional.of(user + ":" + password), false);
  }

  /** HTTPS with a self-signed certificate; trust {@link #caCertificate()}. */
  public static LocalRegistry startWithTls() {
    return start(Optional.empty(), true);
  }

  /**
   * Plain HTTP, no auth, sending distribution notifications to {@code notifyUrl} with one extra
   * header (e.g. {@code Authorization: Bearer t0ken}).
   */
  public static LocalRegistry startWithNotifications(String notifyUrl, String notifyHeader) {
    return start(Optional.empty(), false, List.of("--notify-url", notifyUrl, "--notify-header", notifyHeader));
  }

  private static LocalRegistry start(Optional<String> auth, boolean tls) {
    return start(auth, tls, List.of());
  }

  private static LocalRegistry start(Optional<String> auth, boolean tls, List<String> extra) {
    try {
      int port = freePort();
      Path dir = Files.createTempDirectory("customs-registry-");
      List<String> cmd = new ArrayList<>(List.of(TestData.tool("registry.sh").toString(), "start",
          "--port", String.valueOf(port), "--dir", dir.toString()));
      auth.ifPresent(a -> cmd.addAll(List.of("--auth", a)));
      if (tls) {
        cmd.add("--tls");
      }
      cmd.addAll(extra);
      String url = run(cmd).strip();
      return new LocalRegistry(port, dir, url, auth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:PORT}, as image references name it. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT} or {@code https://…}. */
  public String url() {
    return url;
  }

  /** The PEM certificate a TLS registry serves (self-signed, so it is its own CA). */
  public Path caCertificate() {
    return dir.resolve("certs").resolve("cert.pem");
  }

  /**
   * Copies an image from an OCI archive into {@code repository:tag} here. {@code archiveRef} picks
   * one image of a multi-image archive (its {@code org.opencontainers.image.ref.name}), or null.
   */
  public void push(Path ociArchive, String archiveRef, String repositoryAndTag) {
    push(ociArchive, archiveRef, repositoryAndTag, List.of());
  }

  /** Like {@link #push}, converted to a Docker v2 schema 2 manifest on the way ({@code --format v2s2}). */
  public void pushAsDockerV2(Path ociArchive, String archiveRef, String repositoryAndTag) {
    push(ociArchive, archiveRef, repositoryAndTag, List.of("--format", "v2s2"));
  }

  private void push(Path ociArchive, String archiveRef, String repositoryAndTag, List<String> flags) {
    String source = "oci-archive:" + ociArchive + (archiveRef == null ? "" : ":" + archiveRef);
    List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--dest-tls-verify=false"));
    cmd.addAll(flags);
    credentials.ifPresent(c -> cmd.addAll(List.of("--dest-creds", c)));
    cmd.addAll(List.of(source, "docker://" + host() + "/" + repositoryAndTag));
    run(cmd);
  }

  /**
   * Deletes the manifest {@code repository:tag} points at ({@code skopeo delete}); every tag of
   * that manifest goes with it, as with any registry's manifest DELETE.
   */
  public void delete(String repositoryAndTag) {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "delete", "--tls-verify=false"));
    credentials.ifPresent(c -> cmd.addAll(List.of("--creds", c)));
    cmd.add("docker://" + host() + "/" + repositoryAndTag);
    run(cmd);
  }

  /**
   * Fills the registry cheaply with {@code repositories.size() × tags.size()} tags of the image at
   * {@code seed} (pushed before): its blobs are mounted into each repository and its manifest is
   * PUT under each tag, eight repositories at a time. Plain-HTTP registries only.
   */
  public void copyEverywhere(String seedRepository, String seedTag, List<String> repositories, List<String> tags) {
    try (HttpClient http = HttpClient.newHttpClient();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      HttpResponse<byte[]> manifest = http.send(HttpRequest.newBuilder(URI.create(url + "/v2/" + seedRepository
          + "/manifests/" + seedTag)).header("Accept", String.join(", ", dev.customs.core.registry.MediaTypes.ACCEPTED))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      String mediaType = manifest.headers().firstValue("Content-Type").orElseThrow();
      com.fasterxml.jackson.databind.JsonNode parsed = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(manifest.body());
      List<String> blobs = new ArrayList<>();
      blobs.add(parsed.path("config").path("digest").asText());
      parsed.path("layers").forEach(l -> blobs.add(l.path("digest").asText()));
      List<java.util.concurrent.Future<?>> work = new ArrayList<>();
      for (String repository : repositories) {
        work.add(pool.submit(() -> {
          for (String digest : blobs) {
            mount(http, digest, seedRepository, repository);
          }
          for (String tag : tags) {
            putManifest(repository, tag, mediaType, manifest.body());
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : work) {
        f.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("filling the registry failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void mount(HttpClient http, String digest, String from, String repository) throws IOException,
      InterruptedException {
    HttpResponse<Void> mount = http.send(HttpRequest.newBuilder(URI.create(url + "/v2/" + repository
        + "/blobs/uploads/?mount=" + digest + "&from=" + from)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    if (mount.statusCode() != 201) {
      throw new IllegalStateException("mount of " + digest + " into " + repository + " answered " + mount.statusCode());
    }
  }

  /** What {@code skopeo inspect --raw} prints: the manifest (or index) exactly as stored. */
  public String inspectRaw(String repositoryAndTag) {
    return skopeoInspect(repositoryAndTag, "--raw");
  }

  /** What {@code skopeo inspect --config --raw} prints: the image config exactly as stored. */
  public String inspectRawConfig(String repositoryAndTag) {
    return skopeoInspect(repositoryAndTag, "--config", "--raw");
  }

  /** What {@code skopeo list-tags} prints: {@code {"Repository": …, "Tags": […]}}. */
  public String listTags(String repository) {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "list-tags", "--tls-verify=false"));
    credentials.ifPresent(c -> cmd.addAll(List.of("--creds", c)));
    cmd.add("docker://" + host() + "/" + repository);
    return run(cmd);
  }

  private String skopeoInspect(String repositoryAndTag, String... flags) {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "inspect", "--tls-verify=false"));
    cmd.addAll(List.of(flags));
    credentials.ifPresent(c -> cmd.addAll(List.of("--creds", c)));
    cmd.add("docker://" + host() + "/" + repositoryAndTag);
    return run(cmd);
  }

  /**
   * Stores a hand-written manifest or index under {@code repository:reference} (plain-HTTP
   * registries only), e.g. an index over images pushed before; returns its digest as the registry
   * reports it.
   */
  public String putManifest(String repository, String reference, String mediaType, byte[] manifest) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v2/" + repository + "/manifests/" + reference))
        .header("Content-Type", mediaType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest));
    credentials.ifPresent(c -> request.header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))));
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("PUT manifest " + repository + ":" + reference + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    run(List.of(TestData.tool("registry.sh").toString(), "stop", "--port", String.valueOf(port), "--dir", dir.toString()));
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Runs a command and returns its stdout; fails with its stderr when it exits non-zero. */
  static String run(List<String> cmd) {
    try {
      Path err = Files.createTempFile("customs-cmd-", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
              + Files.readString(err));
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
    }
  }
}
