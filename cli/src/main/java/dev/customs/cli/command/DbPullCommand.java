package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.options.RegistryFlags;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.vuln.db.BundleArtifact;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.db.BundleReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code customs db pull oci://HOST/REPO:TAG}: install a bundle that {@code db push} published. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Pull a vulnerability database pushed with 'customs db push' and install it after checking its"
        + " checksum and schema version; anything else under the tag is refused.")
final class DbPullCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "oci://HOST/REPO:TAG", description = "Where the bundle was pushed.")
  String reference;

  @Mixin DbLocationOption location;

  @Mixin RegistryFlags registry;

  @Override
  public Integer call() {
    BundleReference ref = BundleReference.parse(reference);
    Path target = location.path();
    try (RegistryClient client = RegistryClient.create(ref.registry(), registry.toRegistryOptions(ref.registry()))) {
      BundleMetadata meta = new BundleArtifact(client, Clock.systemUTC()).pull(ref, target);
      spec.commandLine().getOut().printf("installed %s as %s (built %s, sha256 %s)%n", ref, target,
          meta.builtAt(), meta.sha256());
      return ExitCode.OK;
    } catch (BundleException | IOException e) {
      spec.commandLine().getErr().println("customs db pull: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }
}
