package dev.customs.cliimage;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Links the smallest Java runtime that runs the CLI: the JDK modules its jars use (as jdeps finds
 * them), made into a runtime image by jlink from the JDK the builder runs on.
 */
final class JreLinker {
  // Not found by jdeps because they are reached through service lookup, not by a class reference:
  // elliptic-curve TLS (a module of its own up to JDK 21) and the extra charsets of old text files.
  private static final List<String> SERVICE_MODULES = List.of("jdk.crypto.ec", "jdk.charsets");

  // java.desktop comes in for java.beans (Jackson); its display and sound libraries link X11 and
  // ALSA, which a headless CLI never loads and a CI machine may not even have.
  private static final String HEADLESS = "**/libawt_xawt.so,**/libjawt.so,**/libjsound.so,**/libsplashscreen.so";

  private JreLinker() {}

  /** Writes the runtime to {@code target} (which must not exist) and returns the modules it holds. */
  static List<String> link(List<Path> jars, Path target) throws IOException {
    TreeSet<String> modules = new TreeSet<>(modulesUsedBy(jars));
    SERVICE_MODULES.stream().filter(m -> ModuleFinder.ofSystem().find(m).isPresent()).forEach(modules::add);
    Tools.run("jlink", List.of("--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files",
        "--no-man-pages", "--compress=zip-6", "--exclude-files=" + HEADLESS, "--output", target.toString()));
    return List.copyOf(modules);
  }

  /**
   * The modules the classes reachable from the first jar use. The others go on the class path, not
   * in as roots: a modular jar given as a root (progressbar) would be checked as a module, and its
   * {@code requires} of an automatic module fails.
   */
  static List<String> modulesUsedBy(List<Path> jars) throws IOException {
    String classPath = String.join(File.pathSeparator, jars.subList(1, jars.size()).stream().map(Path::toString)
        .toList());
    List<String> args = List.of("--ignore-missing-deps", "-q", "--recursive", "--print-module-deps",
        "--multi-release", String.valueOf(Runtime.version().feature()), "--class-path", classPath,
        jars.get(0).toString());
    String printed = Tools.run("jdeps", args).strip();
    return Arrays.stream(printed.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
  }
}
