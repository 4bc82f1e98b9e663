package dev.stele.maven.inspect;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's compiled classes and runtime dependencies as a class loader, so that the generated catalogs of the
 * project (and of the event modules it depends on) are found and events decode to their records. Its parent is
 * the plugin's loader: the runtime's classes are the plugin's, shared with the Inspector.
 */
public final class ProjectClassPath {

    private ProjectClassPath() {
    }

    public static URLClassLoader loader(List<String> elements, ClassLoader parent) throws GoalFailure {
        Set<String> unique = new LinkedHashSet<>(elements);
        List<URL> urls = new ArrayList<>();
        for (String element : unique) {
            File file = new File(element);
            if (!file.exists()) {
                continue; // a module with no sources has no classes directory
            }
            try {
                urls.add(file.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new GoalFailure("Cannot put " + element + " on the class path: " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("stele-project", urls.toArray(URL[]::new), parent);
    }
}
