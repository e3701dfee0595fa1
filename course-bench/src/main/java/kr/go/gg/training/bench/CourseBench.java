package kr.go.gg.training.bench;

/** Placeholder until the benchmark issue lands. */
public final class CourseBench {

    public static void main(String[] args) {
        System.out.println("bench: not yet implemented");
    }
}
