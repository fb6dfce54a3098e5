package dev.customs.core.policy.control;

import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.List;
import java.util.Set;

/**
 * Fails when the image runs as root: no {@code USER}, user {@code root} or uid {@code 0}, or a user
 * name that the image's {@code /etc/passwd} gives uid 0.
 */
public record RootUserControl() implements Control {
  public static final String TYPE = "rootUser";
  private static final Set<String> ROOT = Set.of("", "root", "0");

  static RootUserControl read(SpecReader spec) {
    return new RootUserControl();
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    return "Fails when the image runs as root (no USER, or USER root or 0, or a user with uid 0).";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    String user = context.inventory().image().user().strip();
    // "user:group": only the user part decides.
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    boolean uidZero = context.inventory().users().stream().anyMatch(a -> a.name().equals(name) && a.uid() == 0);
    if (ROOT.contains(name) || uidZero) {
      String why = user.isEmpty() ? "no USER is set, so it runs as root"
          : "USER is " + user + (uidZero && !ROOT.contains(name) ? ", uid 0 in /etc/passwd" : "");
      return new ControlResult(ControlResult.Outcome.FAIL, List.of("the image runs as root"),
          List.of(Offense.of("config", why)));
    }
    return ControlResult.pass("runs as " + user);
  }
}
