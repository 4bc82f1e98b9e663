package dev.stele.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.codec.avro.Sample.Line;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A codec in the SPI's shape, written and read through Avro: the same bytes as Avro's own, read back whole. */
class AvroRecordCodecTest {

    @Test
    void everyKindOfValueRoundTrips() throws Exception {
        Sample sample = Samples.full();

        assertThat(Samples.read(Samples.write(sample))).isEqualTo(sample);
    }

    @Test
    void absentOptionalsEmptyCollectionsAndNonFiniteNumbersRoundTrip() throws Exception {
        Sample sample = Samples.empty();

        assertThat(Samples.read(Samples.write(sample))).isEqualTo(sample);
    }

    @Test
    void writesTheBytesAvrosGenericWriterWritesWhenEveryValueIsPresent() throws Exception {
        Sample sample = Samples.full();

        assertThat(Samples.write(sample))
                .isEqualTo(Samples.writeGeneric(Samples.generic(Samples.V2, sample, Map.of())));
    }

    @Test
    void writesTheBytesAvrosGenericWriterWritesWhenEveryOptionalIsAbsent() throws Exception {
        Sample sample = Samples.empty();

        assertThat(Samples.write(sample))
                .isEqualTo(Samples.writeGeneric(Samples.generic(Samples.V2, sample, Map.of())));
    }

    @Test
    void readsAnOlderVersionThroughAResolvingDecoder() throws Exception {
        Sample sample = Samples.full();
        byte[] older = Samples.writeGeneric(Samples.generic(Samples.V1, sample, Map.of()));

        Sample read = SampleCodec.readSample(new AvroRecordReader(Samples.resolving(Samples.V1, older)));

        // priority from its schema default, the lines' notes absent; name read from title, legacy skipped
        Sample expected = new Sample(sample.flag(), sample.count(), sample.total(), sample.ratio(), sample.score(),
                sample.name(), sample.at(), sample.day(), sample.local(), sample.id(), sample.blob(), sample.price(),
                sample.colour(), sample.note(), sample.nickname(), Optional.of(3),
                List.of(new Line("A-1", 2, Optional.empty()), new Line("B-2", 1, Optional.empty())), sample.tags(),
                sample.attributes());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void readsItsOwnVersionThroughAResolvingDecoder() throws Exception {
        Sample sample = Samples.full();

        Sample read = SampleCodec.readSample(
                new AvroRecordReader(Samples.resolving(Samples.V2, Samples.write(sample))));

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void readsThroughTheCatalogsBoundedDecoder() throws Exception {
        Sample sample = Samples.full();
        byte[] bytes = Samples.write(sample);

        Sample read = SampleCodec.readSample(new AvroRecordReader(new BoundedBinaryDecoder(bytes, 0, bytes.length)));

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void readsAbsentOptionalsThroughAResolvingDecoder() throws Exception {
        Sample sample = Samples.empty();

        Sample read = SampleCodec.readSample(
                new AvroRecordReader(Samples.resolving(Samples.V2, Samples.write(sample))));

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void readsListsSetsAndMapsUnmodifiable() throws Exception {
        Sample read = Samples.read(Samples.write(Samples.full()));

        assertThatThrownBy(() -> read.lines().add(new Line("C-3", 1, Optional.empty())))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.tags().add("more")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.attributes().put("more", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsSetsAndMapsInTheOrderWritten() throws Exception {
        Sample read = Samples.read(Samples.write(Samples.full()));

        assertThat(read.tags()).containsExactly("new", "sale");
        assertThat(read.attributes().keySet()).containsExactly("a", "k");
    }
}
