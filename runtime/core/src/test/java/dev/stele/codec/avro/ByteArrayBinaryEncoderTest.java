package dev.stele.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.spi.codec.CodecFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Stele's encoder writes the bytes Avro's own encoder writes, and refuses what UTF-8 cannot carry. */
class ByteArrayBinaryEncoderTest {

    private static final int HEADER = 10;

    @Test
    void stringsAreTheBytesOfAvrosEncoderWhetherAsciiOrNot() throws IOException {
        String ascii = "order-17 ? is a question mark";
        String longAscii = "x".repeat(200); // a two-byte length
        String accented = "café crème";
        String emoji = "pay 💶 now";
        String lateNonAscii = "a".repeat(130) + "é"; // a two-byte length guessed, then a different one written
        for (String text : List.of("", ascii, longAscii, accented, emoji, lateNonAscii, "\u0100\u07ff\u0800\uffff")) {
            ByteArrayBinaryEncoder stele = new ByteArrayBinaryEncoder(16, HEADER);
            stele.writeString(text);
            stele.writeInt(7); // what follows lands after the string, not over it

            assertThat(body(stele)).as(text).isEqualTo(avro(out -> {
                out.writeString(text);
                out.writeInt(7);
            }));
        }
    }

    @Test
    void anUnpairedSurrogateIsAFailureNotAQuestionMark() {
        for (String text : List.of("ab\ud83dcd", "\udca9", "tail\ud83d", "\ud83d\ud83d\udca9x")) {
            ByteArrayBinaryEncoder stele = new ByteArrayBinaryEncoder(16, HEADER);

            assertThatThrownBy(() -> stele.writeString(text)).as(text)
                    .isInstanceOf(CodecFailure.class)
                    .hasMessageContaining("unpaired surrogate");
        }
    }

    @Test
    void aUuidIsItsCanonicalTextAsAvroWritesIt() throws IOException {
        for (UUID uuid : List.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new UUID(0, 0),
                new UUID(-1, -1), UUID.randomUUID(), UUID.randomUUID())) {
            ByteArrayBinaryEncoder stele = new ByteArrayBinaryEncoder(16, HEADER);
            stele.writeUuid(uuid);

            assertThat(body(stele)).as(uuid.toString()).isEqualTo(avro(out -> out.writeString(uuid.toString())));
        }
    }

    @Test
    void floatsAndDoublesAreTheBytesOfAvrosEncoder() throws IOException {
        for (double value : new double[] {0, -0.0, 1.5, -2.25e-300, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN,
                Double.NEGATIVE_INFINITY, Math.PI}) {
            ByteArrayBinaryEncoder stele = new ByteArrayBinaryEncoder(4, HEADER);
            stele.writeFloat((float) value);
            stele.writeDouble(value);

            assertThat(body(stele)).as(Double.toString(value)).isEqualTo(avro(out -> {
                out.writeFloat((float) value);
                out.writeDouble(value);
            }));
        }
    }

    @Test
    void resetKeepsTheHeaderRoomAndForgetsTheLastMessage() {
        ByteArrayBinaryEncoder stele = new ByteArrayBinaryEncoder(16, HEADER);
        stele.writeString("x".repeat(100));
        stele.reset(HEADER);
        stele.writeInt(1);

        assertThat(stele.length()).isEqualTo(HEADER + 1);
        assertThat(stele.toByteArray()).hasSize(HEADER + 1).endsWith(2);
    }

    private static byte[] body(ByteArrayBinaryEncoder encoder) {
        return Arrays.copyOfRange(encoder.buffer(), HEADER, encoder.length());
    }

    private interface Writes {
        void to(BinaryEncoder out) throws IOException;
    }

    private static byte[] avro(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        writes.to(out);
        out.flush();
        return bytes.toByteArray();
    }
}
