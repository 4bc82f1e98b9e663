package dev.stele.codec.avro;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An event with a field of every kind a codec writes; {@code nickname} stands for a {@code @Nullable} field
 * and {@code priority} for an Optional with {@code @Default(3)}, whose union puts null second.
 */
record Sample(
        boolean flag,
        int count,
        long total,
        float ratio,
        double score,
        String name,
        Instant at,
        LocalDate day,
        LocalDateTime local,
        UUID id,
        byte[] blob,
        BigDecimal price,
        Colour colour,
        Optional<String> note,
        String nickname,
        Optional<Integer> priority,
        List<Line> lines,
        Set<String> tags,
        Map<String, Integer> attributes) {

    enum Colour { RED, GREEN, BLUE }

    record Line(String sku, int quantity, Optional<String> note) {
    }

    /** Component-wise, the bytes by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Sample that
                && flag == that.flag && count == that.count && total == that.total
                && Float.compare(ratio, that.ratio) == 0 && Double.compare(score, that.score) == 0
                && Objects.equals(name, that.name) && Objects.equals(at, that.at) && Objects.equals(day, that.day)
                && Objects.equals(local, that.local) && Objects.equals(id, that.id) && Arrays.equals(blob, that.blob)
                && Objects.equals(price, that.price) && colour == that.colour && Objects.equals(note, that.note)
                && Objects.equals(nickname, that.nickname) && Objects.equals(priority, that.priority)
                && Objects.equals(lines, that.lines) && Objects.equals(tags, that.tags)
                && Objects.equals(attributes, that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, at, id);
    }

    @Override
    public String toString() {
        return "Sample[" + flag + ", " + count + ", " + total + ", " + ratio + ", " + score + ", " + name + ", " + at
                + ", " + day + ", " + local + ", " + id + ", " + Arrays.toString(blob) + ", " + price + ", " + colour
                + ", " + note + ", " + nickname + ", " + priority + ", " + lines + ", " + tags + ", " + attributes
                + "]";
    }
}
