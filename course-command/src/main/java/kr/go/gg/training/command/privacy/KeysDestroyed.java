package kr.go.gg.training.command.privacy;

/**
 * Told after a commit that destroyed keys: a deployment whose store keeps old bytes in its files (the embedded
 * default's H2) rewrites them so that the destroyed key's bytes leave the disk too.
 */
public interface KeysDestroyed {

    void afterCommit();
}
