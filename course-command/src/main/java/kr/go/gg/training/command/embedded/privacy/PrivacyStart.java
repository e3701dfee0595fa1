package kr.go.gg.training.command.embedded.privacy;

import org.springframework.beans.factory.InitializingBean;

/** At start, in this order: the key store is the events' own (else refuse), old plain enrolments are sealed, the file rewritten. */
public class PrivacyStart implements InitializingBean {

    private final KeyStoreCheck check;
    private final PlainEnrolmentMigration migration;
    private final FileRewrite rewrite;

    public PrivacyStart(KeyStoreCheck check, PlainEnrolmentMigration migration, FileRewrite rewrite) {
        this.check = check;
        this.migration = migration;
        this.rewrite = rewrite;
    }

    @Override
    public void afterPropertiesSet() {
        check.requireKeysForSealedEvents();
        if (migration.runOnce() > 0) {
            rewrite.rewriteNow();
        }
    }
}
