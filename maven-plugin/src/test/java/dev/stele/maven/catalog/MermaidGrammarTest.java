package dev.stele.maven.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker the writers' tests rely on rejects what Mermaid would not draw: it can fail. */
class MermaidGrammarTest {

    private static final String GOOD = """
            flowchart LR
                v1["OrderPlaced v1"]
                v2["Odd #quot;name#quot; #35;2"]
                v1 -->|"@Upcast OrderPlacedV1.up"| v2
            """;

    @Test
    void aDiagramOfTheSubsetPasses() {
        assertThat(MermaidGrammar.problems(GOOD)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // wrong header
            "graph LR\n    v1[\"A\"]\n",
            "flowchart TD\n    v1[\"A\"]\n",
            // node ids
            "flowchart LR\n    1v[\"A\"]\n",
            "flowchart LR\n    v-1[\"A\"]\n",
            "flowchart LR\n    end[\"A\"]\n",
            "flowchart LR\n    Order Placed[\"A\"]\n",
            // labels: unquoted, raw quote, raw #, raw <, line break inside, bad entity
            "flowchart LR\n    v1[A]\n",
            "flowchart LR\n    v1[\"say \"hi\"\"]\n",
            "flowchart LR\n    v1[\"#1\"]\n",
            "flowchart LR\n    v1[\"a<b\"]\n",
            "flowchart LR\n    v1[\"a\n\"]\n",
            "flowchart LR\n    v1[\"#quot\"]\n",
            // edges: wrong arrow, unquoted label, undeclared node, missing spaces
            "flowchart LR\n    v1[\"A\"]\n    v2[\"B\"]\n    v1 --> v2\n",
            "flowchart LR\n    v1[\"A\"]\n    v2[\"B\"]\n    v1 -->|up| v2\n",
            "flowchart LR\n    v1[\"A\"]\n    v1 -->|\"up\"| v2\n",
            "flowchart LR\n    v1[\"A\"]\n    v2[\"B\"]\n    v1-->|\"up\"|v2\n",
            "flowchart LR\n    v1[\"A\"]\n    v2[\"B\"]\n    v1 ->|\"up\"| v2\n",
            // duplicates, indentation, no node, no final line break
            "flowchart LR\n    v1[\"A\"]\n    v1[\"B\"]\n",
            "flowchart LR\n  v1[\"A\"]\n",
            "flowchart LR\n",
            "flowchart LR\n    v1[\"A\"]",
    })
    void malformedDiagramsAreRejected(String diagram) {
        assertThat(MermaidGrammar.problems(diagram)).isNotEmpty();
    }
}
