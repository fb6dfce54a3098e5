package dev.customs.cli.command;

import dev.customs.cli.ExitCode;
import dev.customs.cli.options.RegistryFlags;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.vuln.db.BundleArtifact;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What {@code db push} and {@code db pull} share: an {@code oci://} reference, the bundle location,
 * the registry flags, and the same exit codes (3 when the registry or the bundle fails).
 */
abstract class DbTransferCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DbLocationOption location;

  @Mixin RegistryFlags registry;

  /** The {@code oci://HOST/REPO:TAG} argument. */
  abstract String reference();

  /** Moves the bundle at {@code bundle} one way or the other and says what was done. */
  abstract String transfer(BundleArtifact artifact, BundleReference ref, Path bundle) throws IOException, BundleException;

  @Override
  public Integer call() {
    BundleReference ref = BundleReference.parse(reference());
    try (RegistryClient client = RegistryClient.create(ref.registry(), registry.toRegistryOptions(ref.registry()))) {
      spec.commandLine().getOut().println(transfer(new BundleArtifact(client, Clock.systemUTC()), ref, location.path()));
      return ExitCode.OK;
    } catch (BundleException | IOException e) {
      spec.commandLine().getErr().println(spec.qualifiedName(" ") + ": " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }
}
