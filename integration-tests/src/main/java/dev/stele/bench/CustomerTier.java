package dev.stele.bench;

/** The values of the PostgreSQL enum type {@code bench_customer_tier}. */
public enum CustomerTier {
    FREE, PRO, ENTERPRISE
}
