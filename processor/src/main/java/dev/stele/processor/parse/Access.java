package dev.stele.processor.parse;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;

/** Whether generated code in a package can name a type or call a method. */
public final class Access {

    private Access() {
    }

    public static boolean isAccessible(Element element, String fromPackage) {
        boolean samePackage = packageOf(element).equals(fromPackage);
        for (Element at = element; at != null && at.getKind() != ElementKind.PACKAGE; at = at.getEnclosingElement()) {
            if (at.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            if (!samePackage && !at.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    public static String packageOf(Element element) {
        Element at = element;
        while (!(at instanceof PackageElement)) {
            at = at.getEnclosingElement();
        }
        return ((PackageElement) at).getQualifiedName().toString();
    }
}
