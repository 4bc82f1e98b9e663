package dev.stele.catalog.internal;

import dev.stele.catalog.CatalogException;
import dev.stele.format.EventIndex;
import dev.stele.format.Fingerprints;
import dev.stele.format.FormatException;
import dev.stele.format.SteleResources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

/**
 * Checks every module's {@link EventIndex} against the registered catalogs. If two modules generated a
 * catalog class of the same name, the class path holds only one of them and the other module's events
 * would silently be unknown; and a class compiled apart from its resources would register another
 * schema than the one the index lists. Both become errors at load time.
 */
public final class IndexCheck {

    private IndexCheck() {
    }

    public static void verify(ClassLoader loader, Registry registry) {
        try {
            Enumeration<URL> indexes = loader.getResources(SteleResources.INDEX);
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                try (InputStream in = url.openStream()) {
                    verify(EventIndex.read(in, url.toString()), url, registry);
                } catch (FormatException e) {
                    throw new CatalogException(e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new CatalogException("cannot read the event indexes " + SteleResources.INDEX + ": " + e.getMessage(), e);
        }
    }

    private static void verify(EventIndex index, URL url, Registry registry) {
        for (EventIndex.Entry entry : index.events()) {
            RegisteredEvent<?> registered = registry.find(entry.name(), entry.version());
            if (registered == null) {
                throw new CatalogException(entry.name() + " v" + entry.version() + " is listed in " + url
                        + " but no catalog registered it; another module probably generated a catalog class of the"
                        + " same name (" + index.catalog() + "): give one of them its own with the compiler option"
                        + " -Astele.catalog=<qualified class name>");
            }
            long registeredFingerprint = registered.type().schemaFingerprint();
            if (registeredFingerprint != entry.fingerprint()
                    && entry.javaType().equals(registered.type().javaType().getCanonicalName())) {
                throw new CatalogException(entry.name() + " v" + entry.version() + " (" + entry.javaType()
                        + ") has schema fingerprint " + Fingerprints.toHex(registeredFingerprint) + " in its class but "
                        + Fingerprints.toHex(entry.fingerprint()) + " in " + url + ": the classes and resources of the"
                        + " module come from different compilations; rebuild it");
            }
        }
    }
}
