package kr.go.gg.training.bench.workload;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kr.go.gg.training.api.course.CourseId;

/**
 * Walks each course of {@link CoursePlan} through its life with a fresh course id, timing every command on its own:
 * the one walk behind workload 1, the warm-ups, the solo diagnostic, the HTTP run and the CRUD peer.
 */
public final class CourseWalker {

    /** Sends the commands of one course in order (one instance per course: the HTTP client keeps the server's id). */
    @FunctionalInterface
    public interface CourseSender {
        void send(Object command) throws Exception;
    }

    private CourseWalker() {
    }

    /** Courses named {@code label}, every command through {@code sender}. */
    public static Load.Walker of(String label, int enrolments, CourseSender sender) {
        return of(label, enrolments, () -> sender, id -> { });
    }

    /**
     * Courses named {@code label}, each through a sender of its own from {@code senders}; {@code walked} hears each
     * course's id once its last command was answered.
     */
    public static Load.Walker of(String label, int enrolments, Supplier<CourseSender> senders,
                                 Consumer<CourseId> walked) {
        return (index, latencies) -> {
            CourseId id = CourseId.random();
            List<Object> commands = CoursePlan.commands(label, index, id, enrolments);
            CourseSender sender = senders.get();
            for (Object command : commands) {
                long start = System.nanoTime();
                sender.send(command);
                latencies.record(System.nanoTime() - start);
            }
            walked.accept(id);
            return commands.size();
        };
    }
}
