package dev.stele.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.codec.avro.Sample.Line;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The checks writing makes, and the path a failure leaves. */
class AvroRecordWriterTest {

    private final AvroRecordWriter out = new AvroRecordWriter(
            EncoderFactory.get().binaryEncoder(new ByteArrayOutputStream(), null));

    @Test
    void aNullFieldOfARecordInAListFailsNamingTheElementAndField() {
        Sample sample = Samples.withLines(Samples.full(),
                List.of(new Line("A-1", 1, Optional.empty()), new Line(null, 2, Optional.empty())));

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample))
                .isInstanceOf(CodecFailure.class)
                .hasMessageStartingWith("is null, which the field does not take");
        assertThat(out.path()).isEqualTo("lines[1].sku");
    }

    @Test
    void aWriterResetAfterAFailureWritesTheNextEventFromTheTop() throws Exception {
        Sample broken = Samples.withLines(Samples.full(), List.of(new Line(null, 2, Optional.empty())));
        assertThatThrownBy(() -> SampleCodec.writeSample(out, broken)).isInstanceOf(CodecFailure.class);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        SampleCodec.writeSample(out.reset(encoder), Samples.full());
        encoder.flush();

        assertThat(bytes.toByteArray()).isEqualTo(Samples.write(Samples.full()));
        assertThat(out.path()).isEmpty();
    }

    @Test
    void aNullElementOfASetFailsNamingItsIndex() {
        Set<String> tags = new LinkedHashSet<>(Arrays.asList("new", null));
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(), full.name(),
                full.at(), full.day(), full.local(), full.id(), full.blob(), full.price(), full.colour(), full.note(),
                full.nickname(), full.priority(), full.lines(), tags, full.attributes());

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample)).isInstanceOf(CodecFailure.class);
        assertThat(out.path()).isEqualTo("tags[1]");
    }

    @Test
    void aNullValueOfAMapFailsNamingItsKey() {
        Map<String, Integer> attributes = new HashMap<>();
        attributes.put("k", null);
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(), full.name(),
                full.at(), full.day(), full.local(), full.id(), full.blob(), full.price(), full.colour(), full.note(),
                full.nickname(), full.priority(), full.lines(), full.tags(), attributes);

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample)).isInstanceOf(CodecFailure.class);
        assertThat(out.path()).isEqualTo("attributes.k");
    }

    @Test
    void aNullOptionalFailsNamingItsField() {
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(), full.name(),
                full.at(), full.day(), full.local(), full.id(), full.blob(), full.price(), full.colour(), null,
                full.nickname(), full.priority(), full.lines(), full.tags(), full.attributes());

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample)).isInstanceOf(CodecFailure.class);
        assertThat(out.path()).isEqualTo("note");
    }

    @Test
    void anInstantBeyondTheNanosecondRangeFailsNamingItsField() {
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(), full.name(),
                Instant.parse("2262-04-11T23:47:16.854775808Z"), full.day(), full.local(), full.id(), full.blob(),
                full.price(), full.colour(), full.note(), full.nickname(), full.priority(), full.lines(), full.tags(),
                full.attributes());

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("outside the range of a timestamp in nanoseconds");
        assertThat(out.path()).isEqualTo("at");
    }

    @Test
    void aDecimalThatWouldNeedRoundingFailsNamingItsField() {
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(), full.name(),
                full.at(), full.day(), full.local(), full.id(), full.blob(), new BigDecimal("1.005"), full.colour(),
                full.note(), full.nickname(), full.priority(), full.lines(), full.tags(), full.attributes());

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("does not round");
        assertThat(out.path()).isEqualTo("price");
    }

    @Test
    void anUnpairedSurrogateFailsNamingItsField() {
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(), "bad \uD800",
                full.at(), full.day(), full.local(), full.id(), full.blob(), full.price(), full.colour(), full.note(),
                full.nickname(), full.priority(), full.lines(), full.tags(), full.attributes());

        assertThatThrownBy(() -> SampleCodec.writeSample(out, sample))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("unpaired surrogate");
        assertThat(out.path()).isEqualTo("name");
    }

    @Test
    void aFieldOutOfDeclarationOrderIsRefused() throws Exception {
        out.startRecord(SampleCodec.LINE);
        out.field(SampleCodec.LINE, 0);
        out.writeString("A-1");

        assertThatThrownBy(() -> out.field(SampleCodec.LINE, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("field 2 written where field 1");
        assertThat(out.path()).isEqualTo("sku"); // still at the field written last
    }

    @Test
    void aFieldOutsideAnyRecordSaysWhichWouldBelongThere() {
        assertThatThrownBy(() -> out.field(SampleCodec.LINE, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("field 1 written where field 0 of null belongs");
    }

    @Test
    void aStringRefusedOnStelesOwnEncoderNamesItsFieldAsOnAvros() {
        AvroRecordWriter own = new AvroRecordWriter(new ByteArrayBinaryEncoder(16, 0));
        Sample full = Samples.full();
        Sample sample = new Sample(full.flag(), full.count(), full.total(), full.ratio(), full.score(),
                "a".repeat(300) + "\uD800", full.at(), full.day(), full.local(), full.id(), full.blob(), full.price(),
                full.colour(), full.note(), full.nickname(), full.priority(), full.lines(), full.tags(),
                full.attributes());

        assertThatThrownBy(() -> SampleCodec.writeSample(own, sample))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("unpaired surrogate");
        assertThat(own.path()).isEqualTo("name");
    }

    @Test
    void aRecordEndedBeforeItsLastFieldIsRefused() throws Exception {
        out.startRecord(SampleCodec.LINE);
        out.field(SampleCodec.LINE, 0);
        out.writeString("A-1");

        assertThatThrownBy(out::endRecord).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOptionalOutsideARecordFieldIsRefused() throws Exception {
        RecordFields tags = RecordFields.of("tags");
        out.startRecord(tags);
        out.field(tags, 0);

        assertThatThrownBy(() -> out.writeList(List.of(Optional.of("a")),
                (writer, value) -> writer.writeOptional(value, RecordWriter::writeString)))
                .isInstanceOf(IllegalStateException.class);
    }
}
