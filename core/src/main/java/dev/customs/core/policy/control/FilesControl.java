package dev.customs.core.policy.control;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.PrivilegedFile;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.Glob;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Fails on files with the setuid or setgid bit ({@code setuid: true}, {@code setgid: true}), and on
 * files whose path matches a glob ({@code paths: ["**&#47;*.pem"]}; a pattern without {@code /}
 * matches the file name). The inventory keeps no full file list, so path patterns see the files it
 * does know: setuid/setgid files, package databases and manifests, and files holding secrets.
 * Content patterns are not supported: no analyzer keeps file contents.
 */
public record FilesControl(List<Glob> paths, boolean setuid, boolean setgid) implements Control {
  public static final String TYPE = "files";

  static FilesControl read(SpecReader spec) {
    FilesControl control = new FilesControl(spec.strings("paths").stream().map(Glob::of).toList(),
        spec.bool("setuid", false), spec.bool("setgid", false));
    if (control.paths.isEmpty() && !control.setuid && !control.setgid) {
      spec.problem("paths", "expected paths, setuid: true or setgid: true");
    }
    return control;
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    List<String> what = new ArrayList<>();
    if (setuid) {
      what.add("a setuid file");
    }
    if (setgid) {
      what.add("a setgid file");
    }
    if (!paths.isEmpty()) {
      what.add("a known file matching " + paths
          + " (package databases, manifests, setuid/setgid files, files with secrets)");
    }
    return "Fails when the image has " + String.join(", or ", what) + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<Offense> offenses = new ArrayList<>();
    for (PrivilegedFile f : context.inventory().privilegedFiles()) {
      if ((setuid && f.setuid()) || (setgid && f.setgid())) {
        String bits = f.setuid() && f.setgid() ? "setuid+setgid" : f.setuid() ? "setuid" : "setgid";
        offenses.add(new Offense("file", "/" + f.path() + " " + bits,
            "mode " + Integer.toOctalString(f.mode()) + ", owner uid " + f.uid()));
      }
    }
    if (!paths.isEmpty()) {
      for (String path : knownPaths(context.inventory())) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (paths.stream().anyMatch(g -> g.matches(g.text().contains("/") ? path : name))) {
          offenses.add(Offense.of("file", "/" + path + " matches " + paths));
        }
      }
    }
    return ControlResult.failIfAny(offenses, offenses.size() + " files not allowed", "no file matches");
  }

  private static TreeSet<String> knownPaths(Inventory inventory) {
    TreeSet<String> known = new TreeSet<>();
    inventory.privilegedFiles().forEach(f -> known.add(f.path()));
    inventory.packages().forEach(p -> known.addAll(p.pkg().paths()));
    inventory.secrets().forEach(s -> known.add(s.finding().path()));
    return known;
  }
}
