package dev.stele.maven.check;

/** The check's configuration is wrong: an accepted break without justification, an unknown rule, ... */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
