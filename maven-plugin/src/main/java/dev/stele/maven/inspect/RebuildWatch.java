package dev.stele.maven.inspect;

import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.ProjectionReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code stele:rebuild}: follows the newest registered version of a projection, which the application's runner
 * catches up and joins to the slot, until that runner makes it current. It reads the database only, through the
 * status: the rebuild itself runs in the runner (only the runner that reads the slot can hold it for the new
 * version). While the new version catches up it shows the events done of the total with the rate and time left
 * (a bar redrawn in place on a terminal, else a line every few seconds); then how far behind the current version
 * it is on the slot; then the line saying it is current.
 */
public final class RebuildWatch {

    /** Where the watch reads the status; each call is a fresh read of the database. */
    @FunctionalInterface
    public interface Source {
        InspectionStatus read() throws GoalFailure;
    }

    /** The watch's clock and sleep, so a test can run it without waiting. */
    public interface Clock {
        long nanoTime();

        void sleep(Duration duration) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }

    /**
     * @param timeout how long to wait for the new version to be current; zero waits as long as it takes
     * @param poll how often to read the status (at least four times as long as the last read took: counting a
     *     catch-up scans the events table)
     * @param console whether {@code out} is a terminal: the progress is redrawn in place with {@code \r}
     */
    public record Settings(Duration timeout, Duration poll, boolean console) {
    }

    static final String HOW = "raise @Projection(version) and run the runner with the new class; docs/operations.md,"
            + " Rebuilding a projection";
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);
    private static final int BAR = 30;

    private final Source source;
    private final Clock clock;
    private final PrintStream out;
    private final Settings settings;

    private String lastLine = "";
    private boolean inPlace;
    private long lastPrinted;
    private String lastStage;
    private long firstDone = -1;
    private long firstDoneAt;

    public RebuildWatch(Source source, Clock clock, PrintStream out, Settings settings) {
        this.source = source;
        this.clock = clock;
        this.out = out;
        this.settings = settings;
    }

    /**
     * Follows {@code projection}'s newest version until it is current; returns the line that says so.
     *
     * @throws GoalFailure if the projection is unknown, has no version newer than the current one, its new version
     *     stopped on a poison event, or the timeout passed first
     */
    public String follow(String projection) throws GoalFailure {
        long started = clock.nanoTime();
        boolean first = true;
        while (true) {
            long readStarted = clock.nanoTime();
            InspectionStatus status = source.read();
            long readTook = clock.nanoTime() - readStarted;
            List<ProjectionReport> versions = status.versions(projection);
            if (versions.isEmpty()) {
                throw new GoalFailure(unknown(projection, status));
            }
            ProjectionReport newest = versions.get(versions.size() - 1);
            if (newest.current()) {
                if (first && versions.size() == 1) {
                    throw new GoalFailure("Projection " + projection + " has no version newer than its current version "
                            + newest.version() + " to rebuild: " + HOW + ".");
                }
                String done = "version " + newest.version() + " of " + projection + " is current"
                        + newest.switchedAt().map(at -> " (switched at " + at + ")").orElse("");
                finish();
                return done;
            }
            if (newest.stoppedOn().isPresent()) {
                finish();
                throw new GoalFailure("Version " + newest.version() + " of " + projection + " stopped on "
                        + newest.stoppedOn().get() + "; fix its handler and restart the application's runner.");
            }
            String state = state(status, versions, newest);
            if (settings.timeout().compareTo(Duration.ZERO) > 0
                    && clock.nanoTime() - started >= settings.timeout().toNanos()) {
                finish();
                throw new GoalFailure("Version " + newest.version() + " of " + projection + " is not current after "
                        + settings.timeout().toSeconds() + " s (-Dstele.timeout); last seen: " + state + ".");
            }
            show(state, newest.catchUp().isPresent() ? "catching up" : "drawing level");
            first = false;
            try {
                clock.sleep(pause(readTook));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish();
                throw new GoalFailure("Interrupted while following the rebuild of " + projection + "; last seen: "
                        + state + ".", e);
            }
        }
    }

    /** The poll, or four times the last read when counting the catch-up took longer. */
    private Duration pause(long readTookNanos) {
        Duration read = Duration.ofNanos(readTookNanos * 4);
        return read.compareTo(settings.poll()) > 0 ? read : settings.poll();
    }

    /** The new version's state in words, with the progress bar while it catches up. */
    private String state(InspectionStatus status, List<ProjectionReport> versions, ProjectionReport newest) {
        String idle = status.slot(newest.slotName()).filter(s -> !s.active()).map(s -> "; no runner reads slot "
                + s.slotName() + " now: start the application's runner").orElse("");
        Optional<ProjectionReport> current = versions.stream().filter(ProjectionReport::current).findFirst();
        String version = "version " + newest.version() + " of " + newest.projectionName();
        if (newest.catchUp().isPresent()) {
            ProjectionReport.CatchUp catchUp = newest.catchUp().get();
            long now = clock.nanoTime();
            if (firstDone < 0) {
                firstDone = catchUp.done();
                firstDoneAt = now;
            }
            double seconds = (now - firstDoneAt) / 1e9;
            double rate = seconds > 0 ? (catchUp.done() - firstDone) / seconds : 0;
            String eta = rate > 0 ? ", " + duration((long) ((catchUp.total() - catchUp.done()) / rate)) + " left" : "";
            int filled = (int) Math.round(Math.min(1, catchUp.fraction()) * BAR);
            return version + " catching up [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", Math.round(catchUp.fraction() * 100)) + " " + catchUp.done()
                    + " of " + catchUp.total() + " events" + (catchUp.handledOnly() ? "" : " (all events)")
                    + (seconds > 0 ? ", " + Math.round(rate) + "/s" : "") + eta + idle;
        }
        if (current.isEmpty()) {
            return version + " joined the slot: it becomes current as soon as its runner sees it" + idle;
        }
        long behind = Math.max(0, current.get().checkpoint().bytesSince(newest.checkpoint()));
        return version + " joined the slot, drawing level: " + behind + " bytes behind version "
                + current.get().version() + idle;
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /**
     * On a terminal the state is redrawn in place; else it is printed as a line when the stage changed or every few
     * seconds.
     */
    private void show(String state, String stage) {
        long now = clock.nanoTime();
        if (settings.console()) {
            if (!stage.equals(lastStage) && inPlace) {
                out.println(); // the last state of the stage before stays on its line
                lastLine = "";
            }
            String padding = " ".repeat(Math.max(0, lastLine.length() - state.length()));
            out.print("\r" + state + padding);
            out.flush();
            inPlace = true;
        } else if (!stage.equals(lastStage) || !state.equals(lastLine) && now - lastPrinted >= LINE_EVERY.toNanos()) {
            out.println(state);
            out.flush();
            lastPrinted = now;
        }
        lastStage = stage;
        lastLine = state;
    }

    /** Ends a line drawn in place. */
    private void finish() {
        if (inPlace) {
            out.println();
            out.flush();
            inPlace = false;
        }
    }

    /** The one line for a projection that is not registered, with the registered names closest to it. */
    static String unknown(String projection, InspectionStatus status) {
        TreeSet<String> names = new TreeSet<>();
        status.projections().forEach(p -> names.add(p.projectionName()));
        List<String> near = new ArrayList<>();
        for (String name : names) {
            if (name.contains(projection) || projection.contains(name)
                    || distance(name, projection) <= Math.max(2, projection.length() / 3)) {
                near.add(name);
            }
        }
        String hint = near.isEmpty() ? names.isEmpty() ? " (none is)." : "; registered: " + String.join(", ", names)
                + "." : "; did you mean " + String.join(" or ", near) + "?";
        return "No projection " + projection + " is registered in this store" + hint + " A projection is registered"
                + " when a runner starts with it.";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j], row[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }
}
