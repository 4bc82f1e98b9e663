package dev.stele.it.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.Order;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderPlacedV1;
import dev.stele.demo.orders.OrderShipped;
import dev.stele.demo.orders.Shipping;
import dev.stele.test.AggregateFixture;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's order aggregate under stele-test's given/when/then fixture: no database. */
class OrderFixtureTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");
    private static final AggregateFixture<Order> ORDERS = AggregateFixture.of(Order.class);

    private static OrderPlaced placed(String id, long total) {
        return new OrderPlaced(new OrderId(id), UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"),
                "ada@example.com", total, "EUR", AT, Channel.WEB, List.of(), Optional.empty(), Shipping.STANDARD);
    }

    @Test
    void aPlacedOrderTakesAPayment() {
        ORDERS.given("o-1", placed("o-1", 2_990))
                .when(order -> order.pay("pay-1", 2_990, AT))
                .expectEvents(new OrderPaid(new OrderId("o-1"), "pay-1", 2_990, AT))
                .expectState(new Order("o-1", Order.Status.PAID, 2_990, 2_990));
    }

    @Test
    void anOrderThatIsNotPaidDoesNotShip() {
        IllegalStateException refused = ORDERS.given("o-2", placed("o-2", 100))
                .when(order -> order.ship("DHL", AT))
                .expectException(IllegalStateException.class);

        assertThat(refused).hasMessage("order o-2 is PLACED; only a paid order ships");
    }

    @Test
    void anOlderVersionGivenIsUpcastAsTheStoreWouldReadIt() {
        var given = ORDERS.given("o-3", new OrderPlacedV1("o-3", "grace@example.com", 42, AT));

        assertThat(given.state()).isEqualTo(new Order("o-3", Order.Status.PLACED, 4_200, 0));
        assertThat(given.version()).isEqualTo(1);
    }

    @Test
    void noEventsGivenIsTheInitialState() {
        ORDERS.given("o-4")
                .when(order -> List.of())
                .expectNoEvents()
                .expectState(new Order("o-4", Order.Status.NEW, 0, 0));
    }

    @Test
    void otherEventsThanExpectedFailNamingTheFirstDifference() {
        var then = ORDERS.given("o-5", placed("o-5", 500), new OrderPaid(new OrderId("o-5"), "pay-1", 500, AT))
                .when(order -> order.ship("DHL", AT));

        assertThatThrownBy(() -> then.expectEvents(new OrderShipped(new OrderId("o-5"), "UPS", AT)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("aggregate o-5: expected the events")
                .hasMessageContaining("first difference at event 1: expected OrderShipped[orderId=OrderId[value=o-5],"
                        + " carrier=UPS");
    }

    @Test
    void expectingEventsWhenTheCommandThrewFailsWithTheException() {
        var then = ORDERS.given("o-6").when(order -> order.pay("pay-1", 1, AT));

        assertThatThrownBy(() -> then.expectEvents(new OrderPaid(new OrderId("o-6"), "pay-1", 1, AT)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("aggregate o-6: expected events")
                .hasMessageContaining("but the command threw java.lang.IllegalStateException: order o-6 is NEW")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventTheStoreCouldNotHoldFailsWhereTheCommandProducesIt() {
        String unpairedSurrogate = "pay-\ud800";

        assertThatThrownBy(() -> ORDERS.given("o-7", placed("o-7", 10))
                .when(order -> order.pay(unpairedSurrogate, 10, AT)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("event 1 of the command (OrderPaid[")
                .hasMessageContaining("cannot be stored and read back");
    }

    @Test
    void aNullEventFromTheCommandFailsTheTestInsteadOfPassingForAnException() {
        assertThatThrownBy(() -> ORDERS.given("o-8").when(order -> java.util.Arrays.asList((Object) null)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("aggregate o-8: event 1 of the command is null; a command returns the events it decides"
                        + " on, none of them null");
    }
}
