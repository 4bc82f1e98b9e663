package dev.stele.cdc.internal;

import dev.stele.cdc.ColumnRef;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.util.List;

/**
 * What reading a mapping's columns needs beyond the mapping, made once per mapping: each column's
 * {@link ColumnRef} and the {@code Record.component} name errors give.
 */
record MappingPlan(TableMapping<?> mapping, MappedColumn[] columns, ColumnRef[] refs, String[] components) {

    static MappingPlan of(TableMapping<?> mapping) {
        List<MappedColumn> columns = mapping.columns();
        ColumnRef[] refs = new ColumnRef[columns.size()];
        String[] components = new String[columns.size()];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = new ColumnRef(mapping.table(), columns.get(i).column());
            components[i] = mapping.eventClass().getSimpleName() + "." + columns.get(i).component();
        }
        return new MappingPlan(mapping, columns.toArray(MappedColumn[]::new), refs, components);
    }
}
