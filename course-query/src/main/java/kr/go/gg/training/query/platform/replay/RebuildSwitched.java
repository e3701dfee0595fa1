package kr.go.gg.training.query.platform.replay;

/** Told when a rebuilt generation of a projection has gone live (every bean of this type). */
public interface RebuildSwitched {

    void switched(String projection, int generation);
}
