package kr.go.gg.training.command.embedded.agreement;

import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import java.time.YearMonth;

import javax.sql.DataSource;

import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's own table of agreements (province, month signed), in the command database. It is written
 * in the transaction that appends the AgreementRecorded event, so it is never behind the event store.
 */
public class JdbcAgreementLookup implements AgreementLookup, InitializingBean {

    private final JdbcTemplate jdbc;

    public JdbcAgreementLookup(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS agreementLookup (
                    agreementId VARCHAR(64) PRIMARY KEY,
                    province VARCHAR(100) NOT NULL,
                    signedOn CHAR(7) NOT NULL
                )""");
    }

    /** Idempotent: a replayed event overwrites its own row. */
    public void record(AgreementRecorded event) {
        jdbc.update("MERGE INTO agreementLookup (agreementId, province, signedOn) KEY (agreementId) VALUES (?, ?, ?)",
                event.agreementId().value(), event.province().name(), event.signedOn().toString());
    }

    @Override
    public boolean inForce(Province province, YearMonth month) {
        // ISO year-months ("2013-05") order as text
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM agreementLookup WHERE province = ? AND signedOn <= ?",
                Integer.class, province.name(), month.toString());
        return count != null && count > 0;
    }
}
