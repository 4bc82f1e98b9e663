package dev.stele.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.spi.codec.CodecFailure;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Whole numbers and UUIDs read back as Avro wrote them, wherever they sit in the data. */
class BoundedBinaryDecoderTest {

    @Test
    void longsReadBackWhetherTenBytesRemainOrFewer() throws IOException {
        SplittableRandom random = new SplittableRandom(13);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 63L, 64L, -64L, -65L, Long.MAX_VALUE, Long.MIN_VALUE,
                (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE));
        for (int i = 0; i < 2_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        for (long value : values) {
            out.writeLong(value);
        }
        out.flush();
        byte[] data = bytes.toByteArray();

        BoundedBinaryDecoder in = new BoundedBinaryDecoder(data, 0, data.length);
        for (long value : values) {
            assertThat(in.readLong()).isEqualTo(value);
        }
        assertThat(in.remaining()).isZero();
        // the last values sit within ten bytes of the end, where each byte is checked
        assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class);
    }

    @Test
    void aVarintOfMoreThanTenBytesIsAFailureInTheMiddleAndAtTheEnd() {
        byte[] endless = new byte[11];
        java.util.Arrays.fill(endless, (byte) 0x80);
        byte[] padded = java.util.Arrays.copyOf(endless, 30);

        assertThatThrownBy(() -> new BoundedBinaryDecoder(endless, 1, 10).readLong())
                .isInstanceOf(CodecFailure.class).hasMessageContaining("runs past 10 bytes");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(padded, 0, 30).readLong())
                .isInstanceOf(CodecFailure.class).hasMessageContaining("runs past 10 bytes");
    }

    @Test
    void aUuidIsReadFromItsTextInEitherCase() throws IOException {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        byte[] data = avroStrings("123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000", "next");

        BoundedBinaryDecoder in = new BoundedBinaryDecoder(data, 0, data.length);

        assertThat(in.readUuid()).isEqualTo(uuid);
        assertThat(in.readUuid()).isEqualTo(uuid);
        assertThat(in.readString()).isEqualTo("next");
    }

    @Test
    void textThatIsNotAUuidFailsAsUuidsParseSays() throws IOException {
        for (String text : List.of("123e4567-e89b-12d3-a456-42661417400g", "123e4567e89b-12d3-a456-4266141740000",
                "1-2-3-4-5", "", "123e4567-e89b-12d3-a456-4266141740001")) {
            byte[] data = avroStrings(text);

            assertThatThrownBy(() -> new BoundedBinaryDecoder(data, 0, data.length).readUuid()).as(text)
                    .isInstanceOf(CodecFailure.class)
                    .hasMessage("'" + text + "' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        }
    }

    private static byte[] avroStrings(String... texts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        for (String text : texts) {
            out.writeString(text);
        }
        out.flush();
        return bytes.toByteArray();
    }
}
