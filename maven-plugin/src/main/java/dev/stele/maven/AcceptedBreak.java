package dev.stele.maven;

/**
 * {@code <acceptedBreak>} in the plugin configuration: a known break accepted against one baseline.
 *
 * <pre>{@code
 * <acceptedBreak>
 *   <event>OrderPaid</event>
 *   <version>2</version>
 *   <rule>TYPE_CHANGED</rule>
 *   <field>amount</field>
 *   <baseline>1.3.0</baseline>
 *   <justification>no OrderPaid v2 was ever stored in production</justification>
 * </acceptedBreak>
 * }</pre>
 */
public class AcceptedBreak {

    /** Maven ignores defaults on nested configuration objects, so they are initialisers here. */
    private String event;
    private int version;
    private String rule;
    private String field = "";
    private String baseline;
    private String justification;

    dev.stele.maven.check.AcceptedBreak toRequest() throws org.apache.maven.plugin.MojoFailureException {
        dev.stele.maven.check.Rule parsed;
        try {
            parsed = dev.stele.maven.check.Rule.valueOf(rule == null ? "" : rule.strip());
        } catch (IllegalArgumentException e) {
            throw new org.apache.maven.plugin.MojoFailureException("<acceptedBreak> for " + event + " v" + version
                    + " names the rule '" + rule + "'; the rules are "
                    + java.util.Arrays.toString(dev.stele.maven.check.Rule.values()));
        }
        return new dev.stele.maven.check.AcceptedBreak(event, version, parsed, field == null ? "" : field.strip(),
                baseline, justification);
    }
}
