package dev.stele.catalog;

import dev.stele.SteleException;

/** The generated catalogs on the class path do not fit together, or their resources are damaged. */
public class CatalogException extends SteleException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
