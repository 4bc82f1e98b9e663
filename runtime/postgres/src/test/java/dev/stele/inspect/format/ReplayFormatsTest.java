package dev.stele.inspect.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayFormatsTest {

    @Test
    void aReplayIsATableWithAlignedColumnsAndTheUpcastShown() {
        assertThat(ReplayText.table(Replays.plain())).isEqualTo("""
                parcel-p-1 (version 3), from version 1, 3 events
                VERSION  EVENT          STORED AS  RECORDED AT           EVENT ID                              CORRELATION  CAUSATION  DATA
                -------  -------------  ---------  --------------------  ------------------------------------  -----------  ---------  -------------------------------------
                1        ParcelShipped  v1 -> v3   2026-11-30T10:00:01Z  00000000-0000-0000-0000-000000000001  req-1        -          {"parcelId":"p-1","weightGrams":1500}
                2        ParcelShipped  v3         2026-11-30T10:00:02Z  00000000-0000-0000-0000-000000000002  req-1        cmd-9      {"parcelId":"p-1","weightGrams":700}
                3        ParcelShipped  v2 -> v3   2026-11-30T10:00:03Z  00000000-0000-0000-0000-000000000003  -            -          {"parcelId":"p-1","weightGrams":20}
                """);
    }

    @Test
    void aReplayWithStatesHasAStateColumn() {
        String table = ReplayText.table(Replays.withStates());
        assertThat(table).startsWith("account-a-1 (version 3, aggregate Account), from version 2, 2 events\n");
        assertThat(table.lines().skip(1).findFirst().orElseThrow()).endsWith("DATA                 STATE AFTER");
        assertThat(table).contains("{\"amountMinor\":200}  {\"owner\":\"Ann\",\"balanceMinor\":300}\n");
    }

    @Test
    void jsonLinesAreOneObjectPerEventWithTheDataAndStateAsJson() throws IOException {
        String lines = ReplayJson.lines(Replays.withStates());
        assertThat(lines.lines()).hasSize(2);
        assertThat(lines).endsWith("\n");
        Map<String, String> first = flat(lines.lines().findFirst().orElseThrow());
        assertThat(first).containsEntry("stream", "account-a-1").containsEntry("version", "2")
                .containsEntry("event", "MoneyDeposited").containsEntry("storedVersion", "1")
                .containsEntry("latestVersion", "1").containsEntry("recordedAt", "2026-11-30T10:00:02Z")
                .containsEntry("correlationId", "req-2").containsEntry("causationId", null)
                .containsEntry("data.amountMinor", "500").containsEntry("state.balanceMinor", "500")
                .containsEntry("state.owner", "Ann");
    }

    @Test
    void jsonLinesOfHostileValuesStayOneValidObjectPerLine() throws IOException {
        String lines = ReplayJson.lines(Replays.hostile(false));
        assertThat(lines.lines()).hasSize(1);
        assertThat(flat(lines.strip())).containsEntry("stream", "cat;egory-id#1<br>")
                .containsEntry("data.v", "x;y#59;<b>\"q\"\n%%z");
    }

    @Test
    void withoutStatesTheDiagramIsASequenceFromEachCorrelationToTheStream() {
        String diagram = ReplayMermaid.diagram(Replays.plain());
        assertThat(diagram).isEqualTo("""
                sequenceDiagram
                    participant c1 as correlation req-1
                    participant c2 as uncorrelated
                    participant stream as parcel-p-1
                    c1->>stream: v1 ParcelShipped (stored v1)
                    c1->>stream: v2 ParcelShipped
                    c2->>stream: v3 ParcelShipped (stored v2)
                """);
        MermaidGrammar.check(diagram);
    }

    @Test
    void withStatesTheDiagramIsAStateDiagramFromTheStateBeforeTheReplay() {
        String diagram = ReplayMermaid.diagram(Replays.withStates());
        assertThat(diagram).isEqualTo("""
                stateDiagram-v2
                    s1: before v2 {'owner':'Ann','balanceMinor':0}
                    [*] --> s1
                    s1 --> s2: v2 MoneyDeposited
                    s2: {'owner':'Ann','balanceMinor':500}
                    s2 --> s3: v3 MoneyWithdrawn
                    s3: {'owner':'Ann','balanceMinor':300}
                """);
        MermaidGrammar.check(diagram);
    }

    @Test
    void hostileValuesCannotBreakEitherDiagram() {
        String sequence = ReplayMermaid.diagram(Replays.hostile(false));
        String state = ReplayMermaid.diagram(Replays.hostile(true));

        MermaidGrammar.check(sequence);
        MermaidGrammar.check(state);
        assertThat(sequence).contains("participant stream as cat,egory-idNo.1‹br›")
                .contains("participant c1 as correlation %% x,yNo.59,‹b›'q' %%z");
        assertThat(state.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(4 + 4 + 120));
        assertThat(state).contains("…\n");
    }

    @Test
    void theGrammarRejectsMalformedDiagrams() {
        String good = ReplayMermaid.diagram(Replays.plain());
        assertThatThrownBy(() -> MermaidGrammar.check(good.replace("sequenceDiagram", "sequencediagram")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> MermaidGrammar.check(good.replace("c2->>stream", "c3->>stream")))
                .hasMessageContaining("declared participants, not c3");
        assertThatThrownBy(() -> MermaidGrammar.check(good.replace("(stored v2)", "(stored; v2)")))
                .hasMessageContaining("line 7");
        assertThatThrownBy(() -> MermaidGrammar.check(good.replace("req-1", "req\n-1")))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> MermaidGrammar.check(good.replace("participant stream", "participant end")))
                .hasMessageContaining("keyword");
        assertThatThrownBy(() -> MermaidGrammar.check(good.replace("    participant c2", "  participant c2")))
                .hasMessageContaining("four spaces");
        assertThatThrownBy(() -> MermaidGrammar.check(good.stripTrailing())).hasMessageContaining("line break");
        String states = ReplayMermaid.diagram(Replays.withStates());
        assertThatThrownBy(() -> MermaidGrammar.check(states.replace("    s3: {'owner':'Ann','balanceMinor':300}\n", "")))
                .hasMessageContaining("described");
        assertThatThrownBy(() -> MermaidGrammar.check(states.replace("s2 --> s3: v3 MoneyWithdrawn", "s2 --> s3")))
                .hasMessageContaining("line 6");
        assertThatThrownBy(() -> MermaidGrammar.check(states + "    [*] --> s2\n")).hasMessageContaining("one start");
        assertThatThrownBy(() -> MermaidGrammar.check(states.replace("balanceMinor':500}", "balanceMinor':<b>500}")))
                .hasMessageContaining("line 5");
    }

    /** The object's scalar fields, nested ones as {@code outer.inner}; JSON null as null. */
    private static Map<String, String> flat(String json) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser in = ReplayJson.JSON.createParser(json)) {
            assertThat(in.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            String prefix = "";
            String name = null;
            JsonToken token;
            while ((token = in.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> name = in.currentName();
                    case START_OBJECT -> prefix = name + ".";
                    case END_OBJECT -> prefix = "";
                    case VALUE_NULL -> fields.put(prefix + name, null);
                    default -> fields.put(prefix + name, in.getText());
                }
            }
        }
        return fields;
    }
}
