package dev.stele.it.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.demo.Database;
import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.ProjectionReport;
import dev.stele.inspect.format.StatusJson;
import dev.stele.inspect.format.StatusText;
import dev.stele.it.events.AccountOpened;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VersionsTest {

    private static final ProjectionOptions QUICK = ProjectionOptions.defaults()
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20));

    @Test
    void aNewVersionIsRebuildingWithItsCatchUpCountedThenCurrentWhileTheOldOneIsSupersededAndAllIsHealthy()
            throws Exception {
        InspectFixture fixture = new InspectFixture();
        String slot = InspectFixture.freshName("it_insp_ver");
        try {
            try (ProjectionRunner v1 = runner(fixture, slot, new Owners(false)).build()) {
                v1.start();
                open(fixture, "a-1");
                open(fixture, "a-2");
                assertThat(InspectFixture.await(Duration.ofSeconds(30),
                        () -> v1.currentVersion("owners").equals(OptionalInt.of(1)))).isTrue();
            }
            open(fixture, OwnersV2.HOLD); // the third event version 2 reads in its catch-up, where it holds
            OwnersV2 owners2 = new OwnersV2();
            try (ProjectionRunner both = runner(fixture, slot, new Owners(false)).projection(owners2, QUICK).build()) {
                both.start();
                assertThat(owners2.holding.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

                InspectionStatus rebuilding = fixture.inspector.status();
                System.out.println(StatusText.status(rebuilding));
                assertThat(rebuilding.healthy()).as(rebuilding.problems().toString()).isTrue();
                assertThat(rebuilding.versions("owners")).extracting(ProjectionReport::name)
                        .containsExactly("owners", "owners@v2");
                ProjectionReport one = rebuilding.projection("owners").orElseThrow();
                assertThat(one.version()).isEqualTo(1);
                assertThat(one.current()).isTrue();
                assertThat(one.switchedAt()).isPresent();
                assertThat(one.phase()).isEqualTo(ProjectionReport.Phase.FOLLOWING_SLOT);
                assertThat(one.catchUp()).isEmpty();
                ProjectionReport two = rebuilding.projection("owners@v2").orElseThrow();
                assertThat(two.projectionName()).isEqualTo("owners");
                assertThat(two.version()).isEqualTo(2);
                assertThat(two.current()).isFalse();
                assertThat(two.switchedAt()).isEmpty();
                assertThat(two.phase()).isEqualTo(ProjectionReport.Phase.REBUILDING);
                // its one batch holds on the third event, uncommitted: none done of the three it reads
                assertThat(two.catchUp()).contains(new ProjectionReport.CatchUp(0, 3, true));
                assertThat(StatusText.status(rebuilding)).containsPattern(
                        "(?m)^owners      1 current  " + slot + " +1 +FOLLOWING_SLOT  -  ")
                        .containsPattern("(?m)^owners      2          " + slot + " +1 +REBUILDING +0 of 3  ");

                owners2.release.countDown();
                assertThat(InspectFixture.await(Duration.ofSeconds(60),
                        () -> both.currentVersion("owners").equals(OptionalInt.of(2)))).isTrue();

                InspectionStatus switched = fixture.inspector.status();
                System.out.println(StatusText.status(switched));
                System.out.println(StatusJson.json(switched));
                assertThat(switched.healthy()).as(switched.problems().toString()).isTrue();
                ProjectionReport superseded = switched.projection("owners").orElseThrow();
                assertThat(superseded.phase()).isEqualTo(ProjectionReport.Phase.SUPERSEDED);
                assertThat(superseded.current()).isFalse();
                assertThat(superseded.switchedAt()).isEmpty();
                ProjectionReport current = switched.projection("owners@v2").orElseThrow();
                assertThat(current.phase()).isEqualTo(ProjectionReport.Phase.FOLLOWING_SLOT);
                assertThat(current.current()).isTrue();
                assertThat(current.catchUp()).isEmpty();
                assertThat(current.switchedAt().orElseThrow()).isAfter(one.switchedAt().orElseThrow());
                assertThat(StatusJson.json(switched)).contains("\"phase\" : \"superseded\"",
                        "\"name\" : \"owners@v2\",\n    \"projectionName\" : \"owners\",\n    \"version\" : 2,\n"
                                + "    \"current\" : true,");
            } finally {
                owners2.release.countDown();
            }
        } finally {
            InspectFixture.dropSlot(slot);
        }
    }

    private static ProjectionRunner.Builder runner(InspectFixture fixture, String slot, Owners owners) {
        return ProjectionRunner.builder(InspectFixture.DATA_SOURCE, ReplicationConnection.of(Database.jdbcUrl()))
                .slot(slot).catalog(InspectFixture.CATALOG).storeOptions(fixture.options).projection(owners, QUICK);
    }

    private static void open(InspectFixture fixture, String id) {
        fixture.store.append(StreamId.of("account", id), ExpectedVersion.any(), List.of(new AccountOpened(id, "x")));
    }
}
