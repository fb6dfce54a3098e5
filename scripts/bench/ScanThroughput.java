import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Scan throughput of the console for COUNT images that share their base layer and COUNT images
 * that share nothing, made from the seed image (a single-layer image, pushed before as SEED_REPO:1):
 * - shared i: the seed's layer plus a small layer of its own (a file naming the image);
 * - distinct i: one layer, the seed's file system with that file in front, so its diffID and blob
 *   are new and the whole layer has to be analyzed again.
 * After a warm-up set, each set is registered through POST /api/v1/images; the time until every scan has succeeded is
 * printed. Run by scripts/bench-scans.sh:
 * java ScanThroughput.java CONSOLE_URL ADMIN_PASSWORD REGISTRY_URL SEED_REPO COUNT
 */
public class ScanThroughput {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  // The first scans of a fresh JVM run interpreted code; these are scanned first and not counted.
  private static final int WARM_UP = 10;

  public static void main(String[] args) throws Exception {
    String console = args[0];
    String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + args[1])
        .getBytes(StandardCharsets.UTF_8));
    String registry = args[2];
    String seed = args[3];
    int count = Integer.parseInt(args[4]);

    String manifest = get(registry + "/v2/" + seed + "/manifests/1", MANIFEST);
    String configDigest = first(manifest, "\"config\"\\s*:\\s*\\{[^}]*\"digest\"\\s*:\\s*\"([^\"]+)\"");
    List<String> layers = all(manifest, "\"layers\"[\\s\\S]*");
    if (layers.size() != 1) {
      throw new IllegalStateException("the seed image must have one layer, it has " + layers.size());
    }
    String config = get(registry + "/v2/" + seed + "/blobs/" + configDigest, null);
    byte[] seedLayer = bytes(registry + "/v2/" + seed + "/blobs/" + layers.getFirst());
    byte[] seedTar = new GZIPInputStream(new java.io.ByteArrayInputStream(seedLayer)).readAllBytes();

    String run = Long.toString(System.nanoTime(), 36);
    List<String> shared = new ArrayList<>();
    List<String> distinct = new ArrayList<>();
    List<String> warmUp = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < WARM_UP; i++) {
      byte[] own = concat(tar("bench-image", ("warm-up " + run + " " + i + "\n").getBytes(StandardCharsets.UTF_8),
          false), seedTar);
      warmUp.add(push(registry, "bench/warm-up-" + i, config, List.of(gzip(own)), List.of(own)));
    }
    for (int i = 0; i < count; i++) {
      byte[] mark = tar("bench-image", ("shared " + run + " " + i + "\n").getBytes(StandardCharsets.UTF_8));
      String repo = "bench/shared-" + i;
      shared.add(push(registry, repo, config, List.of(seedLayer, gzip(mark)), List.of(seedTar, mark)));
      byte[] own = concat(tar("bench-image", ("distinct " + run + " " + i + "\n").getBytes(StandardCharsets.UTF_8),
          false), seedTar);
      repo = "bench/distinct-" + i;
      distinct.add(push(registry, repo, config, List.of(gzip(own)), List.of(own)));
    }
    System.out.printf("made %d + %d images in %.1f s%n", count, count, (System.nanoTime() - t0) / 1e9);

    String registryId = post(console + "/api/v1/registries", auth, "{\"name\":\"bench\",\"type\":\"generic\",\"url\":\""
        + registry + "\",\"insecure\":true}", "\"id\"\\s*:\\s*\"([^\"]+)\"");
    System.out.println("registry integration " + registryId);
    measure("warming the server up (not a result)", console, auth, warmUp);
    measure("sharing a base layer", console, auth, shared);
    measure("sharing nothing", console, auth, distinct);
  }

  private static void measure(String label, String console, String auth, List<String> references) throws Exception {
    long start = System.nanoTime();
    List<String> scans = new ArrayList<>();
    for (String reference : references) {
      scans.add(post(console + "/api/v1/images", auth, "{\"reference\":\"" + reference + "\"}",
          "\"scan\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\""));
    }
    int done = 0;
    while (done < scans.size()) {
      String state = first(get(console + "/api/v1/scans/" + scans.get(done), null, auth), "\"state\"\\s*:\\s*\"([^\"]+)\"");
      switch (state) {
        case "succeeded" -> done++;
        case "dead", "cancelled" -> throw new IllegalStateException("scan " + scans.get(done) + " is " + state);
        default -> Thread.sleep(50);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d images %s: all scanned in %.2f s = %.2f images/s (%.0f ms each)%n", references.size(), label,
        seconds, references.size() / seconds, seconds * 1000 / references.size());
  }

  /** Pushes config (with the layers' diffIDs) and layers, then the manifest; answers the reference. */
  private static String push(String registry, String repo, String seedConfig, List<byte[]> blobs, List<byte[]> tars)
      throws Exception {
    StringBuilder diffIds = new StringBuilder();
    StringBuilder layerJson = new StringBuilder();
    for (int i = 0; i < blobs.size(); i++) {
      diffIds.append(i == 0 ? "" : ",").append('"').append(sha256(tars.get(i))).append('"');
      layerJson.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",")
          .append("\"digest\":\"").append(upload(registry, repo, blobs.get(i))).append("\",\"size\":")
          .append(blobs.get(i).length).append('}');
    }
    String config = seedConfig.replaceFirst("\"diff_ids\"\\s*:\\s*\\[[^\\]]*\\]",
        Matcher.quoteReplacement("\"diff_ids\":[" + diffIds + "]"));
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + upload(registry, repo, configBytes)
        + "\",\"size\":" + configBytes.length + "},\"layers\":[" + layerJson + "]}";
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(registry + "/v2/" + repo + "/manifests/1"))
        .header("Content-Type", MANIFEST).PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(),
        HttpResponse.BodyHandlers.ofString());
    check(put, 201);
    return URI.create(registry).getAuthority() + "/" + repo + ":1";
  }

  private static String upload(String registry, String repo, byte[] blob) throws Exception {
    String digest = sha256(blob);
    HttpResponse<String> start = HTTP.send(HttpRequest.newBuilder(URI.create(registry + "/v2/" + repo
        + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    check(start, 202);
    String location = start.headers().firstValue("Location").orElseThrow();
    URI target = URI.create(registry).resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
    check(HTTP.send(HttpRequest.newBuilder(target).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.ofString()), 201);
    return digest;
  }

  /** A tar holding one regular file (and, when {@code end}, the end-of-archive blocks). */
  private static byte[] tar(String name, byte[] content) {
    return tar(name, content, true);
  }

  private static byte[] tar(String name, byte[] content, boolean end) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, String.format("%011o", 0));
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    if (end) {
      out.writeBytes(new byte[1024]);
    }
    return out.toByteArray();
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String sha256(byte[] data) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static String get(String url, String accept) throws Exception {
    return get(url, accept, null);
  }

  private static String get(String url, String accept, String auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (auth != null) {
      request.header("Authorization", auth);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    check(response, 200);
    return response.body();
  }

  private static byte[] bytes(String url) throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static String post(String url, String auth, String json, String idPattern) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return first(response.body(), idPattern);
  }

  private static void check(HttpResponse<String> response, int expected) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + text);
    }
    return m.group(1);
  }

  private static List<String> all(String manifest, String section) {
    Matcher layers = Pattern.compile(section).matcher(manifest);
    List<String> digests = new ArrayList<>();
    if (layers.find()) {
      Matcher d = Pattern.compile("\"digest\"\\s*:\\s*\"([^\"]+)\"").matcher(layers.group());
      while (d.find()) {
        digests.add(d.group(1));
      }
    }
    return digests;
  }
}
