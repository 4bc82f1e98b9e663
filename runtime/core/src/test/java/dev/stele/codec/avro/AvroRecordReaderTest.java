package dev.stele.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stele.codec.avro.Sample.Line;
import dev.stele.spi.codec.CodecFailure;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/** The checks reading makes, and the path a failure leaves. */
class AvroRecordReaderTest {

    private AvroRecordReader in;

    @Test
    void dataTruncatedInAMapValueFailsNamingItsKey() throws Exception {
        byte[] bytes = Samples.write(Samples.full());
        // the last entry's value, 7, and the map's end
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 2);

        assertThat(readFailure(truncated)).isInstanceOf(EOFException.class);
        assertThat(in.path()).isEqualTo("attributes.k");
    }

    @Test
    void dataTruncatedInAFieldOfARecordInAListFailsNamingTheElementAndField() throws Exception {
        Sample sample = Samples.withLines(Samples.empty(),
                List.of(new Line("A-1", 1, Optional.empty()), new Line("ABCDEFGH", 2, Optional.empty())));
        byte[] bytes = Samples.write(sample);
        // the ends of attributes, tags and lines, the last line's note and quantity, and four letters of its sku
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 9);

        assertThat(readFailure(truncated)).isInstanceOf(EOFException.class);
        assertThat(in.path()).isEqualTo("lines[1].sku");
    }

    @Test
    void dataTruncatedAnywhereFailsNamingAField() throws Exception {
        byte[] bytes = Samples.write(Samples.full());

        for (int length = 0; length < bytes.length; length++) {
            Throwable failure = readFailure(Arrays.copyOf(bytes, length));

            assertThat(failure).as("cut at %d", length).isInstanceOf(EOFException.class);
            assertThat(in.path()).as("cut at %d", length).isNotEmpty();
        }
    }

    @Test
    void aUnionBranchBeyondTheUnionFailsNamingItsField() throws Exception {
        Schema branchFive = Samples.withFieldType(Samples.V2, "note", Schema.create(Schema.Type.INT));
        byte[] bytes = Samples.writeGeneric(Samples.generic(branchFive, Samples.full(), Map.of("note", 5)));

        assertThat(readFailure(bytes))
                .isInstanceOf(CodecFailure.class)
                .hasMessage("union branch 5 does not exist; the union has 2");
        assertThat(in.path()).isEqualTo("note");
    }

    @Test
    void aNegativeUnionBranchFailsNamingItsField() throws Exception {
        Schema branchMinusOne = Samples.withFieldType(Samples.V2, "priority", Schema.create(Schema.Type.INT));
        byte[] bytes = Samples.writeGeneric(Samples.generic(branchMinusOne, Samples.full(), Map.of("priority", -1)));

        assertThat(readFailure(bytes))
                .isInstanceOf(CodecFailure.class)
                .hasMessage("union branch -1 does not exist; the union has 2");
        assertThat(in.path()).isEqualTo("priority");
    }

    @Test
    void anEnumIndexBeyondTheSymbolsFailsNamingItsField() throws Exception {
        Schema indexNine = Samples.withFieldType(Samples.V2, "colour", Schema.create(Schema.Type.INT));
        byte[] bytes = Samples.writeGeneric(Samples.generic(indexNine, Samples.full(), Map.of("colour", 9)));

        assertThat(readFailure(bytes))
                .isInstanceOf(CodecFailure.class)
                .hasMessage("enum symbol 9 does not exist; the enum has 3");
        assertThat(in.path()).isEqualTo("colour");
    }

    @Test
    void aNegativeEnumIndexFailsNamingItsField() throws Exception {
        Schema indexMinusOne = Samples.withFieldType(Samples.V2, "colour", Schema.create(Schema.Type.INT));
        byte[] bytes = Samples.writeGeneric(Samples.generic(indexMinusOne, Samples.full(), Map.of("colour", -1)));

        assertThat(readFailure(bytes))
                .isInstanceOf(CodecFailure.class)
                .hasMessage("enum symbol -1 does not exist; the enum has 3");
        assertThat(in.path()).isEqualTo("colour");
    }

    @Test
    void textThatIsNotAUuidFailsNamingItsField() throws Exception {
        byte[] bytes = Samples.writeGeneric(Samples.generic(Samples.V2, Samples.full(), Map.of("id", "1-2-3-4-5")));

        assertThat(readFailure(bytes))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("is not a UUID");
        assertThat(in.path()).isEqualTo("id");
    }

    @Test
    void aDecimalBeyondItsPrecisionFailsNamingItsField() throws Exception {
        // 10^12 hundredths: thirteen digits where the field holds twelve
        ByteBuffer tooLong = ByteBuffer.wrap(java.math.BigInteger.TEN.pow(12).toByteArray());
        byte[] bytes = Samples.writeGeneric(Samples.generic(Samples.V2, Samples.full(), Map.of("price", tooLong)));

        assertThat(readFailure(bytes))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("@Decimal(precision = 12, scale = 2)");
        assertThat(in.path()).isEqualTo("price");
    }

    @Test
    void aFailureInAnOlderVersionNamesTheFieldInTheCodecsSchema() throws Exception {
        byte[] bytes = Samples.writeGeneric(Samples.generic(Samples.V1, Samples.full(), Map.of("id", "not a uuid")));
        in = new AvroRecordReader(Samples.resolving(Samples.V1, bytes));

        assertThatThrownBy(() -> SampleCodec.readSample(in)).isInstanceOf(CodecFailure.class);
        assertThat(in.path()).isEqualTo("id");
    }

    @Test
    void aReaderResetAfterAFailureReadsTheNextEventFromTheTop() throws Exception {
        byte[] bytes = Samples.write(Samples.full());
        assertThat(readFailure(Arrays.copyOf(bytes, bytes.length - 2))).isInstanceOf(EOFException.class);

        Sample read = SampleCodec.readSample(in.reset(DecoderFactory.get().binaryDecoder(bytes, null)));

        assertThat(read).isEqualTo(Samples.full());
        assertThat(in.path()).isEmpty();
        // and a resolving decoder after a plain one
        Sample resolved = SampleCodec.readSample(in.reset(Samples.resolving(Samples.V2, bytes)));
        assertThat(resolved).isEqualTo(Samples.full());
    }

    private Throwable readFailure(byte[] bytes) {
        in = new AvroRecordReader(DecoderFactory.get().binaryDecoder(bytes, null));
        Throwable failure = catchThrowable(() -> SampleCodec.readSample(in));
        assertThat(failure).as("reading %s", Arrays.toString(bytes)).isNotNull();
        return failure;
    }
}
