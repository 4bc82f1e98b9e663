package dev.stele.maven.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    private static final Pattern MERMAID = Pattern.compile("```mermaid\n(.*?)```\n", Pattern.DOTALL);

    private final MarkdownWriter writer = new MarkdownWriter();

    @Test
    void theCatalogueListsEachEventWithItsDiagramVersionsAndFields() {
        assertThat(writer.write(Catalogs.orders())).isEqualTo(EXPECTED);
    }

    @Test
    void everyDiagramInTheCatalogueIsInTheMermaidSubset() {
        List<String> diagrams = diagrams(writer.write(Catalogs.orders()));

        assertThat(diagrams).hasSize(1);
        diagrams.forEach(diagram -> assertThat(MermaidGrammar.problems(diagram)).as(diagram).isEmpty());
    }

    @Test
    void theSameCatalogueGivesTheSameText() {
        assertThat(writer.write(Catalogs.orders())).isEqualTo(writer.write(Catalogs.orders()));
    }

    @Test
    void withoutASchemaHistoryTheCatalogueSaysNoVersionKnowsItsRelease() {
        EventCatalog.Event event = Catalogs.event("Shipped", List.of(
                Catalogs.version(1, "a.Shipped", 0, List.of(), Catalogs.field("id", "string"))));

        String markdown = writer.write(new EventCatalog("a:b", "1.0", false, List.of(event)));

        assertThat(markdown).contains("The build has no schema history (`stele:check` writes it)")
                .contains("- Introduced in: unknown (no schema history)\n");
    }

    @Test
    void aProjectionVersionOtherThanOneIsNamedWithTheHandler() {
        EventCatalog.Event event = new EventCatalog.Event("OrderPaid", List.of(
                Catalogs.version(1, "a.OrderPaid", 0, List.of(), Catalogs.field("id", "string"))), List.of(
                new EventCatalog.Handler("projection", "order-totals", "a.OrderTotals"),
                new EventCatalog.Handler("projection", "order-totals", "a.OrderTotalsV2", 2)));

        String markdown = writer.write(new EventCatalog("a:b", "1.0", true, List.of(event)));

        assertThat(markdown).contains("Handled by: projection `order-totals` (`a.OrderTotals`), projection"
                + " `order-totals` (v2, `a.OrderTotalsV2`).\n");
    }

    @Test
    void markdownSyntaxInNamesAndDefaultsCannotBreakTheTables() {
        EventCatalog.Field field = new EventCatalog.Field("a", "string", false, Optional.of("\"x|`y`\""),
                List.of("old|name"));
        EventCatalog.Event event = Catalogs.event("Odd|*name*", List.of(
                Catalogs.version(1, "a.Odd", 0, List.of(), field)));

        String markdown = writer.write(new EventCatalog("a:b", "1.0", true, List.of(event)));

        assertThat(markdown).contains("| [Odd\\|\\*name\\*](#oddname) |")
                .contains("| `a` | `string` | no | ``\"x\\|`y`\"`` | `old\\|name` |");
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| ")) {
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as(line)
                        .isIn(5L, 6L);
            }
        }
    }

    @Test
    void anchorsAreTheOnesGitHubGivesHeadings() {
        assertThat(MarkdownWriter.anchor("OrderPlaced")).isEqualTo("orderplaced");
        assertThat(MarkdownWriter.anchor("Order Placed.v2")).isEqualTo("order-placedv2");
        assertThat(MarkdownWriter.anchor("order_placed-x")).isEqualTo("order_placed-x");
    }

    static List<String> diagrams(String markdown) {
        List<String> diagrams = new ArrayList<>();
        Matcher matcher = MERMAID.matcher(markdown);
        while (matcher.find()) {
            diagrams.add(matcher.group(1));
        }
        return diagrams;
    }

    private static final String EXPECTED = """
            # Event catalogue of `com.acme:orders` `2.0.0-SNAPSHOT`

            Written by `stele:catalog` from the files the build left under `META-INF/stele/`: 2 events, 4 event versions.

            | Event | Versions | Latest record | From table |
            |---|---|---|---|
            | [CustomerRegistered](#customerregistered) | 1 | `com.acme.CustomerRegistered` | `public.customers` |
            | [OrderPlaced](#orderplaced) | 1, 2, 3 | `com.acme.OrderPlaced` | — |

            ## CustomerRegistered

            Handled by: no aggregate or projection of this module.

            ### CustomerRegistered v1

            - Record: `com.acme.CustomerRegistered`
            - Introduced in: not in the schema history
            - Upcast: none (latest version)
            - From table: `public.customers`
            - Schema fingerprint: `d11fdfa34f44e75d`

            | Field | Type | Optional | Default | Aliases |
            |---|---|---|---|---|
            | `id` | `long` | no | — | — |
            | `at` | `timestamp-nanos (Instant)` | no | — | — |

            ## OrderPlaced

            Handled by: aggregate `order` (`com.acme.Order`), projection `order-totals` (`com.acme.OrderTotals`).

            ```mermaid
            flowchart LR
                v1["OrderPlaced v1"]
                v2["OrderPlaced v2"]
                v3["OrderPlaced v3"]
                v1 -->|"@Upcast OrderPlacedV1.up"| v2
                v2 -->|"@Upcast OrderPlacedV2.up"| v3
            ```

            ### OrderPlaced v1

            - Record: `com.acme.OrderPlacedV1`
            - Introduced in: `1.0.0`
            - Upcast: to v2 by `OrderPlacedV1.up`
            - Schema fingerprint: `0000000000000010`

            | Field | Type | Optional | Default | Aliases |
            |---|---|---|---|---|
            | `orderId` | `string` | no | — | — |

            ### OrderPlaced v2

            - Record: `com.acme.OrderPlacedV2`
            - Introduced in: `1.1.0`
            - Schema revisions: `1.1.0`, `1.2.0`
            - Upcast: to v3 by `OrderPlacedV2.up`
            - Schema fingerprint: `0000000000000020`

            | Field | Type | Optional | Default | Aliases |
            |---|---|---|---|---|
            | `orderId` | `string` | no | — | — |
            | `currency` | `string` | no | `"EUR"` | — |

            ### OrderPlaced v3

            - Record: `com.acme.OrderPlaced`
            - Introduced in: this build (`2.0.0-SNAPSHOT`)
            - Upcast: none (latest version)
            - Schema fingerprint: `0000000000000030`

            | Field | Type | Optional | Default | Aliases |
            |---|---|---|---|---|
            | `orderId` | `string` | no | — | — |
            | `currency` | `string` | no | `"EUR"` | — |
            | `ref` | `string` | yes | `null` | `reference` |
            """;
}
