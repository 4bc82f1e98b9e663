package dev.stele.codec.avro;

import dev.stele.codec.avro.Sample.Colour;
import dev.stele.codec.avro.Sample.Line;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link Sample}'s codec as the processor is to generate it: one write and one read method per record. */
final class SampleCodec {

    static final RecordFields SAMPLE = RecordFields.of("flag", "count", "total", "ratio", "score", "name", "at",
                    "day", "local", "id", "blob", "price", "colour", "note", "nickname", "priority", "lines", "tags",
                    "attributes")
            .withAliases("name", "title")
            .withOptional("note", "nickname", "priority")
            .withNullSecond("priority");
    static final RecordFields LINE = RecordFields.of("sku", "quantity", "note").withOptional("note");
    static final EnumSymbols<Colour> COLOUR = EnumSymbols.of("Colour", Colour.values(), null);

    private SampleCodec() {
    }

    static void writeSample(RecordWriter out, Sample value) throws IOException {
        out.startRecord(SAMPLE);
        out.field(SAMPLE, 0);
        out.writeBoolean(value.flag());
        out.field(SAMPLE, 1);
        out.writeInt(value.count());
        out.field(SAMPLE, 2);
        out.writeLong(value.total());
        out.field(SAMPLE, 3);
        out.writeFloat(value.ratio());
        out.field(SAMPLE, 4);
        out.writeDouble(value.score());
        out.field(SAMPLE, 5);
        out.writeString(value.name());
        out.field(SAMPLE, 6);
        out.writeInstant(value.at());
        out.field(SAMPLE, 7);
        out.writeLocalDate(value.day());
        out.field(SAMPLE, 8);
        out.writeLocalDateTime(value.local());
        out.field(SAMPLE, 9);
        out.writeUuid(value.id());
        out.field(SAMPLE, 10);
        out.writeBytes(value.blob());
        out.field(SAMPLE, 11);
        out.writeDecimal(value.price(), 12, 2);
        out.field(SAMPLE, 12);
        out.writeEnum(COLOUR, value.colour());
        out.field(SAMPLE, 13);
        out.writeOptional(value.note(), RecordWriter::writeString);
        out.field(SAMPLE, 14);
        out.writeNullable(value.nickname(), RecordWriter::writeString);
        out.field(SAMPLE, 15);
        out.writeOptional(value.priority(), RecordWriter::writeInt);
        out.field(SAMPLE, 16);
        out.writeList(value.lines(), SampleCodec::writeLine);
        out.field(SAMPLE, 17);
        out.writeList(value.tags(), RecordWriter::writeString);
        out.field(SAMPLE, 18);
        out.writeMap(value.attributes(), RecordWriter::writeInt);
        out.endRecord();
    }

    static Sample readSample(RecordReader in) throws IOException {
        boolean flag = false;
        int count = 0;
        long total = 0;
        float ratio = 0;
        double score = 0;
        String name = null;
        Instant at = null;
        LocalDate day = null;
        LocalDateTime local = null;
        UUID id = null;
        byte[] blob = null;
        BigDecimal price = null;
        Colour colour = null;
        Optional<String> note = Optional.empty();
        String nickname = null;
        Optional<Integer> priority = Optional.of(3);
        List<Line> lines = null;
        Set<String> tags = null;
        Map<String, Integer> attributes = null;
        for (int field = in.firstField(SAMPLE); field != RecordReader.END; field = in.nextField(SAMPLE)) {
            switch (field) {
                case 0 -> flag = in.readBoolean();
                case 1 -> count = in.readInt();
                case 2 -> total = in.readLong();
                case 3 -> ratio = in.readFloat();
                case 4 -> score = in.readDouble();
                case 5 -> name = in.readString();
                case 6 -> at = in.readInstant();
                case 7 -> day = in.readLocalDate();
                case 8 -> local = in.readLocalDateTime();
                case 9 -> id = in.readUuid();
                case 10 -> blob = in.readBytes();
                case 11 -> price = in.readDecimal(12, 2);
                case 12 -> colour = in.readEnum(COLOUR);
                case 13 -> note = in.readOptional(RecordReader::readString);
                case 14 -> nickname = in.readNullable(RecordReader::readString);
                case 15 -> priority = in.readOptional(RecordReader::readInt);
                case 16 -> lines = in.readList(SampleCodec::readLine);
                case 17 -> tags = in.readSet(RecordReader::readString);
                case 18 -> attributes = in.readMap(RecordReader::readInt);
            }
        }
        return new Sample(flag, count, total, ratio, score, name, at, day, local, id, blob, price, colour, note,
                nickname, priority, lines, tags, attributes);
    }

    static void writeLine(RecordWriter out, Line value) throws IOException {
        out.startRecord(LINE);
        out.field(LINE, 0);
        out.writeString(value.sku());
        out.field(LINE, 1);
        out.writeInt(value.quantity());
        out.field(LINE, 2);
        out.writeOptional(value.note(), RecordWriter::writeString);
        out.endRecord();
    }

    static Line readLine(RecordReader in) throws IOException {
        String sku = null;
        int quantity = 0;
        Optional<String> note = Optional.empty();
        for (int field = in.firstField(LINE); field != RecordReader.END; field = in.nextField(LINE)) {
            switch (field) {
                case 0 -> sku = in.readString();
                case 1 -> quantity = in.readInt();
                case 2 -> note = in.readOptional(RecordReader::readString);
            }
        }
        return new Line(sku, quantity, note);
    }
}
