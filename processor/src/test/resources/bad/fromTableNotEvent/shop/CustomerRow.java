package shop;

import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@FromTable(table = "customers", operations = Operation.INSERT)
public record CustomerRow(long id, String email) {
}
