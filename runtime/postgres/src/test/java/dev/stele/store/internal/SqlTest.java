package dev.stele.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

    /** What the statement was given: "position=value" in the order set. */
    private final List<String> bound = new ArrayList<>();

    @Test
    void namedParametersBecomeQuestionMarksAndCastsQuotesAndIdentifiersStayAsTheyAre() {
        Sql sql = Sql.of("SELECT :a::text, ':not_a_name', \"col:x\", '{}'::jsonb FROM t WHERE x = :b AND y = :a");

        assertThat(sql.jdbc()).isEqualTo("SELECT ?::text, ':not_a_name', \"col:x\", '{}'::jsonb FROM t WHERE x = ?"
                + " AND y = ?");
    }

    @Test
    void aNameBoundOnceFillsEveryPlaceItAppears() throws Exception {
        Sql sql = Sql.of("SELECT :a, :b, :a");

        try (Sql.Bound statement = sql.prepare(connection())) {
            statement.set("a", "x").set("b", 7L).execute();
        }

        assertThat(bound).containsExactly("1=x", "3=x", "2=7");
    }

    @Test
    void aNameBoundToAnArrayTakesOneValueForEachPlaceInOrder() throws Exception {
        Sql sql = Sql.of("VALUES (:id, :name), (:id, :name)");

        try (Sql.Bound statement = sql.prepare(connection())) {
            statement.each("name", new String[] {"a", "b"}).each("id", new Integer[] {1, 2}).execute();
        }

        assertThat(bound).containsExactly("2=a", "4=b", "1=1", "3=2");
    }

    @Test
    void textAndBindingCannotDrift() throws Exception {
        Sql sql = Sql.of("VALUES (:id, :name), (:id, :name)");

        try (Sql.Bound statement = sql.prepare(connection())) {
            assertThatThrownBy(() -> statement.set("nom", "a")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no parameter :nom");
            assertThatThrownBy(() -> statement.each("name", new String[] {"a"}))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(":name appears 2 times but 1");
            statement.each("name", new String[] {"a", "b"});
            assertThatThrownBy(statement::execute).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("parameter :id is not bound");
        }
        assertThatThrownBy(() -> Sql.of("SELECT ? FROM t")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A connection whose statements record what is bound to them and run nothing. */
    private Connection connection() {
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length == 2
                            && args[0] instanceof Integer at) {
                        bound.add(at + "=" + args[1]);
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("prepareStatement") ? statement : null);
    }
}
