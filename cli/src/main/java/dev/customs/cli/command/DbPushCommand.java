package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.options.RegistryFlags;
import dev.customs.core.image.Digest;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.vuln.db.BundleArtifact;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code customs db push oci://HOST/REPO:TAG}: publish the bundle to a registry as an OCI artifact. */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Push the vulnerability database (checked against its .sha256 first) to a registry as an OCI"
        + " artifact, for sites that mirror it with their own registries.")
final class DbPushCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "oci://HOST/REPO:TAG", description = "Where to push the bundle.")
  String reference;

  @Mixin DbLocationOption location;

  @Mixin RegistryFlags registry;

  @Override
  public Integer call() {
    BundleReference ref = BundleReference.parse(reference);
    Path bundle = location.path();
    try (RegistryClient client = RegistryClient.create(ref.registry(), registry.toRegistryOptions(ref.registry()))) {
      Digest digest = new BundleArtifact(client, Clock.systemUTC()).push(bundle, ref);
      spec.commandLine().getOut().printf("pushed %s to %s (manifest %s)%n", bundle, ref, digest);
      return ExitCode.OK;
    } catch (BundleException | IOException e) {
      spec.commandLine().getErr().println("customs db push: " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }
}
