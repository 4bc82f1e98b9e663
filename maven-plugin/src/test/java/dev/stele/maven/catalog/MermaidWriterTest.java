package dev.stele.maven.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidWriterTest {

    private final MermaidWriter writer = new MermaidWriter();

    @Test
    void anUpcastChainIsAFlowchartFromOldestToLatest() {
        EventCatalog.Event placed = Catalogs.orders().events().get(1);

        String diagram = writer.flowchart(placed);

        assertThat(diagram).isEqualTo("""
                flowchart LR
                    v1["OrderPlaced v1"]
                    v2["OrderPlaced v2"]
                    v3["OrderPlaced v3"]
                    v1 -->|"@Upcast OrderPlacedV1.up"| v2
                    v2 -->|"@Upcast OrderPlacedV2.up"| v3
                """);
        assertThat(MermaidGrammar.problems(diagram)).isEmpty();
    }

    @Test
    void anUpcastThatSkipsAVersionLinksStraightToIt() {
        EventCatalog.Event event = Catalogs.event("Paid", List.of(
                Catalogs.version(1, "a.PaidV1", 3, List.of()),
                Catalogs.version(2, "a.PaidV2", 3, List.of()),
                Catalogs.version(3, "a.Paid", 0, List.of())));

        String diagram = writer.flowchart(event);

        assertThat(diagram).contains("    v1 -->|\"@Upcast PaidV1.up\"| v3\n", "    v2 -->|\"@Upcast PaidV2.up\"| v3\n");
        assertThat(MermaidGrammar.problems(diagram)).isEmpty();
    }

    @Test
    void anEventNamedWithCharactersMermaidReadsAsSyntaxStillGivesAValidDiagram() {
        EventCatalog.Event odd = Catalogs.event("Odd \"name\" #1 <b>\nend", List.of(
                Catalogs.version(1, "a.OddV1", 2, List.of()),
                Catalogs.version(2, "a.Odd", 0, List.of())));

        String diagram = writer.flowchart(odd);

        assertThat(diagram).contains("v1[\"Odd #quot;name#quot; #35;1 #lt;b#gt; end v1\"]");
        assertThat(MermaidGrammar.problems(diagram)).isEmpty();
    }

    @Test
    void aVersionWithoutARecordedUpcastIsANodeWithoutAnEdge() {
        EventCatalog.Event event = Catalogs.event("Shipped", List.of(
                Catalogs.version(1, "a.ShippedV1", 0, List.of()),
                Catalogs.version(2, "a.Shipped", 0, List.of())));

        String diagram = writer.flowchart(event);

        assertThat(diagram).doesNotContain("-->");
        assertThat(MermaidGrammar.problems(diagram)).isEmpty();
    }
}
