package com.example.shop;

import com.example.shop.billing.InvoiceSent;
import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Projections nested in a class, as a module may group them. */
public final class Reports {

    private Reports() {
    }

    /** Writes through the event's transaction; its handlers throw what JDBC throws. */
    @Projection(name = "daily_sales")
    public static final class DailySales {

        private static final String SALES = "insert into daily_sales (day, total_minor) values (current_date, ?)"
                + " on conflict (day) do update set total_minor = daily_sales.total_minor + excluded.total_minor";

        @Handle
        protected void on(OrderPlaced placed, EventContext context) throws SQLException {
            try (PreparedStatement update = context.connection().prepareStatement(SALES)) {
                update.setLong(1, placed.totalMinor());
                update.executeUpdate();
            }
        }

        @Handle
        public void on(InvoiceSent sent, EventContext context) {
            // invoices do not change the sales of the day
        }
    }
}
