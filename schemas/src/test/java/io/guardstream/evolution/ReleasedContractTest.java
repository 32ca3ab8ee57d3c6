package io.guardstream.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The schema-evolution guard: the build fails when the current contract cannot read data written
 * with the latest released one. See schemas/README.md for how to release a new version.
 */
class ReleasedContractTest {
  /** Tests run in the module directory. */
  private static final Path RELEASED = Path.of("released");

  @Test
  void currentSchemasReadTheLatestRelease() {
    String latest = ReleasedSchemas.latestVersion(RELEASED)
        .orElseThrow(() -> new AssertionError("no release under " + RELEASED.toAbsolutePath()));
    List<Schema> released = ReleasedSchemas.load(RELEASED.resolve(latest));
    assertThat(released).as("schemas of release %s", latest).isNotEmpty();
    assertThat(BackwardCompatibility.check(ContractSchemas.topLevel(), released))
        .as("changes to src/main/avro that are not BACKWARD compatible with release %s "
            + "(old data could not be read; add a default, or keep the old type)", latest)
        .isEmpty();
  }

  @Test
  void firstReleaseHoldsTheWholeContract() {
    assertThat(ReleasedSchemas.load(RELEASED.resolve("0.1.0"))).extracting(Schema::getFullName)
        .containsExactlyInAnyOrderElementsOf(ContractSchemas.topLevel().stream().map(Schema::getFullName).toList());
  }

  @Test
  void versionsSortNumerically() {
    assertThat(List.of("0.10.0", "0.9.1", "1.0.0", "0.9.0").stream().sorted(ReleasedSchemas.VERSION_ORDER).toList())
        .containsExactly("0.9.0", "0.9.1", "0.10.0", "1.0.0");
  }
}
