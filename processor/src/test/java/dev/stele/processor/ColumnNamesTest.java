package dev.stele.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.processor.parse.ColumnNames;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The names {@code @FromTable} and {@code @Column} read: the default column of a component, tables, identifiers. */
class ColumnNamesTest {

    @ParameterizedTest
    @CsvSource({
        "id, id",
        "createdAt, created_at",
        "customerID, customer_id",
        "HTTPServer, http_server",
        "url2, url2",
        "addressLine2Text, address_line2_text",
        "a2B, a2_b",
        "myHTTPServerURL, my_http_server_url",
        "already_snake, already_snake",
        "with_Capital, with_capital",
        "X, x",
    })
    void aComponentReadsTheColumnOfItsNameInSnakeCase(String component, String column) {
        assertThat(ColumnNames.snakeCase(component)).isEqualTo(column);
    }

    @ParameterizedTest
    @CsvSource({
        "customers, public.customers",
        "Shop.Customers, shop.customers",
        "public.order_lines, public.order_lines",
        "_x.t$1, _x.t$1",
    })
    void aTableIsSchemaDotTableInLowerCaseInSchemaPublicByDefault(String written, String table) {
        assertThat(ColumnNames.table(written)).contains(table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "public.", ".customers", "a.b.c", "order-lines", "1table", "\"Quoted\"",
        "public.customers ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aTableThatIsNotOneOrTwoUnquotedIdentifiersIsRefused(String written) {
        assertThat(ColumnNames.table(written)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_", "a$", "created_at", "A1",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anIdentifierOfAtMost63CharactersIsValid(String name) {
        assertThat(ColumnNames.isIdentifier(name)).isTrue();
    }
}
