package dev.stele.catalog;

/**
 * What every catalog the processor generates says of itself, so that {@link Catalog#load()} can refuse
 * one this runtime cannot run before calling any of its code.
 */
public interface GeneratedCatalog {

    /** The {@link dev.stele.spi.SpiVersion} the catalog's code was generated for. */
    int spiVersion();

    /** The processor that generated it, such as {@code stele-processor 0.1.0}. */
    String generatedBy();
}
