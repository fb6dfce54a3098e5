package dev.customs.core.inventory.analyzer.golang;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a real Go program with module dependencies at test time, offline, with the installed Go
 * toolchain: {@code example.test/app} requires {@code example.test/lib v1.4.2} (served by a
 * {@code file://} module proxy written here), {@code example.test/old v1.0.0} replaced by the
 * module {@code example.test/fork v1.9.1}, and {@code example.test/dep} replaced by the directory
 * {@code ../dep}. The build stamps a version with {@code -ldflags -X}.
 */
final class GoTestBinaries {
  private static final String GO_MOD = """
      module example.test/app

      go 1.19

      require (
      \texample.test/dep v1.2.3
      \texample.test/lib v1.4.2
      \texample.test/old v1.0.0
      )

      replace example.test/dep => ../dep

      replace example.test/old v1.0.0 => example.test/fork v1.9.1
      """;
  private static final String MAIN = """
      package main

      import (
      \t"fmt"

      \tdep "example.test/dep"
      \tlib "example.test/lib"
      \told "example.test/old"
      )

      func main() { fmt.Println(dep.Name(), lib.Name(), old.Name()) }
      """;

  private GoTestBinaries() {}

  /** Builds (once per directory) and returns the program's path. */
  static synchronized Path appWithModules(Path workDir) throws IOException, InterruptedException {
    Path binary = workDir.resolve("app.bin");
    if (Files.exists(binary)) {
      return binary;
    }
    writeModule(workDir.resolve("dep"), "example.test/dep");
    publish(workDir.resolve("proxy"), "example.test/lib", "v1.4.2");
    publish(workDir.resolve("proxy"), "example.test/fork", "v1.9.1");
    Path app = workDir.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("go.mod"), GO_MOD);
    Files.writeString(app.resolve("main.go"), MAIN);
    run(app, Map.of("GOPROXY", workDir.resolve("proxy").toUri().toString()), "go", "build", "-o",
        binary.toString(), "-ldflags=-X 'example.test/app/cmd/app.Version=1.7.0' -X main.commit=abc123", ".");
    return binary;
  }

  /** {@code go version -m}: the Go toolchain's own reading of a binary's build info. */
  static List<String> goVersionM(Path binary) throws IOException, InterruptedException {
    return List.of(run(binary.getParent(), Map.of(), "go", "version", "-m", binary.toString()).split("\n"));
  }

  private static void writeModule(Path dir, String path) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("go.mod"), "module " + path + "\n\ngo 1.19\n");
    Files.writeString(dir.resolve("x.go"), "package x\n\nfunc Name() string { return \"" + path + "\" }\n");
  }

  /** Lays out a module the way the GOPROXY protocol serves it: list, .info, .mod and .zip. */
  private static void publish(Path proxy, String path, String version) throws IOException {
    Path dir = proxy.resolve(path).resolve("@v");
    Files.createDirectories(dir);
    String goMod = "module " + path + "\n\ngo 1.19\n";
    Files.writeString(dir.resolve("list"), version + "\n");
    Files.writeString(dir.resolve(version + ".info"), "{\"Version\":\"" + version + "\"}\n");
    Files.writeString(dir.resolve(version + ".mod"), goMod);
    try (OutputStream out = Files.newOutputStream(dir.resolve(version + ".zip"));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      String prefix = path + "@" + version + "/";
      zip.putNextEntry(new ZipEntry(prefix + "go.mod"));
      zip.write(goMod.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(prefix + "x.go"));
      zip.write(("package x\n\nfunc Name() string { return \"" + path + "\" }\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private static String run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
        .redirectErrorStream(true);
    // -modcacherw above: Go makes its module cache read-only, which would break "mvn clean".
    Path cache = dir.getParent().resolve("gocache");
    pb.environment().putAll(Map.of("GOFLAGS", "-mod=mod -modcacherw -buildvcs=false", "GOPROXY", "off", "GOSUMDB", "off",
        "GOTOOLCHAIN", "local", "CGO_ENABLED", "0", "GOCACHE", cache.resolve("build").toString(),
        "GOPATH", cache.resolve("gopath").toString()));
    pb.environment().putAll(env);
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
