package dev.stele.maven.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SteleVersionsTest {

    @Test
    void theSameVersionEverywhereSaysNothing() {
        assertThat(SteleVersions.mismatch(Map.of("stele-runtime", "0.3.0", "stele-postgres", "0.3.0"), "0.3.0"))
                .isEmpty();
        assertThat(SteleVersions.mismatch(Map.of(), "0.3.0")).isEmpty();
    }

    @Test
    void anotherVersionIsNamedWithWhatToDo() {
        assertThat(SteleVersions.mismatch(Map.of("stele-runtime", "0.2.0", "stele-postgres", "0.2.0"), "0.3.0"))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .startsWith("The project uses stele-postgres 0.2.0, stele-runtime 0.2.0, but this is"
                                + " stele-maven-plugin 0.3.0")
                        .contains("Give the plugin the project's Stele version"));
    }
}
