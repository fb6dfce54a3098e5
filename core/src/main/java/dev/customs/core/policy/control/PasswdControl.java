package dev.customs.core.policy.control;

import dev.customs.core.inventory.UserAccount;
import dev.customs.core.policy.Control;
import dev.customs.core.policy.ControlResult;
import dev.customs.core.policy.EvaluationContext;
import dev.customs.core.Glob;
import dev.customs.core.policy.Offense;
import dev.customs.core.policy.document.SpecReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails on accounts of the image's final {@code /etc/passwd} with a forbidden name (globs), uid or
 * login shell (globs); {@code exemptUsers} are not judged, so "uid 0 for root only" is
 * {@code uids: [0], exemptUsers: [root]}.
 */
public record PasswdControl(List<Glob> users, List<Long> uids, List<Glob> shells, List<String> exemptUsers)
    implements Control {
  public static final String TYPE = "passwd";

  static PasswdControl read(SpecReader spec) {
    PasswdControl control = new PasswdControl(spec.strings("users").stream().map(Glob::of).toList(),
        spec.wholeNumbers("uids"),
        spec.strings("shells").stream().map(Glob::of).toList(), spec.strings("exemptUsers"));
    if (control.users.isEmpty() && control.uids.isEmpty() && control.shells.isEmpty()) {
      spec.problem("users", "expected users, uids or shells");
    }
    return control;
  }

  @Override public String type() {
    return TYPE;
  }

  @Override public String explain() {
    List<String> rules = new ArrayList<>();
    if (!users.isEmpty()) {
      rules.add("named like " + users);
    }
    if (!uids.isEmpty()) {
      rules.add("with uid " + uids);
    }
    if (!shells.isEmpty()) {
      rules.add("with login shell " + shells);
    }
    String exempt = exemptUsers.isEmpty() ? "" : " (except " + String.join(", ", exemptUsers) + ")";
    return "Fails when /etc/passwd has an account " + String.join(", or ", rules) + exempt + ".";
  }

  @Override public ControlResult evaluate(EvaluationContext context) {
    List<UserAccount> accounts = context.inventory().users();
    List<Offense> offenses = accounts.stream().filter(a -> !exemptUsers.contains(a.name()))
        .filter(a -> users.stream().anyMatch(g -> g.matches(a.name())) || uids.contains(a.uid())
            || shells.stream().anyMatch(g -> g.matches(a.shell())))
        .map(a -> new Offense("account", a.name() + " (uid " + a.uid() + ", shell " + a.shell() + ")", "/etc/passwd"))
        .toList();
    return ControlResult.failIfAny(offenses, offenses.size() + " accounts not allowed",
        "none of the " + accounts.size() + " accounts is forbidden");
  }
}
