package dev.stele.maven.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void parametersWinOverTheEnvironment() throws GoalFailure {
        DatabaseSettings settings = DatabaseSettings.resolve("jdbc:postgresql://db/app", "ann", "secret", "public",
                "stele_", Map.of("STELE_JDBC_URL", "jdbc:postgresql://other/x", "STELE_JDBC_USER", "bob",
                        "STELE_JDBC_PASSWORD", "pw"));
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(settings.user()).isEqualTo("ann");
        assertThat(settings.password()).isEqualTo("secret");
    }

    @Test
    void blankParametersFallBackToTheEnvironment() throws GoalFailure {
        DatabaseSettings settings = DatabaseSettings.resolve(" ", null, "", "app", "es_", Map.of("STELE_JDBC_URL",
                "jdbc:postgresql://db/app", "STELE_JDBC_USER", "bob", "STELE_JDBC_PASSWORD", "pw"));
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(settings.user()).isEqualTo("bob");
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.storeOptions().schema()).isEqualTo("app");
        assertThat(settings.storeOptions().tablePrefix()).isEqualTo("es_");
    }

    @Test
    void noUrlFailsSayingHowToGiveOne() {
        assertThatThrownBy(() -> DatabaseSettings.resolve(null, null, null, "public", "stele_", NO_ENVIRONMENT))
                .isInstanceOf(GoalFailure.class)
                .hasMessage("No database to inspect: give its JDBC URL with -Dstele.jdbc.url=jdbc:postgresql://host:5432/db"
                        + " (or the environment variable STELE_JDBC_URL).");
    }

    @Test
    void aUrlOfAnotherDriverFailsWithoutShowingItsQueryString() {
        assertThatThrownBy(() -> DatabaseSettings.resolve("jdbc:mysql://db/app?password=secret", null, null, "public",
                "stele_", NO_ENVIRONMENT))
                .isInstanceOf(GoalFailure.class)
                .hasMessage("Not a PostgreSQL JDBC URL: 'jdbc:mysql://db/app'; give one of the form"
                        + " jdbc:postgresql://host:5432/db with -Dstele.jdbc.url (or STELE_JDBC_URL).")
                .hasMessageNotContaining("secret");
    }

    @Test
    void toStringHidesThePassword() throws GoalFailure {
        DatabaseSettings settings = DatabaseSettings.resolve("jdbc:postgresql://db/app?password=secret", null,
                "secret2", "public", "stele_", NO_ENVIRONMENT);
        assertThat(settings.toString()).doesNotContain("secret");
    }
}
