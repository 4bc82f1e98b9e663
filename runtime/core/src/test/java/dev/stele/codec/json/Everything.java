package dev.stele.codec.json;

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

/** An event with a field of every kind, and its codec written by hand in the shape Stele generates. */
record Everything(boolean flag, int count, long total, float ratio, double score, String text, Instant at,
        LocalDate day, LocalDateTime local, UUID id, byte[] data, BigDecimal amount, Channel channel,
        Optional<String> note, String nickname, List<Line> lines, Set<String> tags, Map<String, Integer> attributes) {

    /** {@code count} has a {@code @Default} of 7; {@code note} is optional and {@code nickname} {@code @Nullable}. */
    static final int COUNT_DEFAULT = 7;

    enum Channel { WEB, STORE, PHONE }

    /** {@code quantity} has a {@code @Default} of 1; {@code sku} was once called {@code code}. */
    record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    static final RecordFields LINE = RecordFields.of("sku", "quantity", "unitPrice")
            .withAliases("sku", "code")
            .withOptional("quantity");

    static final RecordFields EVERYTHING = RecordFields.of("flag", "count", "total", "ratio", "score", "text", "at",
                    "day", "local", "id", "data", "amount", "channel", "note", "nickname", "lines", "tags", "attributes")
            .withAliases("text", "label")
            .withOptional("count", "note", "nickname");

    static final EnumSymbols<Channel> CHANNEL = EnumSymbols.of("Channel", Channel.values(), null);

    static void write(RecordWriter out, Everything value) throws IOException {
        out.startRecord(EVERYTHING);
        out.field(EVERYTHING, 0);
        out.writeBoolean(value.flag());
        out.field(EVERYTHING, 1);
        out.writeInt(value.count());
        out.field(EVERYTHING, 2);
        out.writeLong(value.total());
        out.field(EVERYTHING, 3);
        out.writeFloat(value.ratio());
        out.field(EVERYTHING, 4);
        out.writeDouble(value.score());
        out.field(EVERYTHING, 5);
        out.writeString(value.text());
        out.field(EVERYTHING, 6);
        out.writeInstant(value.at());
        out.field(EVERYTHING, 7);
        out.writeLocalDate(value.day());
        out.field(EVERYTHING, 8);
        out.writeLocalDateTime(value.local());
        out.field(EVERYTHING, 9);
        out.writeUuid(value.id());
        out.field(EVERYTHING, 10);
        out.writeBytes(value.data());
        out.field(EVERYTHING, 11);
        out.writeDecimal(value.amount(), 12, 2);
        out.field(EVERYTHING, 12);
        out.writeEnum(CHANNEL, value.channel());
        out.field(EVERYTHING, 13);
        out.writeOptional(value.note(), RecordWriter::writeString);
        out.field(EVERYTHING, 14);
        out.writeNullable(value.nickname(), RecordWriter::writeString);
        out.field(EVERYTHING, 15);
        out.writeList(value.lines(), Everything::writeLine);
        out.field(EVERYTHING, 16);
        out.writeList(value.tags(), RecordWriter::writeString);
        out.field(EVERYTHING, 17);
        out.writeMap(value.attributes(), RecordWriter::writeInt);
        out.endRecord();
    }

    static void writeLine(RecordWriter out, Line value) throws IOException {
        out.startRecord(LINE);
        out.field(LINE, 0);
        out.writeString(value.sku());
        out.field(LINE, 1);
        out.writeInt(value.quantity());
        out.field(LINE, 2);
        out.writeDecimal(value.unitPrice(), 12, 2);
        out.endRecord();
    }

    static Everything read(RecordReader in) throws IOException {
        boolean flag = false;
        int count = COUNT_DEFAULT;
        long total = 0;
        float ratio = 0;
        double score = 0;
        String text = null;
        Instant at = null;
        LocalDate day = null;
        LocalDateTime local = null;
        UUID id = null;
        byte[] data = null;
        BigDecimal amount = null;
        Channel channel = null;
        Optional<String> note = Optional.empty();
        String nickname = null;
        List<Line> lines = null;
        Set<String> tags = null;
        Map<String, Integer> attributes = null;
        for (int field = in.firstField(EVERYTHING); field != RecordReader.END; field = in.nextField(EVERYTHING)) {
            switch (field) {
                case 0 -> flag = in.readBoolean();
                case 1 -> count = in.readInt();
                case 2 -> total = in.readLong();
                case 3 -> ratio = in.readFloat();
                case 4 -> score = in.readDouble();
                case 5 -> text = in.readString();
                case 6 -> at = in.readInstant();
                case 7 -> day = in.readLocalDate();
                case 8 -> local = in.readLocalDateTime();
                case 9 -> id = in.readUuid();
                case 10 -> data = in.readBytes();
                case 11 -> amount = in.readDecimal(12, 2);
                case 12 -> channel = in.readEnum(CHANNEL);
                case 13 -> note = in.readOptional(RecordReader::readString);
                case 14 -> nickname = in.readNullable(RecordReader::readString);
                case 15 -> lines = in.readList(Everything::readLine);
                case 16 -> tags = in.readSet(RecordReader::readString);
                case 17 -> attributes = in.readMap(RecordReader::readInt);
                default -> throw new AssertionError(field);
            }
        }
        return new Everything(flag, count, total, ratio, score, text, at, day, local, id, data, amount, channel, note,
                nickname, lines, tags, attributes);
    }

    static Line readLine(RecordReader in) throws IOException {
        String sku = null;
        int quantity = 1;
        BigDecimal unitPrice = null;
        for (int field = in.firstField(LINE); field != RecordReader.END; field = in.nextField(LINE)) {
            switch (field) {
                case 0 -> sku = in.readString();
                case 1 -> quantity = in.readInt();
                case 2 -> unitPrice = in.readDecimal(12, 2);
                default -> throw new AssertionError(field);
            }
        }
        return new Line(sku, quantity, unitPrice);
    }
}
