package dev.stele.maven;

/**
 * {@code <retiredEvent>} in the plugin configuration: a released event version deliberately removed,
 * because no stored event of it remains.
 *
 * <pre>{@code
 * <retiredEvent>
 *   <event>OrderPaid</event>
 *   <version>1</version>
 *   <reason>all OrderPaid v1 events were migrated to v2 by the 2025-03 backfill</reason>
 * </retiredEvent>
 * }</pre>
 */
public class RetiredEvent {

    private String event;
    private int version;
    private String reason;

    dev.stele.maven.check.RetiredEvent toRequest() {
        return new dev.stele.maven.check.RetiredEvent(event, version, reason);
    }
}
