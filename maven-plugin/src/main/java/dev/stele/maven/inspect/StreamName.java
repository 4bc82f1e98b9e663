package dev.stele.maven.inspect;

import dev.stele.store.StreamId;

/** A stream named on the command line: {@code -Dstele.stream=order-o-1001}, or {@code -Dstele.category} and {@code -Dstele.id}. */
public final class StreamName {

    private StreamName() {
    }

    /**
     * {@code stream} split at its first {@code -} into category and id ({@code order-o-1001} is category
     * {@code order}, id {@code o-1001}); or, when {@code category} is given, {@code stream} or {@code id} is the id.
     */
    public static StreamId parse(String stream, String category, String id) throws GoalFailure {
        if (category != null) {
            String streamId = id != null ? id : stream;
            if (streamId == null) {
                throw new GoalFailure("Which stream of category " + category + "? Give -Dstele.id=<id>.");
            }
            return StreamId.of(category, streamId);
        }
        if (stream == null) {
            throw new GoalFailure("Which stream? Give -Dstele.stream=<category>-<id> (e.g. order-o-1001), or"
                    + " -Dstele.category=<category> -Dstele.id=<id>; stele:streams lists them.");
        }
        int dash = stream.indexOf('-');
        if (dash <= 0 || dash == stream.length() - 1) {
            throw new GoalFailure("Stream '" + stream + "' is not <category>-<id> (e.g. order-o-1001); give"
                    + " -Dstele.category and -Dstele.id when the category has a '-'.");
        }
        return StreamId.of(stream.substring(0, dash), stream.substring(dash + 1));
    }
}
