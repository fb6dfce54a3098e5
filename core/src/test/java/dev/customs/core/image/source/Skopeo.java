package dev.customs.core.image.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The oracle: what skopeo (installed on build machines) says about an image. */
final class Skopeo {
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  private Skopeo() {}

  /** {@code skopeo inspect --raw <transport>}: the manifest bytes. */
  static byte[] rawManifest(String transport) {
    return run(List.of("inspect", "--raw", transport));
  }

  /** {@code skopeo inspect --config --raw <transport>}: the config bytes. */
  static byte[] rawConfig(String transport) {
    return run(List.of("inspect", "--config", "--raw", transport));
  }

  private static byte[] run(List<String> args) {
    return CACHE.computeIfAbsent(String.join(" ", args), k -> {
      List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
      command.addAll(args);
      try {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
        return out;
      } catch (IOException e) {
        throw new IllegalStateException("cannot run skopeo (it is a build requirement): " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }
}
