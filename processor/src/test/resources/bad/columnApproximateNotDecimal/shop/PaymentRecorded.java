package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@Event(name = "PaymentRecorded")
@FromTable(table = "billing.payments", operations = Operation.INSERT)
public record PaymentRecorded(
        @Column("id") long paymentId,
        @Column(value = "amount", approximate = true) long amountMinor) {
}
